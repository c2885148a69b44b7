/**
 * The rules the Azure template must keep, as pure functions from Bicep source to a list of
 * violations (empty when the template is sound), so the same rule can be shown to catch a bad
 * template and to pass the real one.
 */
import { FROM_KEY_VAULT_IN_AZURE, LOCAL_ONLY, REQUIRED_IN_AZURE } from '../../../shared/config/settings';
import type { BatonContainer } from '../../../shared/store/containers';
import {
  isExpression,
  keyVaultReferenceUri,
  propertyLines,
  resourceDeclarations,
  variableLiteral,
  type BicepFile,
  type BicepValue,
  type ResourceDeclaration,
} from './bicep-text';

export const where = (resource: ResourceDeclaration): string => `${resource.symbol} (${resource.type})`;

export function declared(files: readonly BicepFile[], type: string): ResourceDeclaration[] {
  return resourceDeclarations(files).filter((r) => !r.existing && r.type.toLowerCase() === type.toLowerCase());
}

/** Resource types whose local (key) auth must be switched off explicitly. */
const LOCAL_AUTH_TYPES = [
  'Microsoft.DocumentDB/databaseAccounts',
  'Microsoft.Insights/components',
  'Microsoft.Communication/communicationServices',
  'Microsoft.OperationalInsights/workspaces',
];

