import { loadConfig, SETTING } from '../../../shared/config';
import { eventLog, type FunctionsLogger } from '../../../shared/logging/structured-log';
import { reportConfigurationHealth } from '../../../shared/operations/configuration-health';
import { azureSettings } from '../config/settings-fixtures';

const REFERENCE = '@Microsoft.KeyVault(SecretUri=https://kv-baton-abc123.vault.azure.net/secrets/teams-webhooks)';

function recordingLogger(): { logger: FunctionsLogger; lines: { level: string; line: string }[] } {
  const lines: { level: string; line: string }[] = [];
  const record = (level: string) => (...args: unknown[]) => lines.push({ level, line: args.map(String).join(' ') });
  return { lines, logger: { trace: record('trace'), debug: record('debug'), info: record('info'), warn: record('warn'), error: record('error') } };
}

describe('the operations snapshot on the app’s configuration', () => {
  it('logs an error naming each unresolved Key Vault reference, never its value, and counts them', () => {
    const { logger, lines } = recordingLogger();
    const config = loadConfig(azureSettings({ [SETTING.teamsWebhooks]: REFERENCE, [SETTING.staffSessionKey]: REFERENCE }));
    const health = reportConfigurationHealth(eventLog(logger), config);
    expect(health).toEqual({ unresolvedKeyVaultReferences: 2 });
    expect(lines.map(({ level, line }) => [level, JSON.parse(line).event, JSON.parse(line).setting])).toEqual([
      ['error', 'config.key-vault-reference-unresolved', SETTING.teamsWebhooks],
      ['error', 'config.key-vault-reference-unresolved', SETTING.staffSessionKey],
    ]);
    expect(lines.map(({ line }) => line).join('\n')).not.toContain('vault.azure.net');
  });

  it('says nothing and counts none when every setting resolved', () => {
    const { logger, lines } = recordingLogger();
    expect(reportConfigurationHealth(eventLog(logger), loadConfig(azureSettings()))).toEqual({ unresolvedKeyVaultReferences: 0 });
    expect(lines).toEqual([]);
  });
});
