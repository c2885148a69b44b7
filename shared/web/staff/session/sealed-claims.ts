/**
 * Claims sealed for the browser to hold: encrypted and authenticated with `jose` (JWE, `dir` +
 * A256GCM), so the browser can neither read nor change them, and bound to one purpose by the
 * audience, so a sign-in cookie never passes for a session. Keys rotate: the first seals, any
 * opens.
 */
import { EncryptJWT, jwtDecrypt, type JWTPayload } from 'jose';

export type SealedPurpose = 'baton:staff-session' | 'baton:staff-sign-in';

export type Unsealed =
  | { readonly kind: 'opened'; readonly payload: JWTPayload }
  | { readonly kind: 'expired' }
  /** Not sealed by us with any current key, altered, or sealed for another purpose. */
  | { readonly kind: 'forged' };

const KEY_MANAGEMENT = 'dir';
const CONTENT_ENCRYPTION = 'A256GCM';

function seconds(instant: Date): number {
  return Math.floor(instant.getTime() / 1000);
}

export async function sealClaims(
  claims: Readonly<Record<string, unknown>>,
  purpose: SealedPurpose,
  key: Uint8Array,
  issuedAt: Date,
  expiresAt: Date,
): Promise<string> {
  return new EncryptJWT({ ...claims })
    .setProtectedHeader({ alg: KEY_MANAGEMENT, enc: CONTENT_ENCRYPTION })
    .setAudience(purpose)
    .setIssuedAt(seconds(issuedAt))
    .setExpirationTime(seconds(expiresAt))
    .encrypt(key);
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

export async function openClaims(value: string, purpose: SealedPurpose, keys: readonly Uint8Array[], now: Date): Promise<Unsealed> {
  for (const key of keys) {
    try {
      const { payload } = await jwtDecrypt(value, key, {
        audience: purpose,
        currentDate: now,
        requiredClaims: ['iat', 'exp'],
        keyManagementAlgorithms: [KEY_MANAGEMENT],
        contentEncryptionAlgorithms: [CONTENT_ENCRYPTION],
      });
      return { kind: 'opened', payload };
    } catch (error: unknown) {
      // Authenticated decryption succeeded, so the claims are ours: only their time has passed.
      if (errorCode(error) === 'ERR_JWT_EXPIRED') return { kind: 'expired' };
      // Anything else under this key: try the next one (a rotation), then call it forged.
    }
  }
  return { kind: 'forged' };
}
