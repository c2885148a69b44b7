/**
 * The operations part of the Azure template, read as text (no Bicep compiler here): backups,
 * diagnostic settings, the Durable backend, alerts and the workbook.
 */
import fs from 'node:fs';
import path from 'node:path';
import { OperationsSnapshotSchema } from '../../../shared/domain/metrics/operations-figures';
import { TIMELINE_EVENT_TYPES } from '../../../shared/domain/timeline/timeline-event';
import { TICKET_LIFECYCLE_ORCHESTRATION } from '../../../shared/orchestration/lifecycle-names';
import { moduleDeclarations, readBicepFiles, resourceDeclarations, type ResourceDeclaration } from './bicep-text';

const REPO = path.join(__dirname, '../../..');
const INFRA = path.join(REPO, 'infra/azure');
const template = readBicepFiles(INFRA);
const resources = resourceDeclarations(template);

function fileCode(name: string): string {
  const file = template.find((f) => f.file.endsWith(name));
  if (!file) throw new Error(`infra/azure/${name} is missing`);
  return file.code;
}

function deployed(type: string): ResourceDeclaration[] {
  return resources.filter((r) => r.type === type && !r.existing);
}

/** The logs and metrics each data-bearing resource type sends to Log Analytics. */
const EXPECTED_DIAGNOSTICS: Record<string, { logs: string[]; metrics: string[] }> = {
  'Microsoft.DocumentDB/databaseAccounts': { logs: ['DataPlaneRequests', 'ControlPlaneRequests', 'QueryRuntimeStatistics', 'PartitionKeyRUConsumption'], metrics: ['Requests'] },
  'Microsoft.Storage/storageAccounts': { logs: [], metrics: ['Transaction'] },
  'Microsoft.Storage/storageAccounts/blobServices': { logs: ['StorageRead', 'StorageWrite', 'StorageDelete'], metrics: ['Transaction'] },
  'Microsoft.Storage/storageAccounts/queueServices': { logs: ['StorageRead', 'StorageWrite', 'StorageDelete'], metrics: ['Transaction'] },
  'Microsoft.Storage/storageAccounts/tableServices': { logs: ['StorageRead', 'StorageWrite', 'StorageDelete'], metrics: ['Transaction'] },
  'Microsoft.KeyVault/vaults': { logs: ['AuditEvent'], metrics: ['AllMetrics'] },
  'Microsoft.Web/sites': { logs: ['FunctionAppLogs'], metrics: ['AllMetrics'] },
};

/** Categories named in a diagnostic setting's body, resolving a `var` it refers to in the same file. */
function categories(setting: ResourceDeclaration, kind: 'logs' | 'metrics'): string[] {
  const code = fileCode(path.basename(setting.file));
  const direct = new RegExp(`${kind}:\\s*\\[([\\s\\S]*?)\\n    \\]`).exec(setting.body)?.[1];
  const viaVariable = new RegExp(`${kind}:\\s*(\\w+)\\s*$`, 'm').exec(setting.body)?.[1];
  const text = direct ?? (viaVariable === undefined ? '' : (new RegExp(`^var\\s+${viaVariable}\\s*=\\s*\\[([\\s\\S]*?)\\n\\]`, 'm').exec(code)?.[1] ?? ''));
  return [...text.matchAll(/category:\s*'(\w+)'/g)].map((match) => match[1] ?? '');
}

