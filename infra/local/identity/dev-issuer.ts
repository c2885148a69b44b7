/**
 * A development identity provider for the offline stack, standing in for Entra ID: it publishes
 * OpenID discovery and a JWKS like the real one, and mints staff tokens on request. Local only:
 * anyone who can reach it can become an admin, so it binds to loopback.
 */
import Fastify from 'fastify';
import { SignJWT } from 'jose';
import { systemClock, type Clock } from '../../../shared/clock';
import type { StaffRole } from '../../../shared/auth/staff-token';
import { loadOrCreateSigningKey, SIGNING_ALGORITHM } from './dev-signing-key';
import { DevTokenRequestSchema, type DevTokenRequest, type DevTokenResponse } from './dev-token-request';

/** The port `npm start` gives the dev issuer, and where `npm run token` looks by default. */
export const DEV_ISSUER_PORT = 7075;
export const DEV_ISSUER_AUDIENCE = 'api://baton';
const DEFAULT_LIFETIME_SECONDS = 8 * 3600;
const LOOPBACK = '127.0.0.1';

export interface DevIssuerOptions {
  /** 0 picks a free port (tests). Default: `DEV_ISSUER_PORT`. */
  readonly port?: number;
  /** Where the signing key is kept across restarts; omitted, the key lives in memory only. */
  readonly dataDir?: string;
  /** Default: the issuer's own base URL, e.g. http://127.0.0.1:7075. */
  readonly issuer?: string;
  readonly audience?: string;
  readonly clock?: Clock;
}

export interface RunningDevIssuer {
  readonly issuer: string;
  readonly audience: string;
  readonly baseUrl: string;
  readonly jwksUri: string;
  mintToken(request: DevTokenRequest): Promise<string>;
  stop(): Promise<void>;
}

/** A stable id per name, so the same person keeps one identity across tokens and restarts. */
function slugOf(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.+|\.+$/g, '');
  return slug === '' ? 'staff' : slug;
}

function rolesOf(request: DevTokenRequest): StaffRole[] {
  return [...new Set([...(request.role === undefined ? [] : [request.role]), ...(request.roles ?? [])])];
}

export async function startDevIssuer(options: DevIssuerOptions = {}): Promise<RunningDevIssuer> {
  const clock = options.clock ?? systemClock;
  const audience = options.audience ?? DEV_ISSUER_AUDIENCE;
  const key = await loadOrCreateSigningKey(options.dataDir);
  const server = Fastify({ logger: false, forceCloseConnections: true });

  // Filled in once listening: with port 0 the URL is only known then.
  let baseUrl = '';
  let issuer = '';

  async function mintToken(request: DevTokenRequest): Promise<string> {
    const valid = DevTokenRequestSchema.parse(request);
    const slug = slugOf(valid.name);
    const id = valid.id ?? `dev-${slug}`;
    const email = valid.email ?? `${slug}@staff.baton.test`;
    const nowSeconds = Math.floor(clock.now().getTime() / 1000);
    return new SignJWT({ oid: id, name: valid.name, preferred_username: email, email, roles: rolesOf(valid) })
      .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid: key.kid, typ: 'JWT' })
      .setIssuer(issuer)
      .setAudience(audience)
      .setSubject(id)
      .setIssuedAt(nowSeconds)
      .setNotBefore(nowSeconds)
      .setExpirationTime(nowSeconds + (valid.lifetimeSeconds ?? DEFAULT_LIFETIME_SECONDS))
      .sign(key.privateKey);
  }

  server.get('/.well-known/openid-configuration', async () => ({
    issuer,
    jwks_uri: `${baseUrl}/.well-known/jwks.json`,
    token_endpoint: `${baseUrl}/token`,
    response_types_supported: ['token'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: [SIGNING_ALGORITHM],
  }));

  server.get('/.well-known/jwks.json', async () => ({ keys: [key.publicJwk] }));

  server.post('/token', async (request, reply) => {
    const parsed = DevTokenRequestSchema.safeParse(request.body);
    if (!parsed.success) {
      return reply
        .code(400)
        .type('application/problem+json')
        .send({
          type: 'https://baton.dev/problems/validation',
          title: 'The token request has invalid fields',
          status: 400,
          errors: parsed.error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message })),
        });
    }
    const lifetime = parsed.data.lifetimeSeconds ?? DEFAULT_LIFETIME_SECONDS;
    const answer: DevTokenResponse = { access_token: await mintToken(parsed.data), token_type: 'Bearer', expires_in: lifetime };
    return answer;
  });

  await server.listen({ port: options.port ?? DEV_ISSUER_PORT, host: LOOPBACK });
  const address = server.server.address();
  if (address === null || typeof address === 'string') throw new Error('the dev issuer is not listening on a TCP port');
  baseUrl = `http://${LOOPBACK}:${address.port}`;
  issuer = options.issuer ?? baseUrl;

  return {
    issuer,
    audience,
    baseUrl,
    jwksUri: `${baseUrl}/.well-known/jwks.json`,
    mintToken,
    stop: async () => {
      await server.close();
    },
  };
}
