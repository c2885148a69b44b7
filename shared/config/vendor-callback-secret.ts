/**
 * The vendor callback secret setting: one shared secret, or several separated by commas while one is
 * rotated out. Optional, because Baton works without callbacks (the follow-up timer reads the case),
 * but then every callback is refused. Failure messages never repeat the value: they end up in logs.
 */
import { z } from 'zod';

/** Shorter secrets can be guessed offline from one captured delivery and its signature. */
export const MIN_VENDOR_CALLBACK_SECRET_LENGTH = 16;

/**
 * App Service leaves a Key Vault reference it cannot resolve (no secret yet, no access) as the
 * setting's value. That text names a vault anyone may know, so it must never become a secret.
 */
export const KEY_VAULT_REFERENCE = /^@Microsoft\.KeyVault\(/i;

function tooShort(position: number, count: number, empty: boolean): string {
  const length = `at least ${MIN_VENDOR_CALLBACK_SECRET_LENGTH} characters`;
  if (count === 1) return `must be a secret of ${length}`;
  return `must list secrets of ${length} each, separated by commas (secret ${position} of ${count} is ${empty ? 'empty' : 'shorter'})`;
}

export function vendorCallbackSecrets() {
  return z
    .string()
    .optional()
    .transform((value, context) => {
      if (value === undefined) return { kind: 'not-configured' as const };
      if (KEY_VAULT_REFERENCE.test(value.trim())) return { kind: 'unresolved-key-vault-reference' as const };
      const secrets = value.split(',').map((secret) => secret.trim());
      const shortIndex = secrets.findIndex((secret) => secret.length < MIN_VENDOR_CALLBACK_SECRET_LENGTH);
      if (shortIndex !== -1) {
        context.addIssue({ code: 'custom', message: tooShort(shortIndex + 1, secrets.length, secrets[shortIndex] === '') });
        return z.NEVER;
      }
      return { kind: 'configured' as const, secrets };
    });
}

/** What the setting gives the callback: the secrets to verify with, or why there are none. */
export type VendorCallbackSecrets = z.output<ReturnType<typeof vendorCallbackSecrets>>;
