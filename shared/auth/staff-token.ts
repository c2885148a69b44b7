/**
 * Staff authentication: a bearer JWT from the organisation's identity provider (Entra ID in Azure,
 * the dev issuer locally), verified with `jose` against the issuer's published keys, and mapped to
 * the staff principal the API authorises with. Every way a token can fail is a typed rejection.
 */
import { jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { z } from 'zod';
import type { Clock } from '../clock';
import { StaffRoleSchema, type StaffRole } from '../domain/primitives';

/** A token's roles are the domain's staff roles: the role matrix decides with the same words. */
export { StaffRoleSchema, type StaffRole };

export const StaffPrincipalSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  email: z.string().min(1),
  roles: z.array(StaffRoleSchema).min(1),
});
export type StaffPrincipal = z.infer<typeof StaffPrincipalSchema>;

export type StaffTokenRejection =
  | 'missing'
  | 'malformed'
  | 'expired'
  | 'not-yet-valid'
  | 'wrong-issuer'
  | 'wrong-audience'
  | 'bad-signature'
  | 'disallowed-algorithm'
  | 'incomplete-claims'
  | 'no-role'
  /** The issuer's keys could not be fetched: our problem or theirs, not the caller's (answer 503). */
  | 'keys-unavailable';

export type StaffTokenCheck =
  | { readonly kind: 'verified'; readonly principal: StaffPrincipal }
  | { readonly kind: 'rejected'; readonly reason: StaffTokenRejection; readonly detail: string };

export interface StaffTokenPolicy {
  readonly issuer: string;
  readonly audience: string | readonly string[];
  /** `createRemoteJWKSet(new URL(jwksUri))` in production; a local key set in tests. */
  readonly keys: JWTVerifyGetKey;
  readonly clock: Clock;
  /** Entra ID signs with RS256; anything else (notably `none` and HMAC) is refused. */
  readonly algorithms?: readonly string[];
  /** Allowed clock skew between the issuer and us. */
  readonly clockToleranceSeconds?: number;
}

export const DEFAULT_STAFF_TOKEN_ALGORITHMS: readonly string[] = ['RS256'];
const DEFAULT_CLOCK_TOLERANCE_SECONDS = 60;

/** Entra ID access-token claims Baton reads; everything else is ignored. */
const StaffClaimsSchema = z.object({
  oid: z.string().min(1).optional(),
  sub: z.string().min(1).optional(),
  name: z.string().min(1).optional(),
  preferred_username: z.string().min(1).optional(),
  email: z.string().min(1).optional(),
  roles: z.union([z.string(), z.array(z.string())]).optional(),
});

type BearerToken = { readonly kind: 'token'; readonly token: string } | { readonly kind: 'rejected'; readonly reason: 'missing' | 'malformed' };

/** `Authorization: Bearer <token>`; any other scheme counts as no staff credential at all. */
export function bearerTokenOf(authorization: string | null | undefined): BearerToken {
  if (authorization === null || authorization === undefined || authorization.trim() === '') return { kind: 'rejected', reason: 'missing' };
  const match = /^Bearer(?:\s+(.*))?$/i.exec(authorization.trim());
  if (!match) return { kind: 'rejected', reason: 'missing' };
  const token = (match[1] ?? '').trim();
  return /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*$/.test(token) ? { kind: 'token', token } : { kind: 'rejected', reason: 'malformed' };
}

function rejected(reason: StaffTokenRejection, detail: string): StaffTokenCheck {
  return { kind: 'rejected', reason, detail };
}

function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') return error.code;
  return undefined;
}

function failedClaim(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'claim' in error && typeof error.claim === 'string') return error.claim;
  return undefined;
}

function rejectionFor(error: unknown): StaffTokenCheck {
  switch (errorCode(error)) {
    case 'ERR_JWT_EXPIRED':
      return rejected('expired', 'The token has expired.');
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      switch (failedClaim(error)) {
        case 'iss':
          return rejected('wrong-issuer', 'The token was not issued by the expected identity provider.');
        case 'aud':
          return rejected('wrong-audience', 'The token was not issued for this API.');
        case 'nbf':
          return rejected('not-yet-valid', 'The token is not valid yet.');
        default:
          return rejected('incomplete-claims', 'The token lacks a required claim.');
      }
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
    case 'ERR_JWKS_NO_MATCHING_KEY':
    case 'ERR_JWKS_MULTIPLE_MATCHING_KEYS':
    case 'ERR_JWK_INVALID':
      return rejected('bad-signature', 'The token signature does not verify.');
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
    case 'ERR_JOSE_NOT_SUPPORTED':
      return rejected('disallowed-algorithm', 'The token is signed with an algorithm this API does not accept.');
    case 'ERR_JWS_INVALID':
    case 'ERR_JWT_INVALID':
      return rejected('malformed', 'The token is not a well-formed JWT.');
    default:
      // Network failures and timeouts while fetching the issuer's keys land here.
      return rejected('keys-unavailable', 'The identity provider keys could not be obtained.');
  }
}

