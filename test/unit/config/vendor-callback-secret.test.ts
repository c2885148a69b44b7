import { ConfigError, loadConfig, SETTING, type BatonConfig } from '../../../shared/config';
import type { ApplyResult } from '../../../shared/ticket-service/apply-to-ticket';
import { handleVendorCallback } from '../../../shared/http-api/vendor-callback-handler';
import { callbackSecretsOf } from '../../../shared/vendor/vendor-callback-secrets';
import { signVendorCallback, verifyVendorCallback } from '../../../shared/vendor/vendor-callback-signature';
import type { VendorCallbackEvent } from '../../../shared/vendor/vendor-schemas';
import { azureSettings, localSettings, startupErrorOf } from './settings-fixtures';

const OLD_SECRET = 'the-secret-the-vendor-signs-with-today';
const NEW_SECRET = 'the-secret-the-vendor-moves-to-next';
const NOW = new Date('2026-11-24T14:00:00.000Z');
const UNRESOLVED_REFERENCE = '@Microsoft.KeyVault(SecretUri=https://kv-baton-abc123.vault.azure.net/secrets/vendor-callback-secret)';

function delivery(): string {
  const at = NOW.toISOString();
  const event: VendorCallbackEvent = {
    eventId: '3f0c2b1a-9e11-4b8e-9d2f-0b5c3f4e8a4e',
    eventType: 'servicerequest.updated',
    change: 'note-added',
    sequence: 1,
    occurredAt: at,
    serviceRequest: {
      id: '2600000000000001',
      title: '[BTN-261124-7K2QD] Conditional Access blocks the finance team',
      description: 'Sign-ins fail with AADSTS53003.',
      severity: 'moderate',
      supportTopicId: 'entra-id',
      organization: { id: 'contoso.onmicrosoft.com' },
      primaryContact: { firstName: 'María', lastName: 'García', email: 'maria.garcia@css.example' },
      status: 'in-progress',
      scope: null,
      notes: [{ text: 'We are looking at the token service.', createdByName: 'Vendor support engineer', createdDate: at }],
      createdDate: at,
      lastModifiedDate: at,
      lastClosedDate: null,
    },
  };
  return JSON.stringify(event);
}

function callbackSecrets(config: BatonConfig): readonly string[] {
  return callbackSecretsOf(config.vendorCallbacks);
}

function verifiedWith(secrets: readonly string[], signedWith: string) {
  const body = delivery();
  return verifyVendorCallback({ rawBody: body, signatureHeader: signVendorCallback(body, signedWith, NOW.getTime()), secret: secrets, now: NOW });
}

describe('the vendor callback secret setting', () => {
  it('is optional: without it (or blank) the configuration loads and callbacks are not configured', () => {
    expect(loadConfig(localSettings()).vendorCallbacks).toEqual({ kind: 'not-configured' });
    expect(loadConfig(azureSettings({ [SETTING.vendorCallbackSecret]: '  ' })).vendorCallbacks).toEqual({ kind: 'not-configured' });
  });

  it('reads one secret, or several separated by commas with the spaces around them dropped', () => {
    expect(loadConfig(azureSettings({ [SETTING.vendorCallbackSecret]: OLD_SECRET })).vendorCallbacks).toEqual({ kind: 'configured', secrets: [OLD_SECRET] });
    expect(loadConfig(localSettings({ [SETTING.vendorCallbackSecret]: ` ${NEW_SECRET} , ${OLD_SECRET} ` })).vendorCallbacks).toEqual({
      kind: 'configured',
      secrets: [NEW_SECRET, OLD_SECRET],
    });
  });

  it('stops start-up naming the setting when a secret is too short, without repeating the value', () => {
    const message = startupErrorOf(() => loadConfig(azureSettings({ [SETTING.vendorCallbackSecret]: 'hunter2' })));

    expect(message).toContain('BATON_VENDOR_CALLBACK_SECRET must be a secret of at least 16 characters');
    expect(message).not.toContain('hunter2');
  });

  it('stops start-up when a rotation lists a short or empty secret, and says which', () => {
    const settings = localSettings({ [SETTING.vendorCallbackSecret]: `${NEW_SECRET},` });

    expect(() => loadConfig(settings)).toThrow(ConfigError);
    expect(startupErrorOf(() => loadConfig(settings))).toContain(
      'BATON_VENDOR_CALLBACK_SECRET must list secrets of at least 16 characters each, separated by commas (secret 2 of 2 is empty)',
    );
    expect(startupErrorOf(() => loadConfig(localSettings({ [SETTING.vendorCallbackSecret]: `short,${OLD_SECRET}` })))).toContain('(secret 1 of 2 is shorter)');
  });

  it('reports a short secret together with every other bad setting', () => {
    const settings = azureSettings({ [SETTING.vendorCallbackSecret]: 'hunter2', BATON_TASK_HUB: 'x' });

    try {
      loadConfig(settings);
      throw new Error('expected a ConfigError');
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      expect(error.problems.map((problem) => problem.setting).sort()).toEqual(['BATON_TASK_HUB', 'BATON_VENDOR_CALLBACK_SECRET']);
    }
  });

  it('never takes a Key Vault reference that App Service could not resolve for a secret', async () => {
    const config = loadConfig(azureSettings({ [SETTING.vendorCallbackSecret]: UNRESOLVED_REFERENCE }));
    const body = delivery();
    const applied: string[] = [];
    const answer = await handleVendorCallback(
      { rawBody: body, signatureHeader: signVendorCallback(body, UNRESOLVED_REFERENCE, NOW.getTime()) },
      {
        ports: {
          applyToTicket: async (ticketNumber): Promise<ApplyResult> => {
            applied.push(ticketNumber);
            return { kind: 'not-found' };
          },
          vendor: {
            createCase: () => Promise.reject(new Error('no vendor in this specification')),
            getCase: () => Promise.reject(new Error('a refused delivery never reads the case')),
            addNote: () => Promise.reject(new Error('no vendor in this specification')),
          },
        },
        secrets: callbackSecrets(config),
        now: NOW,
        signalTicketChanged: async () => undefined,
      },
    );

    expect(config.vendorCallbacks).toEqual({ kind: 'unresolved-key-vault-reference' });
    expect(answer).toMatchObject({ status: 503, jsonBody: { type: 'https://baton.dev/problems/vendor-callback/not-configured' } });
    expect(applied).toEqual([]);
  });
});

describe('rotating the vendor callback secret', () => {
  it('accepts deliveries signed with the old and with the new secret while both are listed', () => {
    const during = callbackSecrets(loadConfig(azureSettings({ [SETTING.vendorCallbackSecret]: `${NEW_SECRET},${OLD_SECRET}` })));

    expect(verifiedWith(during, OLD_SECRET)).toMatchObject({ ok: true });
    expect(verifiedWith(during, NEW_SECRET)).toMatchObject({ ok: true });
    expect(verifiedWith(during, 'a-third-secret-nobody-was-given')).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('refuses the old secret once the rotation is finished', () => {
    const after = callbackSecrets(loadConfig(azureSettings({ [SETTING.vendorCallbackSecret]: NEW_SECRET })));

    expect(verifiedWith(after, NEW_SECRET)).toMatchObject({ ok: true });
    expect(verifiedWith(after, OLD_SECRET)).toEqual({ ok: false, reason: 'bad-signature' });
  });
});
