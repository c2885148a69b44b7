/**
 * A development identity provider for the offline stack, standing in for Entra ID: it publishes
 * OpenID discovery and a JWKS like the real one, signs staff into the console through the
 * authorization-code flow with PKCE (a sign-in page instead of a password), and mints staff bearer
 * tokens on request. Local only: anyone who can reach it can become an admin, so it binds to loopback.
 */
import Fastify from 'fastify';
import { SignJWT } from 'jose';
import { systemClock, type Clock } from '../../../shared/clock';
import type { StaffRole } from '../../../shared/auth/staff-token';
import { loadOrCreateSigningKey, SIGNING_ALGORITHM } from './dev-signing-key';
import { DevTokenRequestSchema, type DevTokenRequest, type DevTokenResponse } from './dev-token-request';
import { devAuthorizationServer, AuthorizationRequestSchema, EndSessionRequestSchema } from './dev-authorization';
import { samplePeople, slugOf, type DevPerson } from './dev-people';
import { devSignInErrorPage, devSignInPage } from './dev-sign-in-page';

/** The port `npm start` gives the dev issuer, and where `npm run token` looks by default. */
export const DEV_ISSUER_PORT = 7075;
export const DEV_ISSUER_AUDIENCE = 'api://baton';
const DEFAULT_LIFETIME_SECONDS = 8 * 3600;
const ID_TOKEN_LIFETIME_SECONDS = 3600;
const FORM_MEDIA_TYPE = 'application/x-www-form-urlencoded';
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

  const nowSeconds = () => Math.floor(clock.now().getTime() / 1000);

  function signAccessToken(person: Pick<DevPerson, 'id' | 'name' | 'email' | 'roles'>, lifetimeSeconds: number): Promise<string> {
    const now = nowSeconds();
    return new SignJWT({ oid: person.id, name: person.name, preferred_username: person.email, email: person.email, roles: [...person.roles] })
      .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid: key.kid, typ: 'JWT' })
      .setIssuer(issuer)
      .setAudience(audience)
      .setSubject(person.id)
      .setIssuedAt(now)
      .setNotBefore(now)
      .setExpirationTime(now + lifetimeSeconds)
      .sign(key.privateKey);
  }

  /**
   * As Entra ID's: audience the client, `oid` the person, `roles` their app roles, the nonce echoed.
   * Issued on the machine's own time even when the stack runs a virtual clock: the app's OIDC client
   * checks an ID token's `iat` and `exp` by that time and has no clock to hand it, and the token
   * lives only for the moment of sign-in (the session that follows runs on the app's clock).
   */
  function signIdToken(person: DevPerson, clientId: string, nonce: string | undefined): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const claims = { oid: person.id, name: person.name, preferred_username: person.email, email: person.email, roles: [...person.roles] };
    return new SignJWT({ ...claims, ...(nonce === undefined ? {} : { nonce }) })
      .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid: key.kid, typ: 'JWT' })
      .setIssuer(issuer)
      .setAudience(clientId)
      .setSubject(person.id)
      .setIssuedAt(now)
      .setExpirationTime(now + ID_TOKEN_LIFETIME_SECONDS)
      .sign(key.privateKey);
  }

  async function mintToken(request: DevTokenRequest): Promise<string> {
    const valid = DevTokenRequestSchema.parse(request);
    const slug = slugOf(valid.name);
    const id = valid.id ?? `dev-${slug}`;
    const email = valid.email ?? `${slug}@staff.baton.test`;
    return signAccessToken({ id, name: valid.name, email, roles: rolesOf(valid) }, valid.lifetimeSeconds ?? DEFAULT_LIFETIME_SECONDS);
  }

  const authorization = devAuthorizationServer(clock);

  // The sign-in page's form and the OIDC token request arrive urlencoded; repeated names become arrays.
  server.addContentTypeParser(FORM_MEDIA_TYPE, { parseAs: 'string' }, (_request, body, done) => {
    const fields: Record<string, string | string[]> = {};
    for (const [name, value] of new URLSearchParams(String(body))) {
      const existing = fields[name];
      fields[name] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
    }
    done(null, fields);
  });

  server.get('/.well-known/openid-configuration', async () => ({
    issuer,
    jwks_uri: `${baseUrl}/.well-known/jwks.json`,
    token_endpoint: `${baseUrl}/token`,
    authorization_endpoint: `${baseUrl}/authorize`,
    end_session_endpoint: `${baseUrl}/logout`,
    response_types_supported: ['code', 'token'],
    grant_types_supported: ['authorization_code'],
    code_challenge_methods_supported: ['S256'],
    token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
    scopes_supported: ['openid', 'profile', 'email'],
    claims_supported: ['sub', 'oid', 'name', 'preferred_username', 'email', 'roles', 'nonce'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: [SIGNING_ALGORITHM],
  }));

  server.get('/authorize', async (request, reply) => {
    const parsed = AuthorizationRequestSchema.safeParse(request.query);
    // Never redirect a request that does not check out: the redirect_uri may be the problem.
    if (!parsed.success) return reply.code(400).type('text/html; charset=utf-8').send(devSignInErrorPage(parsed.error.issues.map((issue) => issue.message).join('; ')));
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(devSignInPage(parsed.data, samplePeople()));
  });

  server.get('/logout', async (request, reply) => {
    const parsed = EndSessionRequestSchema.safeParse(request.query);
    if (!parsed.success) return reply.code(400).type('text/html; charset=utf-8').send(devSignInErrorPage(parsed.error.issues.map((issue) => issue.message).join('; ')));
    return reply.code(303).header('location', parsed.data.post_logout_redirect_uri).send();
  });

  server.post('/authorize', async (request, reply) => {
    const answer = authorization.authorize(request.body);
    if (answer.kind === 'refused') return reply.code(400).type('text/html; charset=utf-8').send(devSignInErrorPage(answer.message));
    return reply.code(303).header('location', answer.location).send();
  });

  server.get('/.well-known/jwks.json', async () => ({ keys: [key.publicJwk] }));

  server.post('/token', async (request, reply) => {
    if (request.headers['content-type']?.startsWith(FORM_MEDIA_TYPE) === true) {
      // The authorization-code grant (OpenID Connect); JSON bodies are `npm run token`'s requests.
      const exchange = authorization.exchange(request.body, request.headers.authorization);
      if (exchange.kind === 'refused') return reply.code(exchange.status).header('cache-control', 'no-store').send({ error: exchange.error, error_description: exchange.description });
      return reply.header('cache-control', 'no-store').send({
        access_token: await signAccessToken(exchange.person, ID_TOKEN_LIFETIME_SECONDS),
        token_type: 'Bearer',
        expires_in: ID_TOKEN_LIFETIME_SECONDS,
        id_token: await signIdToken(exchange.person, exchange.clientId, exchange.nonce),
        scope: 'openid profile email',
      });
    }
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
