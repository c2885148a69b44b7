/**
 * The staff console's sign-in settings: the secret Baton authenticates to the identity provider
 * with, and the key(s) the session cookie is encrypted with. Both are Key Vault references in
 * Azure; both are optional to the app's start (the JSON API and the requester pages do not need
 * them), and a console without them answers that sign-in is not configured. Failure messages never
 * repeat a value: they end up in logs.
 */
import { z } from 'zod';
import { readSecretList, secretSetting } from './secret-setting';

/** The session cookie is encrypted with A256GCM and a direct key: 256 bits. */
export const STAFF_SESSION_KEY_BYTES = 32;

const BASE64 = /^(?:[A-Za-z0-9+/]+={0,2}|[A-Za-z0-9_-]+)$/;

function decodedKey(text: string): Uint8Array | undefined {
  if (!BASE64.test(text)) return undefined;
  const bytes = Buffer.from(text, text.includes('+') || text.includes('/') || text.endsWith('=') ? 'base64' : 'base64url');
  return bytes.byteLength === STAFF_SESSION_KEY_BYTES ? new Uint8Array(bytes) : undefined;
}

/**
 * One key, or several separated by commas while one is rotated out: the first encrypts new
 * cookies, every one of them opens cookies already handed out.
 */
export function staffSessionKeys() {
  return secretSetting((value, context) => {
    const keys = readSecretList(value, context, decodedKey, (position, count) => {
      const which = count === 1 ? '' : ` (key ${position} of ${count} is not)`;
      return `must be ${STAFF_SESSION_KEY_BYTES} random bytes in base64 (openssl rand -base64 ${STAFF_SESSION_KEY_BYTES}), several separated by commas during a rotation${which}`;
    });
    return keys === undefined ? z.NEVER : { kind: 'configured' as const, keys };
  });
}

export type StaffSessionKeys = z.output<ReturnType<typeof staffSessionKeys>>;

/** The client secret of Baton's app registration (Entra ID) or of the dev issuer's client. */
export function staffSignInClientSecret() {
  return secretSetting((value) => ({ kind: 'configured' as const, secret: value.trim() }));
}

export type StaffSignInClientSecret = z.output<ReturnType<typeof staffSignInClientSecret>>;