/** Functions that hand out keys, connection strings or SAS tokens, and key material as text. */
const SECRET_PATTERNS: readonly RegExp[] = [
  /\blist\w*Keys?\s*\(/i,
  /\.listKeys\s*\(/i,
  /\blistConnectionStrings\s*\(/i,
  /\blist(Account|Service)Sas\s*\(/i,
  /\bprimary(Master)?Key\b/i,
  /\bsecondary(Master)?Key\b/i,
  /\bprimaryConnectionString\b/i,
  /AccountKey=/i,
  /SharedAccessSignature=/i,
  /SharedAccessKey=/i,
  /accesskey=/i,
];

export function sharedKeyAndLocalAuthViolations(files: readonly BicepFile[]): string[] {
  const violations: string[] = [];
  for (const { file, code } of files) {
    for (const value of propertyLines(code, 'allowSharedKeyAccess')) {
      if (value !== 'false') violations.push(`${file}: allowSharedKeyAccess is ${value}`);
    }
    for (const value of propertyLines(code, 'disableLocalAuth')) {
      if (value !== 'true') violations.push(`${file}: disableLocalAuth is ${value}`);
    }
    for (const pattern of SECRET_PATTERNS) {
      if (pattern.test(code)) violations.push(`${file}: reads or writes key material (${pattern.source})`);
    }
  }
  for (const storage of declared(files, 'Microsoft.Storage/storageAccounts')) {
    if (!propertyLines(storage.body, 'allowSharedKeyAccess').includes('false')) {
      violations.push(`${where(storage)} does not set allowSharedKeyAccess: false`);
    }
  }
  for (const type of LOCAL_AUTH_TYPES) {
    for (const resource of declared(files, type)) {
      if (!propertyLines(resource.body, 'disableLocalAuth').includes('true')) {
        violations.push(`${where(resource)} does not set disableLocalAuth: true`);
      }
    }
  }
  for (const policy of declared(files, 'Microsoft.Web/sites/basicPublishingCredentialsPolicies')) {
    if (!propertyLines(policy.body, 'allow').includes('false')) violations.push(`${where(policy)} allows basic publishing credentials`);
  }
  const publishing = declared(files, 'Microsoft.Web/sites/basicPublishingCredentialsPolicies').flatMap((p) =>
    propertyLines(p.body, 'name'),
  );
  for (const channel of ["'ftp'", "'scm'"]) {
    if (declared(files, 'Microsoft.Web/sites').length > 0 && !publishing.includes(channel)) {
      violations.push(`basic publishing credentials are not disabled for ${channel}`);
    }
  }
  return violations;
}

const TLS_SETTINGS: Record<string, string> = {
  minimumTlsVersion: "'TLS1_2'",
  minimalTlsVersion: "'Tls12'",
  minTlsVersion: "'1.2'",
  scmMinTlsVersion: "'1.2'",
};

export function transportViolations(files: readonly BicepFile[]): string[] {
  const violations: string[] = [];
  for (const { file, code } of files) {
    for (const [setting, required] of Object.entries(TLS_SETTINGS)) {
      for (const value of propertyLines(code, setting)) {
        // TLS 1.3 is fine too; anything naming 1.0 or 1.1 (or unpinned) is not.
        if (value !== required && !/1[._]?3/.test(value)) violations.push(`${file}: ${setting} is ${value}`);
      }
    }
    for (const value of propertyLines(code, 'httpsOnly')) if (value !== 'true') violations.push(`${file}: httpsOnly is ${value}`);
    for (const value of propertyLines(code, 'supportsHttpsTrafficOnly')) {
      if (value !== 'true') violations.push(`${file}: supportsHttpsTrafficOnly is ${value}`);
    }
    for (const value of propertyLines(code, 'ftpsState')) if (value !== "'Disabled'") violations.push(`${file}: ftpsState is ${value}`);
    if (/'http:\/\//i.test(code)) violations.push(`${file}: names a plain http:// URL`);
  }
  for (const storage of declared(files, 'Microsoft.Storage/storageAccounts')) {
    if (!propertyLines(storage.body, 'minimumTlsVersion').includes("'TLS1_2'")) violations.push(`${where(storage)} does not pin TLS 1.2`);
    if (!propertyLines(storage.body, 'supportsHttpsTrafficOnly').includes('true')) violations.push(`${where(storage)} allows plain HTTP`);
  }
  for (const account of declared(files, 'Microsoft.DocumentDB/databaseAccounts')) {
    if (!propertyLines(account.body, 'minimalTlsVersion').includes("'Tls12'")) violations.push(`${where(account)} does not pin TLS 1.2`);
  }
  for (const site of declared(files, 'Microsoft.Web/sites')) {
    if (!propertyLines(site.body, 'httpsOnly').includes('true')) violations.push(`${where(site)} does not set httpsOnly: true`);
    if (!propertyLines(site.body, 'minTlsVersion').includes("'1.2'")) violations.push(`${where(site)} does not pin TLS 1.2`);
    if (!propertyLines(site.body, 'ftpsState').includes("'Disabled'")) violations.push(`${where(site)} leaves FTP(S) on`);
  }
  return violations;
}

/** A setting name that says it carries a secret. */
const SECRET_SETTING_NAME = /key|secret|password|connection_?string|(^|_)sas(_|$)|token$/i;
/** Not a secret once the component refuses local auth: it only locates the ingestion endpoint. */
const TELEMETRY_CONNECTION_STRING = 'APPLICATIONINSIGHTS_CONNECTION_STRING';

export function asSettings(value: BicepValue): Record<string, BicepValue> {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || isExpression(value)) {
    throw new Error('app settings are not an object literal');
  }
  return value as Record<string, BicepValue>;
}

function settingText(value: BicepValue): string {
  return isExpression(value) ? value.expression : JSON.stringify(value);
}

/**
 * The app settings (`var appSettings` in the file that declares the Function App) name endpoints
 * and the identity only: no secret-looking name or value, nothing refused in Azure, and every
 * setting the config module requires in Azure. The secrets Baton reads in Azure are Key Vault
 * references, which name where the secret is, not what it is.
 */
export function appSettingViolations(files: readonly BicepFile[]): string[] {
  const siteFile = files.find((f) => declared([f], 'Microsoft.Web/sites').length > 0);
  if (!siteFile) return ['no Microsoft.Web/sites resource is declared'];
  const violations: string[] = [];
  const settings = asSettings(variableLiteral(siteFile, 'appSettings'));
  const telemetryLocked = declared(files, 'Microsoft.Insights/components').every((c) =>
    propertyLines(c.body, 'DisableLocalAuth').includes('true'),
  );
  for (const [name, value] of Object.entries(settings)) {
    const text = settingText(value);
    if (name === TELEMETRY_CONNECTION_STRING) {
      if (!telemetryLocked) violations.push(`${name} is set while Application Insights still accepts local auth`);
    } else if (SECRET_SETTING_NAME.test(name) && keyVaultReferenceUri(value) === undefined) {
      violations.push(`app setting ${name} looks like a key or connection string`);
    }
    if (SECRET_PATTERNS.some((pattern) => pattern.test(text))) violations.push(`app setting ${name} carries key material: ${text}`);
    if ((LOCAL_ONLY as readonly string[]).includes(name)) violations.push(`app setting ${name} is refused in Azure by shared/config`);
  }
  for (const required of REQUIRED_IN_AZURE) {
    if (!(required in settings)) violations.push(`app setting ${required} is missing (shared/config requires it in Azure)`);
  }
  for (const secret of FROM_KEY_VAULT_IN_AZURE) {
    if (keyVaultReferenceUri(settings[secret]) === undefined) {
      violations.push(`app setting ${secret} is not a Key Vault reference '@Microsoft.KeyVault(SecretUri=\${…})'`);
    }
  }
  if (settings.BATON_ENVIRONMENT !== 'azure') violations.push(`BATON_ENVIRONMENT is ${settingText(settings.BATON_ENVIRONMENT ?? null)}, not 'azure'`);
  for (const service of ['blob', 'queue', 'table']) {
    if (!(`AzureWebJobsStorage__${service}ServiceUri` in settings)) violations.push(`AzureWebJobsStorage__${service}ServiceUri is missing`);
  }
  if (settings.AzureWebJobsStorage__credential !== 'managedidentity') violations.push('AzureWebJobsStorage__credential is not managedidentity');
  const wired = declared([siteFile], 'Microsoft.Web/sites/config').some(
    (c) =>
      propertyLines(c.body, 'name').includes("'appsettings'") &&
      propertyLines(c.body, 'properties').some((value) => value === 'appSettings' || value.startsWith('union(appSettings,')),
  );
  if (!wired) violations.push('var appSettings is not applied by a Microsoft.Web/sites/config appsettings resource');
  return violations;
}

/** JSON with object keys sorted, so two policies compare by content rather than by key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

interface TemplateContainer {
  readonly name: string;
  readonly partitionKeyPath: string;
  readonly indexingPolicy: BicepValue;
  readonly defaultTtl: BicepValue | undefined;
}

function templateContainers(files: readonly BicepFile[]): TemplateContainer[] {
  const cosmosFile = files.find((f) => declared([f], 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers').length > 0);
  if (!cosmosFile) return [];
  const listed = variableLiteral(cosmosFile, 'containers');
  if (!Array.isArray(listed)) throw new Error('var containers is not an array literal');
  return listed.map((entry: BicepValue) => {
    const { name, partitionKeyPath, indexingPolicy, defaultTtl } = asSettings(entry);
    if (typeof name !== 'string' || typeof partitionKeyPath !== 'string' || indexingPolicy === undefined) {
      throw new Error(`a container entry is incomplete: ${JSON.stringify(entry)}`);
    }
    return { name, partitionKeyPath, indexingPolicy, defaultTtl };
  });
}

/** Every container the code uses exists in the template with the same partition key and indexing. */
export function containerViolations(files: readonly BicepFile[], catalogue: readonly BatonContainer[], database: string): string[] {
  const violations: string[] = [];
  const inTemplate = templateContainers(files);
  for (const container of catalogue) {
    const match = inTemplate.find((c) => c.name === container.id);
    if (!match) {
      violations.push(`container ${container.id} is missing from the template`);
      continue;
    }
    if (match.partitionKeyPath !== container.partitionKeyPath) {
      violations.push(`container ${container.id} is partitioned by ${match.partitionKeyPath}, the code uses ${container.partitionKeyPath}`);
    }
    if (canonical(match.indexingPolicy) !== canonical(container.indexingPolicy)) {
      violations.push(
        `container ${container.id} has indexing ${canonical(match.indexingPolicy)}, the code expects ${canonical(container.indexingPolicy)}`,
      );
    }
    if (match.defaultTtl !== container.defaultTtl) {
      violations.push(`container ${container.id} has time to live ${String(match.defaultTtl)}, the code expects ${String(container.defaultTtl)}`);
    }
  }
  for (const extra of inTemplate.filter((c) => !catalogue.some((k) => k.id === c.name))) {
    violations.push(`container ${extra.name} is in the template but not in shared/store/containers.ts`);
  }
  const cosmosFile = files.find((f) => declared([f], 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases').length > 0);
  if (cosmosFile && variableLiteral(cosmosFile, 'databaseName') !== database) {
    violations.push(`the template's database is not ${database}`);
  }
  const containerResources = declared(files, 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers');
  for (const resource of containerResources) {
    if (!/for\s+container\s+in\s+containers\s*:/.test(resource.body)) violations.push(`${where(resource)} is not created from var containers`);
    if (!propertyLines(resource.body, 'version').includes('2')) violations.push(`${where(resource)} does not use large (v2) partition keys`);
    if (!propertyLines(resource.body, 'defaultTtl').includes('container.?defaultTtl')) violations.push(`${where(resource)} does not take its time to live from var containers`);
  }
  return violations;
}
