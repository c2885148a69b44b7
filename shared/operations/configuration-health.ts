/**
 * What the operations snapshot says of the app's own configuration: every setting App Service left
 * as an unresolved Key Vault reference is logged as an error by name (never its value) and counted,
 * each snapshot again until it resolves, since the app keeps running without it (no Teams cards
 * without BATON_TEAMS_WEBHOOKS, no console sign-in without its secret, no vendor callbacks).
 */
import type { SettingName } from '../config/settings';
import { UNRESOLVED_KEY_VAULT_REFERENCE } from '../config/key-vault-references';
import type { EventLog } from '../logging/structured-log';

export interface ConfigurationHealth {
  readonly unresolvedKeyVaultReferences: number;
}

export function reportConfigurationHealth(log: EventLog, config: { readonly unresolvedKeyVaultReferences: readonly SettingName[] }): ConfigurationHealth {
  for (const setting of config.unresolvedKeyVaultReferences) log.error('config.key-vault-reference-unresolved', { setting, problem: UNRESOLVED_KEY_VAULT_REFERENCE });
  return { unresolvedKeyVaultReferences: config.unresolvedKeyVaultReferences.length };
}
