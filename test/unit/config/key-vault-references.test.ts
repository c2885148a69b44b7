import { FROM_KEY_VAULT_IN_AZURE, loadConfig, SETTING } from '../../../shared/config';
import { UNRESOLVED_KEY_VAULT_REFERENCE } from '../../../shared/config/key-vault-references';
import { NO_TEAMS_WEBHOOKS } from '../../../shared/teams/teams-webhooks';
import { azureSettings, localSettings, startupErrorOf } from './settings-fixtures';

const reference = (secret: string) => `@Microsoft.KeyVault(SecretUri=https://kv-baton-abc123.vault.azure.net/secrets/${secret})`;
const everySecretUnresolved = Object.fromEntries(FROM_KEY_VAULT_IN_AZURE.map((setting) => [setting, reference(setting.toLowerCase())]));

describe('settings App Service left as unresolved Key Vault references', () => {
  it('starts without them and names each one, so nothing is silently missing', () => {
    const config = loadConfig(azureSettings(everySecretUnresolved));
    expect([...config.unresolvedKeyVaultReferences].sort()).toEqual([...FROM_KEY_VAULT_IN_AZURE].sort());
    expect(config.teamsWebhooks).toEqual(NO_TEAMS_WEBHOOKS);
    expect(config.vendorCallbacks).toEqual({ kind: 'unresolved-key-vault-reference' });
    expect(config.staffSignIn.clientSecret).toEqual({ kind: 'unresolved-key-vault-reference' });
    expect(config.staffSignIn.sessionKeys).toEqual({ kind: 'unresolved-key-vault-reference' });
  });

  it('names none when every reference resolved', () => {
    const config = loadConfig(azureSettings({ [SETTING.teamsWebhooks]: '{"queues": {}, "regions": {}}', [SETTING.vendorCallbackSecret]: 'a-secret-of-sixteen-chars-or-more' }));
    expect(config.unresolvedKeyVaultReferences).toEqual([]);
  });

  it('recognises a reference in any letter case and with spaces around it, in the offline stack too', () => {
    const config = loadConfig(localSettings({ [SETTING.teamsWebhooks]: `  ${reference('teams').replace('@Microsoft.KeyVault', '@microsoft.keyvault')} ` }));
    expect(config.unresolvedKeyVaultReferences).toEqual([SETTING.teamsWebhooks]);
    expect(config.teamsWebhooks).toEqual(NO_TEAMS_WEBHOOKS);
  });

  it('refuses a required setting left as a reference for that reason, without repeating the reference', () => {
    const message = startupErrorOf(() => loadConfig(azureSettings({ [SETTING.cosmosEndpoint]: reference('cosmos-endpoint') })));
    expect(message).toContain(`${SETTING.cosmosEndpoint} ${UNRESOLVED_KEY_VAULT_REFERENCE}`);
    expect(message).not.toContain('vault.azure.net');
    expect(message).not.toContain('must be an absolute URL');
  });
});