describe('Azure operations template', () => {
  describe('data protection', () => {
    it('keeps Cosmos DB on continuous backup, 7 days unless 30 are asked for', () => {
      const [account] = deployed('Microsoft.DocumentDB/databaseAccounts');
      const cosmos = fileCode('cosmos.bicep');
      const main = fileCode('main.bicep');

      expect(account?.body).toMatch(/backupPolicy:\s*\{\s*type:\s*'Continuous'\s*continuousModeProperties:\s*\{\s*tier:\s*continuousBackupTier\s*\}/);
      expect(cosmos).toMatch(/param continuousBackupTier string = 'Continuous7Days'/);
      expect(cosmos).toMatch(/@allowed\(\[\s*'Continuous7Days'\s*'Continuous30Days'\s*\]\)\s*param continuousBackupTier/);
      expect(main).toMatch(/@allowed\(\[\s*7\s*30\s*\]\)\s*param cosmosBackupRetentionDays int = 7/);
      expect(main).toContain("continuousBackupTier: 'Continuous${cosmosBackupRetentionDays}Days'");
    });

    it('sends the logs and metrics of Cosmos DB, storage, the Key Vault and the Function App to Log Analytics', () => {
      const settings = resources.filter((r) => r.type === 'Microsoft.Insights/diagnosticSettings');
      const covered = new Map<string, ResourceDeclaration>();
      for (const setting of settings) {
        const scope = /scope:\s*(\w+)/.exec(setting.body)?.[1];
        const target = resources.find((r) => r.file === setting.file && r.symbol === scope);
        if (target) covered.set(target.type, setting);
        expect(setting.body).toMatch(/workspaceId:\s*workspaceId/);
      }

      for (const [type, expected] of Object.entries(EXPECTED_DIAGNOSTICS)) {
        const setting = covered.get(type);
        expect([type, setting === undefined ? 'no diagnostic setting' : 'has one']).toEqual([type, 'has one']);
        if (!setting) continue;
        expect(categories(setting, 'logs').sort()).toEqual([...expected.logs].sort());
        expect(categories(setting, 'metrics')).toEqual(expected.metrics);
      }
    });

    it('covers every deployed resource of those types, wired to the workspace of the monitoring module', () => {
      for (const type of Object.keys(EXPECTED_DIAGNOSTICS).filter((t) => !t.includes('Services'))) {
        expect([type, deployed(type).length]).toEqual([type, 1]);
      }
      const diagnostics = moduleDeclarations(template).find((m) => m.target.endsWith(path.join('app', 'diagnostics.bicep')));
      expect(diagnostics?.body).toMatch(/workspaceId:\s*monitoring\.outputs\.logAnalyticsWorkspaceId/);
      for (const source of ['cosmos.outputs.accountName', 'storage.outputs.name', 'keyVault.outputs.name', 'api.outputs.name']) expect(diagnostics?.body).toContain(source);
    });
  });

  describe('Durable backend', () => {
    const DURABLE_TASK_DATA_CONTRIBUTOR = '0ad04412-c4d5-4796-b79c-f76d14c8d402';

    it('provisions the Durable Task Scheduler by default, keeping Azure Storage as the alternative', () => {
      const main = fileCode('main.bicep');
      expect(main).toMatch(/@allowed\(\[\s*'durableTaskScheduler'\s*'azureStorage'\s*\]\)\s*param durableBackend string = 'durableTaskScheduler'/);
      const module = moduleDeclarations(template).find((m) => m.target.endsWith(path.join('app', 'durable-task-scheduler.bicep')));
      expect(module?.body).toMatch(/taskHubName:\s*taskHubName/);
      expect(main).toMatch(/^module durableTaskScheduler '[^']+' = if \(durableBackend == 'durableTaskScheduler'\)/m);
      expect(deployed('Microsoft.DurableTask/schedulers')).toHaveLength(1);
      expect(deployed('Microsoft.DurableTask/schedulers/taskHubs')).toHaveLength(1);
    });

    it('gives the app identity the Durable Task Data Contributor role on its task hub only', () => {
      const code = fileCode('durable-task-scheduler.bicep');
      const assignments = resources.filter((r) => r.type === 'Microsoft.Authorization/roleAssignments' && r.file.endsWith('durable-task-scheduler.bicep'));
      const app = assignments.find((r) => r.body.includes('principalId: appPrincipalId'));

      expect(code).toContain(`durableTaskDataContributorRoleId = '${DURABLE_TASK_DATA_CONTRIBUTOR}'`);
      expect(app?.body).toMatch(/scope:\s*taskHub\b/);
      expect(app?.body).toMatch(/roleDefinitions', durableTaskDataContributorRoleId\)/);
    });

    it('points the Functions host at the scheduler with the identity, overriding the provider host.json describes', () => {
      const api = fileCode(path.join('app', 'api.bicep'));
      const settings = /var durableBackendSettings = durableBackend == 'durableTaskScheduler'\s*\?\s*\{([\s\S]*?)\}\s*:\s*\{\}/.exec(api)?.[1] ?? '';

      expect(settings).toMatch(/AzureFunctionsJobHost__extensions__durableTask__storageProvider__type:\s*'azureManaged'/);
      expect(settings).toMatch(/storageProvider__connectionStringName:\s*'DURABLE_TASK_SCHEDULER_CONNECTION_STRING'/);
      expect(settings).toContain("DURABLE_TASK_SCHEDULER_CONNECTION_STRING: 'Endpoint=${durableTaskSchedulerEndpoint};Authentication=ManagedIdentity;ClientID=${identityClientId}'");
      expect(settings).not.toMatch(/AccessKey|AccountKey|SharedAccess/i);
      expect(api).toMatch(/properties:\s*union\(appSettings, durableBackendSettings\)/);
    });
  });

  describe('observability', () => {
    /** Event names the app writes through structured-log (`log.info('intake.accepted', …)`). */
    function emittedEvents(): Set<string> {
      const names = new Set<string>();
      const walk = (directory: string) => {
        for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
          const full = path.join(directory, entry.name);
          if (entry.isDirectory()) walk(full);
          else if (entry.name.endsWith('.ts')) {
            for (const match of fs.readFileSync(full, 'utf8').matchAll(/\.(?:info|warn|error|debug)\('([a-z0-9.-]+)'/g)) names.add(match[1] ?? '');
          }
        }
      };
      walk(path.join(REPO, 'functions'));
      walk(path.join(REPO, 'shared'));
      return names;
    }

    const queries = template.flatMap((f) => [...f.code.matchAll(/'''([\s\S]*?)'''/g)].map((m) => ({ file: path.basename(f.file), kql: m[1] ?? '' })));
    const kql = (file: string) => queries.filter((q) => q.file === file).map((q) => q.kql);

    it('shows in the README only log queries on event lines the app writes', () => {
      const readme = fs.readFileSync(path.join(REPO, 'README.md'), 'utf8');
      const readmeQueries = [...readme.matchAll(/```kusto\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
      const named = readmeQueries.flatMap((kql) => [...kql.matchAll(/tostring\(e\.event\) == '([^']+)'/g)].map((m) => m[1] ?? ''));
      expect(named).toContain('http.unhandled-error');
      expect(named.filter((name) => !emittedEvents().has(name))).toEqual([]);
    });

    it('queries only event lines the app writes', () => {
      const emitted = emittedEvents();
      const named = queries.flatMap((q) => [...q.kql.matchAll(/tostring\(e\.event\) == '([^']+)'/g)].map((m) => m[1] ?? ''));
      expect(named.length).toBeGreaterThanOrEqual(8);
      expect(named.filter((name) => !emitted.has(name))).toEqual([]);
      for (const q of queries) {
        for (const hint of q.kql.matchAll(/message has '([^']+)'/g)) expect(q.kql).toContain(`tostring(e.event) == '${hint[1] ?? ''}'`);
      }
    });

    it('names only timeline event types and snapshot figures the code defines', () => {
      const types = queries.flatMap((q) => [...q.kql.matchAll(/tostring\(e\.type\) (?:== '([^']+)'|in \(([^)]*)\))/g)].flatMap((m) => (m[1] !== undefined ? [m[1]] : [...(m[2] ?? '').matchAll(/'([^']+)'/g)].map((n) => n[1] ?? ''))));
      expect(types).toEqual(expect.arrayContaining(['sla-breached', 'handed-off', 'escalated-internally']));
      expect(types.filter((type) => !(TIMELINE_EVENT_TYPES as readonly string[]).includes(type))).toEqual([]);

      const snapshotFields = queries
        .filter((q) => q.kql.includes("tostring(e.event) == 'operations.snapshot'"))
        .flatMap((q) => [...q.kql.matchAll(/\be\.(\w+)/g)].map((m) => m[1] ?? ''))
        .filter((field) => field !== 'event');
      expect(snapshotFields).toEqual(expect.arrayContaining(['outboxOldestPendingMinutes', 'openTicketsAtSlaWarning', 'openTicketsInSlaBreach']));
      expect(snapshotFields.filter((field) => !(field in OperationsSnapshotSchema.shape))).toEqual([]);
      for (const q of queries) {
        for (const name of q.kql.matchAll(/requests\s*\|\s*where name == '([^']+)'/g)) expect(name[1]).toBe(TICKET_LIFECYCLE_ORCHESTRATION);
      }
    });

    it('alerts on SLA breaches, a stuck outbox, failing lifecycles, API 5xx, intake 503s and unresolved Key Vault references through one action group', () => {
      const alerts = kql('alerts.bicep');
      const code = fileCode('alerts.bicep');
      expect(alerts.some((q) => q.includes("tostring(e.type) == 'sla-breached'"))).toBe(true);
      expect(alerts.some((q) => q.includes('todouble(e.outboxOldestPendingMinutes)'))).toBe(true);
      expect(alerts.some((q) => q.includes(`where name == '${TICKET_LIFECYCLE_ORCHESTRATION}' and success == false`))).toBe(true);
      expect(alerts.some((q) => q.includes('toint(resultCode) >= 500'))).toBe(true);
      expect(alerts.some((q) => q.includes("tostring(e.event) == 'intake.store-unavailable'"))).toBe(true);
      expect(alerts.some((q) => q.includes("tostring(e.event) == 'config.key-vault-reference-unresolved'"))).toBe(true);
      expect([...code.matchAll(/^\s+query: (\w+Query)$/gm)]).toHaveLength(6);

      const [rule] = deployed('Microsoft.Insights/scheduledQueryRules');
      expect(rule?.body).toMatch(/actionGroups:\s*\[\s*actionGroup\.id\s*\]/);
      const [group] = deployed('Microsoft.Insights/actionGroups');
      expect(group?.body).toMatch(/emailReceivers:/);
      expect(group?.body).toMatch(/webhookReceivers:/);
      expect(code).toMatch(/@secure\(\)\s*param alertWebhookUrl string = ''/);
    });

    it('builds a workbook with intake, tickets by status and severity, SLA clocks, handoffs and the outbox', () => {
      const panels = kql('workbook.bicep');
      expect(deployed('Microsoft.Insights/workbooks')).toHaveLength(1);
      expect(panels).toHaveLength(5);
      for (const event of ['intake.accepted', 'operations.open-tickets', 'operations.snapshot', 'ticket.event-appended']) {
        expect(panels.some((q) => q.includes(`tostring(e.event) == '${event}'`))).toBe(true);
      }
      expect(fileCode('workbook.bicep')).toMatch(/serializedData:\s*string\(content\)/);
    });
  });
});
