/**
 * The rules for the secrets Baton reads in Azure, as pure functions from Bicep source to a list of
 * violations: each is a Key Vault reference to a vault the template declares, the vault authorises
 * by RBAC alone and keeps deleted secrets recoverable, and the one user-assigned identity both
 * resolves the reference and holds Key Vault Secrets User on that vault.
 */
import { FROM_KEY_VAULT_IN_AZURE } from '../../../shared/config/settings';
import {
  declaresParameter,
  keyVaultReferenceUri,
  moduleDeclarations,
  outputExpression,
  propertyLines,
  variableLiteral,
  type BicepFile,
  type ResourceDeclaration,
} from './bicep-text';
import { asSettings, declared, where } from './template-checks';

export const KEY_VAULT_SECRETS_USER_ROLE_ID = '4633458b-17de-408a-b874-0445c86b69e6';

const VAULT = 'Microsoft.KeyVault/vaults';
const IDENTITY = 'Microsoft.ManagedIdentity/userAssignedIdentities';

/** The role definition ids a role assignment names, directly or through a `var` of its file. */
function roleIdsIn(file: BicepFile, assignment: ResourceDeclaration): string[] {
  const [roleDefinition = ''] = propertyLines(assignment.body, 'roleDefinitionId');
  const literals = roleDefinition.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi) ?? [];
  const viaVariables = [...roleDefinition.matchAll(/\b(\w+)\b/g)].flatMap(([, name]) => {
    if (name === undefined || !new RegExp(`^var\\s+${name}\\s*=`, 'm').test(file.code)) return [];
    const value = variableLiteral(file, name);
    return typeof value === 'string' ? [value] : [];
  });
  return [...literals, ...viaVariables].map((id) => id.toLowerCase());
}

/** What the module deploying `file` passes for its parameter `name`, e.g. `appIdentity.outputs.id`. */
function argumentFor(files: readonly BicepFile[], file: string, name: string): string | undefined {
  const module = moduleDeclarations(files).find((m) => m.target === file);
  return module === undefined ? undefined : propertyLines(module.body, name)[0];
}

/** The module symbol behind `<symbol>.outputs.<output>` when that module declares a user-assigned identity. */
function identityModule(files: readonly BicepFile[], argument: string | undefined, output: string): string | undefined {
  const match = new RegExp(`^(\\w+)\\.outputs\\.${output}$`).exec(argument ?? '');
  const module = moduleDeclarations(files).find((m) => m.symbol === match?.[1]);
  const target = files.find((f) => f.file === module?.target);
  return target !== undefined && declared([target], IDENTITY).length > 0 ? module?.symbol : undefined;
}

function vaultViolations(files: readonly BicepFile[], vault: ResourceDeclaration): string[] {
  const violations: string[] = [];
  const required: Record<string, string> = { enableRbacAuthorization: 'true', enableSoftDelete: 'true', enablePurgeProtection: 'true' };
  for (const [property, value] of Object.entries(required)) {
    if (!propertyLines(vault.body, property).includes(value)) violations.push(`${where(vault)} does not set ${property}: ${value}`);
  }
  if (propertyLines(vault.body, 'accessPolicies').some((value) => value !== '[]')) violations.push(`${where(vault)} has access policies`);
  const storageAccess = declared(files, 'Microsoft.Storage/storageAccounts').flatMap((s) => propertyLines(s.body, 'publicNetworkAccess'));
  const vaultAccess = propertyLines(vault.body, 'publicNetworkAccess');
  if (vaultAccess.length === 0 || vaultAccess.some((value) => !storageAccess.includes(value))) {
    violations.push(`${where(vault)} does not set publicNetworkAccess as the storage account does`);
  }
  return violations;
}

/** The user-assigned identity's module symbol, if the vault's file grants it Key Vault Secrets User on the vault. */
function secretsUserModule(files: readonly BicepFile[], vault: ResourceDeclaration): string | undefined {
  const file = files.find((f) => f.file === vault.file);
  if (file === undefined) return undefined;
  const grants = declared([file], 'Microsoft.Authorization/roleAssignments').filter(
    (assignment) => propertyLines(assignment.body, 'scope').includes(vault.symbol) && roleIdsIn(file, assignment).includes(KEY_VAULT_SECRETS_USER_ROLE_ID),
  );
  const principals = grants.flatMap((assignment) => propertyLines(assignment.body, 'principalId'));
  return principals.map((principal) => identityModule(files, argumentFor(files, vault.file, principal), 'principalId')).find((m) => m !== undefined);
}

export function keyVaultViolations(files: readonly BicepFile[]): string[] {
  const violations: string[] = [];
  const vaults = declared(files, VAULT);
  if (vaults.length === 0) return [`no ${VAULT} resource is declared`];
  for (const vault of vaults) violations.push(...vaultViolations(files, vault));

  const site = declared(files, 'Microsoft.Web/sites')[0];
  const siteFile = files.find((f) => f.file === site?.file);
  if (site === undefined || siteFile === undefined) return [...violations, 'no Microsoft.Web/sites resource is declared'];
  const [referenceIdentity] = propertyLines(site.body, 'keyVaultReferenceIdentity');
  const assigned = referenceIdentity !== undefined && site.body.includes(`'\${${referenceIdentity}}'`);
  const resolvingIdentity = assigned ? identityModule(files, argumentFor(files, site.file, referenceIdentity), 'id') : undefined;
  if (resolvingIdentity === undefined) {
    violations.push(`${where(site)} does not resolve Key Vault references with its user-assigned identity (keyVaultReferenceIdentity)`);
  }

  const settings = asSettings(variableLiteral(siteFile, 'appSettings'));
  for (const secret of FROM_KEY_VAULT_IN_AZURE) {
    const uri = keyVaultReferenceUri(settings[secret]);
    if (uri === undefined) continue; // appSettingViolations reports a setting that is no reference
    const passed = declaresParameter(siteFile, uri) ? argumentFor(files, site.file, uri) : undefined;
    const [, module, output] = /^(\w+)\.outputs\.(\w+)$/.exec(passed ?? '') ?? [];
    const source = moduleDeclarations(files).find((m) => m.symbol === module);
    const vault = vaults.find((v) => v.file === source?.target);
    const vaultFile = files.find((f) => f.file === vault?.file);
    const expression = vaultFile === undefined || output === undefined ? undefined : outputExpression(vaultFile, output);
    if (vault === undefined || expression === undefined || !expression.includes(`${vault.symbol}.properties.vaultUri`)) {
      violations.push(`app setting ${secret} does not reference a secret in a vault the template declares`);
      continue;
    }
    const reader = secretsUserModule(files, vault);
    const ungranted = `the app identity is not granted Key Vault Secrets User on ${where(vault)}`;
    // Said once per vault, however many of its secrets the app reads.
    if (reader === undefined) {
      if (!violations.includes(ungranted)) violations.push(ungranted);
    } else if (resolvingIdentity !== undefined && reader !== resolvingIdentity) {
      violations.push(`${where(vault)} grants Key Vault Secrets User to another identity than the one resolving ${secret}`);
    }
  }
  // Every secret lives in the same vault: a vault without its reader is one finding, not one per secret.
  return [...new Set(violations)];
}
