import fs from 'node:fs';
import path from 'node:path';
import { callbackTargetFor, VENDOR_STANDIN_CALLBACK_SECRET } from '../../../infra/local/services/vendor-callback-target';
import { SETTING } from '../../../shared/config/settings';

const HOST = 'http://127.0.0.1:7071';
const NEW_SECRET = 'the-secret-the-vendor-moves-to-next';
const OLD_SECRET = 'the-secret-the-vendor-signs-with-today';

describe('where the vendor stand-in sends its callbacks locally', () => {
  it('posts to the host’s vendor callback route, signed with the secret the host verifies with', () => {
    expect(callbackTargetFor(HOST, VENDOR_STANDIN_CALLBACK_SECRET)).toEqual({
      url: 'http://127.0.0.1:7071/api/vendor/callback',
      secret: VENDOR_STANDIN_CALLBACK_SECRET,
    });
  });

  it('signs with the first secret while the host lists two for a rotation', () => {
    expect(callbackTargetFor(HOST, ` ${NEW_SECRET} ,${OLD_SECRET}`)?.secret).toBe(NEW_SECRET);
  });

  it('sends nothing when the host has no usable secret to verify with', () => {
    expect(callbackTargetFor(HOST, undefined)).toBeUndefined();
    expect(callbackTargetFor(HOST, 'too-short')).toBeUndefined();
    expect(callbackTargetFor(HOST, '@Microsoft.KeyVault(SecretUri=https://kv-x.vault.azure.net/secrets/vendor-callback-secret)')).toBeUndefined();
  });

  it('uses the same development secret as the local settings sample, so a host started by hand verifies the stand-in', () => {
    const sample: unknown = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../infra/local/local.settings.sample.json'), 'utf8'));
    const values = (sample as { Values: Record<string, string> }).Values;

    expect(values[SETTING.vendorCallbackSecret]).toBe(VENDOR_STANDIN_CALLBACK_SECRET);
  });
});
