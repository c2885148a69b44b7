import { randomBytes } from 'node:crypto';
import { loadConfig, SETTING } from '../../../shared/config';
import { azureSettings, localSettings, startupErrorOf } from './settings-fixtures';

const KEY = randomBytes(32);
const OLD_KEY = randomBytes(32);
const UNRESOLVED = (name: string) => `@Microsoft.KeyVault(SecretUri=https://kv-baton-abc123.vault.azure.net/secrets/${name})`;

describe('the staff sign-in settings', () => {
  it('sign in at the staff token issuer unless a sign-in issuer is set', () => {
    expect(loadConfig(localSettings()).staffSignIn.issuer).toBe('http://127.0.0.1:7075');
    const v1Api = loadConfig(
      azureSettings({
        BATON_STAFF_TOKEN_ISSUER: 'https://sts.windows.net/72f988bf-0000-0000-0000-000000000000/',
        [SETTING.staffSignInIssuer]: 'https://login.microsoftonline.com/72f988bf-0000-0000-0000-000000000000/v2.0',
      }),
    );
    expect(v1Api.staffSignIn.issuer).toBe('https://login.microsoftonline.com/72f988bf-0000-0000-0000-000000000000/v2.0');
  });

  it('need the client id in Azure, and leave it optional on the offline stack', () => {
    expect(startupErrorOf(() => loadConfig(azureSettings({ [SETTING.staffSignInClientId]: undefined })))).toContain(`${SETTING.staffSignInClientId} is required`);
    expect(loadConfig(localSettings()).staffSignIn.clientId).toBeUndefined();
  });

  it('read the client secret, and never take an unresolved Key Vault reference for it', () => {
    expect(loadConfig(localSettings({ [SETTING.staffSignInClientSecret]: ' s3cret ' })).staffSignIn.clientSecret).toEqual({ kind: 'configured', secret: 's3cret' });
    expect(loadConfig(azureSettings({ [SETTING.staffSignInClientSecret]: UNRESOLVED('staff-sign-in-client-secret') })).staffSignIn.clientSecret).toEqual({
      kind: 'unresolved-key-vault-reference',
    });
    expect(loadConfig(azureSettings()).staffSignIn.clientSecret).toEqual({ kind: 'not-configured' });
  });

  it('read one session key of 32 bytes in base64 or base64url, or several during a rotation', () => {
    expect(loadConfig(localSettings({ [SETTING.staffSessionKey]: KEY.toString('base64') })).staffSignIn.sessionKeys).toEqual({ kind: 'configured', keys: [new Uint8Array(KEY)] });
    const rotation = loadConfig(azureSettings({ [SETTING.staffSessionKey]: `${KEY.toString('base64url')}, ${OLD_KEY.toString('base64')}` }));
    expect(rotation.staffSignIn.sessionKeys).toEqual({ kind: 'configured', keys: [new Uint8Array(KEY), new Uint8Array(OLD_KEY)] });
  });

  it('refuse a session key of another length without repeating it', () => {
    const short = randomBytes(16).toString('base64');
    const message = startupErrorOf(() => loadConfig(azureSettings({ [SETTING.staffSessionKey]: short })));
    expect(message).toContain(`${SETTING.staffSessionKey} must be 32 random bytes in base64`);
    expect(message).not.toContain(short);
    expect(startupErrorOf(() => loadConfig(azureSettings({ [SETTING.staffSessionKey]: `${KEY.toString('base64')},not a key` })))).toContain('key 2 of 2 is not');
  });

  it('leave the session key unset or unresolved for the console to report, without stopping the app', () => {
    expect(loadConfig(localSettings()).staffSignIn.sessionKeys).toEqual({ kind: 'not-configured' });
    expect(loadConfig(azureSettings({ [SETTING.staffSessionKey]: UNRESOLVED('staff-session-key') })).staffSignIn.sessionKeys).toEqual({ kind: 'unresolved-key-vault-reference' });
  });
});
