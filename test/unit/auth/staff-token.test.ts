import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type JWK, type JWTPayload, type KeyLike } from 'jose';
import { fixedClock } from '../../../shared/clock';
import { bearerTokenOf, verifyStaffToken, type StaffTokenPolicy } from '../../../shared/auth/staff-token';

const ISSUER = 'https://login.microsoftonline.com/tenant-1/v2.0';
const AUDIENCE = 'api://baton';
const NOW = new Date('2026-11-23T09:00:00.000Z');
const nowSeconds = Math.floor(NOW.getTime() / 1000);

interface SigningKey {
  readonly privateKey: KeyLike;
  readonly publicJwk: JWK;
}

async function signingKey(kid: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  return { privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256' } };
}

let trusted: SigningKey;
let stranger: SigningKey;
let policy: StaffTokenPolicy;

beforeAll(async () => {
  trusted = await signingKey('key-1');
  stranger = await signingKey('key-1');
  policy = { issuer: ISSUER, audience: AUDIENCE, keys: createLocalJWKSet({ keys: [trusted.publicJwk] }), clock: fixedClock(NOW) };
});

const anaClaims: JWTPayload = {
  oid: '0b7a-ana',
  sub: 'pairwise-sub',
  name: 'Ana Silva',
  preferred_username: 'ana.silva@contoso.com',
  roles: ['engineer'],
};

interface TokenShape {
  readonly claims?: JWTPayload;
  readonly key?: SigningKey;
  readonly kid?: string;
  readonly issuer?: string;
  readonly audience?: string;
  readonly expiresAt?: number | null;
  readonly notBefore?: number;
}

async function token(shape: TokenShape = {}): Promise<string> {
  const key = shape.key ?? trusted;
  let jwt = new SignJWT(shape.claims ?? anaClaims)
    .setProtectedHeader({ alg: 'RS256', kid: shape.kid ?? 'key-1' })
    .setIssuer(shape.issuer ?? ISSUER)
    .setAudience(shape.audience ?? AUDIENCE)
    .setIssuedAt(nowSeconds - 60);
  if (shape.expiresAt !== null) jwt = jwt.setExpirationTime(shape.expiresAt ?? nowSeconds + 3600);
  if (shape.notBefore !== undefined) jwt = jwt.setNotBefore(shape.notBefore);
  return jwt.sign(key.privateKey);
}

const bearer = (jwt: string): string => `Bearer ${jwt}`;

describe('staff bearer tokens', () => {
  it('map an Entra ID token to a staff principal', async () => {
    expect(await verifyStaffToken(bearer(await token()), policy)).toEqual({
      kind: 'verified',
      principal: { id: '0b7a-ana', name: 'Ana Silva', email: 'ana.silva@contoso.com', roles: ['engineer'] },
    });
  });

  it('fall back to sub for the id and prefer the email claim for the address', async () => {
    const claims = { sub: 'sub-9', name: 'Bo', email: 'bo@contoso.com', preferred_username: 'bo@upn.contoso.com', roles: ['tam'] };
    expect(await verifyStaffToken(bearer(await token({ claims })), policy)).toMatchObject({
      kind: 'verified',
      principal: { id: 'sub-9', email: 'bo@contoso.com', roles: ['tam'] },
    });
  });

  it('keep only Baton roles, once each', async () => {
    const claims = { ...anaClaims, roles: ['team-lead', 'Directory.Read', 'admin', 'team-lead'] };
    expect(await verifyStaffToken(bearer(await token({ claims })), policy)).toMatchObject({
      principal: { roles: ['team-lead', 'admin'] },
    });
  });

  it('refuse a user who holds no Baton role', async () => {
    for (const roles of [undefined, [], ['Directory.Read'], ['Engineer']]) {
      const claims = { ...anaClaims, roles };
      expect(await verifyStaffToken(bearer(await token({ claims })), policy)).toMatchObject({ kind: 'rejected', reason: 'no-role' });
    }
  });

  it('refuse a token that does not say who the user is', async () => {
    const { oid: _oid, sub: _sub, ...anonymous } = anaClaims;
    expect(await verifyStaffToken(bearer(await token({ claims: anonymous })), policy)).toMatchObject({ reason: 'incomplete-claims' });
    const { preferred_username: _upn, ...withoutEmail } = anaClaims;
    expect(await verifyStaffToken(bearer(await token({ claims: withoutEmail })), policy)).toMatchObject({ reason: 'incomplete-claims' });
  });

  it('refuse a token without an expiry', async () => {
    expect(await verifyStaffToken(bearer(await token({ expiresAt: null })), policy)).toMatchObject({ reason: 'incomplete-claims' });
  });

  it('tell a missing credential from a malformed one', async () => {
    for (const header of [undefined, null, '', 'Basic YW5hOnB3']) {
      expect(await verifyStaffToken(header, policy)).toMatchObject({ kind: 'rejected', reason: 'missing' });
    }
    for (const header of ['Bearer', 'Bearer ', 'Bearer not-a-jwt', 'Bearer a.b.c.d.e', 'Bearer a b']) {
      expect(await verifyStaffToken(header, policy)).toMatchObject({ kind: 'rejected', reason: 'malformed' });
    }
    // Three well-formed parts whose header names no algorithm.
    expect(await verifyStaffToken('Bearer e30.e30.e30', policy)).toMatchObject({ kind: 'rejected', reason: 'malformed' });
  });

  it('judge expiry by the injected clock, with a little tolerance for skew', async () => {
    const expiresAt = nowSeconds - 30;
    expect(await verifyStaffToken(bearer(await token({ expiresAt })), policy)).toMatchObject({ kind: 'verified' });
    expect(await verifyStaffToken(bearer(await token({ expiresAt })), { ...policy, clockToleranceSeconds: 0 })).toMatchObject({
      reason: 'expired',
    });
    const later = { ...policy, clock: fixedClock(new Date(NOW.getTime() + 2 * 3600_000)) };
    expect(await verifyStaffToken(bearer(await token()), later)).toMatchObject({ reason: 'expired' });
  });

  it('check a token signature once, and still refuse the token once it has expired', async () => {
    const localKeys = createLocalJWKSet({ keys: [trusted.publicJwk] });
    let keyLookups = 0;
    let at = NOW.getTime();
    const remembering: StaffTokenPolicy = {
      ...policy,
      keys: (header, input) => {
        keyLookups += 1;
        return localKeys(header, input);
      },
      clock: { now: () => new Date(at) },
    };
    const jwt = bearer(await token({ expiresAt: nowSeconds + 600 }));
    for (let call = 0; call < 3; call += 1) expect(await verifyStaffToken(jwt, remembering)).toMatchObject({ kind: 'verified', principal: { id: '0b7a-ana' } });
    expect(keyLookups).toBe(1);

    at = NOW.getTime() + (600 + 61) * 1000;
    expect(await verifyStaffToken(jwt, remembering)).toMatchObject({ reason: 'expired' });
    const forged = `${jwt.slice(0, -4)}AAAA`;
    expect(await verifyStaffToken(forged, { ...remembering, clock: fixedClock(NOW) })).toMatchObject({ reason: 'bad-signature' });
  });

  it('refuse a token that is not valid yet', async () => {
    expect(await verifyStaffToken(bearer(await token({ notBefore: nowSeconds + 600 })), policy)).toMatchObject({ reason: 'not-yet-valid' });
  });

  it('refuse another issuer or another audience', async () => {
    expect(await verifyStaffToken(bearer(await token({ issuer: 'https://evil.example' })), policy)).toMatchObject({ reason: 'wrong-issuer' });
    expect(await verifyStaffToken(bearer(await token({ audience: 'api://other' })), policy)).toMatchObject({ reason: 'wrong-audience' });
  });

  it('accept any of several configured audiences', async () => {
    const both = { ...policy, audience: ['api://other', AUDIENCE] };
    expect(await verifyStaffToken(bearer(await token()), both)).toMatchObject({ kind: 'verified' });
  });

  it('refuse a signature from another key, even under a trusted key id', async () => {
    expect(await verifyStaffToken(bearer(await token({ key: stranger })), policy)).toMatchObject({ reason: 'bad-signature' });
    expect(await verifyStaffToken(bearer(await token({ kid: 'unknown' })), policy)).toMatchObject({ reason: 'bad-signature' });
  });

  it('refuse a token whose claims were edited after signing', async () => {
    const [header, , signature] = (await token()).split('.');
    const forged = Buffer.from(JSON.stringify({ ...anaClaims, roles: ['admin'], iss: ISSUER, aud: AUDIENCE, exp: nowSeconds + 60 })).toString('base64url');
    expect(await verifyStaffToken(bearer(`${header}.${forged}.${signature}`), policy)).toMatchObject({ reason: 'bad-signature' });
  });

  it('refuse unsigned and HMAC-signed tokens', async () => {
    const payload = { ...anaClaims, iss: ISSUER, aud: AUDIENCE, exp: nowSeconds + 60 };
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.`;
    expect(await verifyStaffToken(bearer(unsigned), policy)).toMatchObject({ kind: 'rejected', reason: 'disallowed-algorithm' });
    const hmac = await new SignJWT(payload).setProtectedHeader({ alg: 'HS256', kid: 'key-1' }).sign(new TextEncoder().encode('k'.repeat(32)));
    expect(await verifyStaffToken(bearer(hmac), policy)).toMatchObject({ reason: 'disallowed-algorithm' });
  });

  it('report unreachable issuer keys as such, not as the caller’s fault', async () => {
    const offline = { ...policy, keys: async () => Promise.reject(new TypeError('fetch failed')) };
    expect(await verifyStaffToken(bearer(await token()), offline)).toMatchObject({ reason: 'keys-unavailable' });
  });
});

describe('the bearer credential', () => {
  it('is read case-insensitively from the Authorization header', () => {
    expect(bearerTokenOf('bearer a.b.c')).toEqual({ kind: 'token', token: 'a.b.c' });
    expect(bearerTokenOf('  Bearer   a.b.c  ')).toEqual({ kind: 'token', token: 'a.b.c' });
  });
});
