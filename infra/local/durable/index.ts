/**
 * The Durable Functions extension for the local Functions host: drives orchestration, activity
 * and entity triggers, serves the `durableClient` binding and the Durable HTTP API, and keeps the
 * task hub in Azure Storage (Azurite) so that a killed host resumes every instance on restart.
 */
import type { BindingMetadata, ExtensionHost, HostExtension, RegisteredFunction } from '../host/extension-contract';
import { clientBindingData, type ClientEndpoints } from './http/client-binding';
import { RPC_PATH, startManagementServer, WEBHOOK_PATH, type ManagementServer } from './http/management-server';
import { EntityEngine } from './runtime/entity-engine';
import { ACTIVITY_TRIGGER, ENTITY_TRIGGER, FunctionCatalog, ORCHESTRATION_TRIGGER } from './runtime/function-catalog';
import { recoverHub, type RecoveryReport } from './runtime/hub-recovery';
import { OrchestrationEngine } from './runtime/orchestration-engine';
import { WorkTracker } from './runtime/work-tracker';
import { resolveDurableSettings, type DurableSettings, type SettingOverrides } from './settings';
import { TaskHubStore } from './storage/task-hub-store';
import type { GroupCommitStats } from './storage/group-commit';

export interface DurableExtensionOptions extends SettingOverrides {
  /** Port of the management endpoint (0, the default, picks a free one). */
  readonly port?: number;
  readonly host?: string;
  /** Public base of the webhook links (default: this endpoint's `/runtime/webhooks/durabletask`). */
  readonly webhookBaseUrl?: string;
  /** Page size of instance queries without `top` (default 100, as Azure Storage). */
  readonly queryPageSize?: number;
}

export interface DurableRuntimeFacts {
  readonly settings: DurableSettings;
  readonly rpcBaseUrl: string;
  readonly webhookBaseUrl: string;
  readonly recovery: RecoveryReport;
  /** Group-commit figures so far: the History table, then the Instances projections. */
  readonly writes: () => { history: GroupCommitStats; projections: GroupCommitStats };
}

export interface DurableExtension extends HostExtension {
  /** Known once started. */
  readonly facts: DurableRuntimeFacts | undefined;
}

/** Not a secret: the local host asks for no keys; the links carry one because the real ones do. */
const LOCAL_SYSTEM_KEY = 'local-durable-key';

export function createDurableExtension(options: DurableExtensionOptions = {}): DurableExtension {
  const tracker = new WorkTracker();
  let endpoints: ClientEndpoints | undefined;
  let server: ManagementServer | undefined;
  let orchestrations: OrchestrationEngine | undefined;
  let entities: EntityEngine | undefined;
  let facts: DurableRuntimeFacts | undefined;
  let closeStore: (() => void) | undefined;
  let bindingData: Record<string, unknown> | undefined;

  const extension: DurableExtension = {
    name: 'durable-functions',
    triggerTypes: [ORCHESTRATION_TRIGGER, ACTIVITY_TRIGGER, ENTITY_TRIGGER],
    inputBindingTypes: ['durableClient'],
    get facts() {
      return facts;
    },

    async start(host: ExtensionHost): Promise<void> {
      const settings = resolveDurableSettings(host.hostJson, host.settings, options);
      const log = host.log.bind(host);
      const store = await TaskHubStore.open({
        connection: settings.connectionString,
        hubName: settings.hubName,
        partitionCount: settings.partitionCount,
        onSettled: () => tracker.notify(),
      });
      tracker.addProbe(() => store.busy);
      closeStore = () => store.close();
      const catalog = new FunctionCatalog(host.functions);
      const common = { store, clock: host.clock, invoker: host.invoker, catalog, tracker, log };
      let entityEngine: EntityEngine | undefined;
      const engine = new OrchestrationEngine({
        ...common,
        timers: settings.timers,
        maxConcurrentOrchestrations: settings.maxConcurrentOrchestrations,
        maxConcurrentActivities: settings.maxConcurrentActivities,
        sendToEntity: async (request) => {
          if (entityEngine) await entityEngine.send(request);
        },
      });
      entityEngine = new EntityEngine({
        ...common,
        respond: (instanceId, message, messageId) => engine.submit(instanceId, message, messageId),
      });
      orchestrations = engine;
      entities = entityEngine;
      const recovery = await recoverHub(store, engine, entityEngine, tracker);
      const listen = { host: options.host ?? '127.0.0.1', port: options.port ?? 0 };
      let current: ClientEndpoints | undefined;
      server = await startManagementServer(
        {
          orchestrations: engine,
          entities: entityEngine,
          store,
          catalog,
          clock: host.clock,
          get endpoints(): ClientEndpoints {
            if (!current) throw new Error('The Durable endpoint is not listening yet.');
            return current;
          },
          queryPageSize: options.queryPageSize ?? 100,
        },
        tracker,
        listen,
      );
      current = {
        webhookBaseUrl: options.webhookBaseUrl ?? `${server.origin}${WEBHOOK_PATH}`,
        rpcBaseUrl: `${server.origin}${RPC_PATH}/`,
        hubName: settings.hubName,
        connectionName: settings.connectionName,
        systemKey: LOCAL_SYSTEM_KEY,
      };
      endpoints = current;
      facts = {
        settings,
        rpcBaseUrl: current.rpcBaseUrl,
        webhookBaseUrl: current.webhookBaseUrl,
        recovery,
        writes: () => ({ history: { ...store.history.stats }, projections: { ...store.projections.stats } }),
      };
      log('info', `Durable task hub ${settings.hubName} ready at ${current.rpcBaseUrl}`, { ...recovery });
    },

    inputBindingData(binding: BindingMetadata, _fn: RegisteredFunction): unknown {
      if (binding.type.toLowerCase() !== 'durableclient' || !endpoints) return undefined;
      // The same for every invocation: built once.
      bindingData ??= clientBindingData(endpoints);
      return bindingData;
    },

    whenIdle(): Promise<void> {
      return tracker.whenIdle();
    },

    async stop(): Promise<void> {
      orchestrations?.stop();
      entities?.stop();
      await server?.close();
      // In-flight episodes either finish saving or are replayed at the next start.
      await Promise.race([tracker.whenIdle(), new Promise((resolve) => setTimeout(resolve, 5000).unref())]);
      closeStore?.();
    },
  };
  return extension;
}
