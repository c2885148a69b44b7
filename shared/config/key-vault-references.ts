/**
 * App Service resolves a Key Vault reference in any app setting, and leaves the reference itself as
 * the value when it cannot (the identity lacks access, the secret or the vault is gone). Baton then
 * runs on without that setting, so it names each such setting, never its value, for the operations
 * snapshot to log and count until someone fixes the access.
 */
import { KEY_VAULT_REFERENCE } from './secret-setting';
import { SETTING, type SettingName } from './settings';

const BATON_SETTINGS: readonly SettingName[] = Object.values(SETTING);

export function isUnresolvedKeyVaultReference(value: string | undefined): boolean {
  return value !== undefined && KEY_VAULT_REFERENCE.test(value.trim());
}

/** The settings Baton reads whose value is still a Key Vault reference, in the order SETTING lists them. */
export function unresolvedKeyVaultReferences(settings: Readonly<Record<string, string | undefined>>): SettingName[] {
  return BATON_SETTINGS.filter((name) => isUnresolvedKeyVaultReference(settings[name]));
}

/** What a setting left unresolved tells the operator, wherever it is reported. */
export const UNRESOLVED_KEY_VAULT_REFERENCE =
  'is a Key Vault reference App Service could not resolve: grant the app identity Key Vault Secrets User on the vault and check the secret exists';