function rolesOf(claim: string | readonly string[] | undefined): StaffRole[] {
  const values = claim === undefined ? [] : typeof claim === 'string' ? [claim] : claim;
  const roles = new Set<StaffRole>();
  for (const value of values) {
    const role = StaffRoleSchema.safeParse(value);
    if (role.success) roles.add(role.data);
  }
  return [...roles];
}

/** Entra ID: the stable id is `oid` (per tenant), the address `email` or the sign-in name. */
function principalFrom(payload: JWTPayload): StaffTokenCheck {
  const claims = StaffClaimsSchema.safeParse(payload);
  if (!claims.success) return rejected('incomplete-claims', 'The token claims have an unexpected shape.');
  const { oid, sub, name, preferred_username: signInName, email, roles } = claims.data;
  const id = oid ?? sub;
  const address = email ?? signInName;
  if (id === undefined || address === undefined) {
    return rejected('incomplete-claims', 'The token must identify the user (oid or sub) and their email.');
  }
  const staffRoles = rolesOf(roles);
  if (staffRoles.length === 0) return rejected('no-role', 'The user holds no Baton role.');
  return { kind: 'verified', principal: { id, name: name ?? address, email: address, roles: staffRoles } };
}

/**
 * Tokens this process verified, by policy: a staff client sends the same token with every call until
 * it expires, and checking its RS256 signature again each time was about a tenth of the host's CPU
 * for a queue request. A remembered token is the same bytes that verified, so it verifies again,
 * until its expiry (with the same tolerance); only successes are remembered. A key the issuer
 * withdraws stops new tokens at once and remembered ones at their expiry, as with any JWT.
 */
const verifiedTokens = new WeakMap<StaffTokenPolicy, Map<string, { readonly principal: StaffPrincipal; readonly expiresAt: number }>>();
const REMEMBERED_TOKENS = 1_000;

function rememberedPrincipal(policy: StaffTokenPolicy, token: string, nowSeconds: number): StaffPrincipal | undefined {
  const remembered = verifiedTokens.get(policy)?.get(token);
  if (remembered === undefined) return undefined;
  return remembered.expiresAt > nowSeconds - (policy.clockToleranceSeconds ?? DEFAULT_CLOCK_TOLERANCE_SECONDS) ? remembered.principal : undefined;
}

function remember(policy: StaffTokenPolicy, token: string, principal: StaffPrincipal, expiresAt: number): void {
  let tokens = verifiedTokens.get(policy);
  if (tokens === undefined) {
    tokens = new Map();
    verifiedTokens.set(policy, tokens);
  }
  // Oldest first out: a client's token is replaced by a fresh one within the hour.
  if (tokens.size >= REMEMBERED_TOKENS) tokens.delete(tokens.keys().next().value ?? '');
  tokens.set(token, { principal, expiresAt });
}

export async function verifyStaffToken(authorization: string | null | undefined, policy: StaffTokenPolicy): Promise<StaffTokenCheck> {
  const bearer = bearerTokenOf(authorization);
  if (bearer.kind === 'rejected') {
    return bearer.reason === 'missing'
      ? rejected('missing', 'A bearer token is required.')
      : rejected('malformed', 'The bearer token is not a well-formed JWT.');
  }
  const currentDate = policy.clock.now();
  const remembered = rememberedPrincipal(policy, bearer.token, Math.floor(currentDate.getTime() / 1000));
  if (remembered !== undefined) return { kind: 'verified', principal: remembered };
  let payload: JWTPayload;
  try {
    const verified = await jwtVerify(bearer.token, policy.keys, {
      issuer: policy.issuer,
      audience: typeof policy.audience === 'string' ? policy.audience : [...policy.audience],
      algorithms: [...(policy.algorithms ?? DEFAULT_STAFF_TOKEN_ALGORITHMS)],
      currentDate,
      clockTolerance: policy.clockToleranceSeconds ?? DEFAULT_CLOCK_TOLERANCE_SECONDS,
      requiredClaims: ['exp'],
    });
    payload = verified.payload;
  } catch (error: unknown) {
    return rejectionFor(error);
  }
  const check = principalFrom(payload);
  if (check.kind === 'verified' && payload.exp !== undefined) remember(policy, bearer.token, check.principal, payload.exp);
  return check;
}
