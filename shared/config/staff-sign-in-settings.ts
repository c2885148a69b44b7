/**
 * The staff console's sign-in settings: the secret Baton authenticates to the identity provider
 * with, and the key(s) the session cookie is encrypted with. Both are Key Vault references in
 * Azure; both are optional to the app's start (the JSON API and the requester pages do not need
 * them), and a console without them answers that sign-in is not configured. Failure messages never
 * repeat a value: they end up in logs.
 */
import { z } from 'zod';
import { KEY_VAULT_REFERENCE } from './vendor-callback-secret';

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
  return z
    .string()
    .optional()
    .transform((value, context) => {
      if (value === undefined) return { kind: 'not-configured' as const };
      if (KEY_VAULT_REFERENCE.test(value.trim())) return { kind: 'unresolved-key-vault-reference' as const };
      const keys = value.split(',').map((key) => decodedKey(key.trim()));
      const bad = keys.findIndex((key) => key === undefined);
      if (bad !== -1) {
        const which = keys.length === 1 ? '' : ` (key ${bad + 1} of ${keys.length} is not)`;
        context.addIssue({
          code: 'custom',
          message: `must be ${STAFF_SESSION_KEY_BYTES} random bytes in base64 (openssl rand -base64 ${STAFF_SESSION_KEY_BYTES}), several separated by commas during a rotation${which}`,
        });
        return z.NEVER;
      }
      return { kind: 'configured' as const, keys: keys.filter((key): key is Uint8Array => key !== undefined) };
    });
}

export type StaffSessionKeys = z.output<ReturnType<typeof staffSessionKeys>>;

/** The client secret of Baton's app registration (Entra ID) or of the dev issuer's client. */
export function staffSignInClientSecret() {
  return z
    .string()
    .optional()
    .transform((value) => {
      if (value === undefined) return { kind: 'not-configured' as const };
      if (KEY_VAULT_REFERENCE.test(value.trim())) return { kind: 'unresolved-key-vault-reference' as const };
      return { kind: 'configured' as const, secret: value.trim() };
    });
}

export type StaffSignInClientSecret = z.output<ReturnType<typeof staffSignInClientSecret>>;
