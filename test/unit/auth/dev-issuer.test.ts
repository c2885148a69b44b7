import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createRemoteJWKSet, decodeProtectedHeader } from 'jose';
import { z } from 'zod';
import { fixedClock, systemClock } from '../../../shared/clock';
import { verifyStaffToken, type StaffTokenPolicy } from '../../../shared/auth/staff-token';
import { startDevIssuer, type RunningDevIssuer } from '../../../infra/local/identity/dev-issuer';
import { DevTokenResponseSchema } from '../../../infra/local/identity/dev-token-request';

const DiscoverySchema = z.object({ issuer: z.string(), jwks_uri: z.url(), token_endpoint: z.url() });
const JwksSchema = z.object({ keys: z.array(z.record(z.string(), z.unknown())).length(1) });

function policyFor(issuer: RunningDevIssuer): StaffTokenPolicy {
  return { issuer: issuer.issuer, audience: issuer.audience, keys: createRemoteJWKSet(new URL(issuer.jwksUri)), clock: systemClock };
}

describe('the dev identity provider', () => {
  let dataDir: string;
  const running: RunningDevIssuer[] = [];

  async function start(options: Parameters<typeof startDevIssuer>[0] = {}): Promise<RunningDevIssuer> {
    const issuer = await startDevIssuer({ port: 0, ...options });
    running.push(issuer);
    return issuer;
  }

  beforeEach(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'baton-dev-issuer-'));
  });

  afterEach(async () => {
    await Promise.all(running.splice(0).map((issuer) => issuer.stop()));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('publishes OpenID discovery and a JWKS with the public key only', async () => {
    const issuer = await start({ dataDir });
    const discovery = DiscoverySchema.parse(await (await fetch(`${issuer.baseUrl}/.well-known/openid-configuration`)).json());
    expect(discovery).toMatchObject({ issuer: issuer.issuer, jwks_uri: issuer.jwksUri, token_endpoint: `${issuer.baseUrl}/token` });
    const jwks = JwksSchema.parse(await (await fetch(discovery.jwks_uri)).json());
    expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    for (const privatePart of ['d', 'p', 'q', 'dp', 'dq', 'qi']) expect(jwks.keys[0]).not.toHaveProperty(privatePart);
  });

  it('mints over POST /token a token the API’s verifier accepts', async () => {
    const issuer = await start({ dataDir });
    const answer = await fetch(`${issuer.baseUrl}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'engineer', name: 'Ana Silva' }),
    });
    expect(answer.status).toBe(200);
    const { access_token: token } = DevTokenResponseSchema.parse(await answer.json());
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: 'RS256' });
    expect(await verifyStaffToken(`Bearer ${token}`, policyFor(issuer))).toEqual({
      kind: 'verified',
      principal: { id: 'dev-ana.silva', name: 'Ana Silva', email: 'ana.silva@staff.baton.test', roles: ['engineer'] },
    });
  });

  it('honours the email, id and several roles asked for', async () => {
    const issuer = await start();
    const token = await issuer.mintToken({ roles: ['team-lead', 'tam'], name: 'Bo Chen', email: 'bo@contoso.com', id: 'bo-1' });
    expect(await verifyStaffToken(`Bearer ${token}`, policyFor(issuer))).toMatchObject({
      principal: { id: 'bo-1', email: 'bo@contoso.com', roles: ['team-lead', 'tam'] },
    });
  });

  it('answers a request without a role or name with a 400 listing the fields', async () => {
    const issuer = await start();
    const answer = await fetch(`${issuer.baseUrl}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'superuser' }),
    });
    expect(answer.status).toBe(400);
    const body = z.object({ errors: z.array(z.object({ field: z.string() })) }).parse(await answer.json());
    expect(body.errors.map((error) => error.field).sort()).toEqual(['name', 'role']);
  });

  it('stamps tokens with the injected clock', async () => {
    const issuedAt = new Date('2026-01-05T08:00:00.000Z');
    const issuer = await start({ clock: fixedClock(issuedAt) });
    const token = await issuer.mintToken({ role: 'admin', name: 'Cy', lifetimeSeconds: 600 });
    const policy = policyFor(issuer);
    expect(await verifyStaffToken(`Bearer ${token}`, { ...policy, clock: fixedClock(issuedAt) })).toMatchObject({ kind: 'verified' });
    expect(await verifyStaffToken(`Bearer ${token}`, policy)).toMatchObject({ reason: 'expired' });
  });

  it('keeps its key in the data dir, so tokens survive a restart', async () => {
    const first = await start({ dataDir, issuer: 'http://baton.test/dev-issuer' });
    const token = await first.mintToken({ role: 'engineer', name: 'Ana Silva' });
    await first.stop();
    expect(readdirSync(dataDir)).toEqual(['dev-issuer-signing-key.json']);

    const second = await start({ dataDir, issuer: 'http://baton.test/dev-issuer' });
    expect(await verifyStaffToken(`Bearer ${token}`, policyFor(second))).toMatchObject({ kind: 'verified' });
  });

  it('without a data dir, forgets its key on restart', async () => {
    const first = await start({ issuer: 'http://baton.test/dev-issuer' });
    const token = await first.mintToken({ role: 'engineer', name: 'Ana Silva' });
    const second = await start({ issuer: 'http://baton.test/dev-issuer' });
    expect(await verifyStaffToken(`Bearer ${token}`, policyFor(second))).toMatchObject({ reason: 'bad-signature' });
  });
});
