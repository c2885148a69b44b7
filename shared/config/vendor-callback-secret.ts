/**
 * The vendor callback secret setting: one shared secret, or several separated by commas while one is
 * rotated out. Optional, because Baton works without callbacks (the follow-up timer reads the case),
 * but then every callback is refused. Failure messages never repeat the value: they end up in logs.
 */
import { z } from 'zod';
import { readSecretList, secretSetting } from './secret-setting';

/** Shorter secrets can be guessed offline from one captured delivery and its signature. */
export const MIN_VENDOR_CALLBACK_SECRET_LENGTH = 16;

function tooShort(position: number, count: number, empty: boolean): string {
  const length = `at least ${MIN_VENDOR_CALLBACK_SECRET_LENGTH} characters`;
  if (count === 1) return `must be a secret of ${length}`;
  return `must list secrets of ${length} each, separated by commas (secret ${position} of ${count} is ${empty ? 'empty' : 'shorter'})`;
}

export function vendorCallbackSecrets() {
  return secretSetting((value, context) => {
    const secrets = readSecretList(value, context, (secret) => (secret.length < MIN_VENDOR_CALLBACK_SECRET_LENGTH ? undefined : secret), (position, count, secret) =>
      tooShort(position, count, secret === ''),
    );
    return secrets === undefined ? z.NEVER : { kind: 'configured' as const, secrets };
  });
}

/** What the setting gives the callback: the secrets to verify with, or why there are none. */
export type VendorCallbackSecrets = z.output<ReturnType<typeof vendorCallbackSecrets>>;
