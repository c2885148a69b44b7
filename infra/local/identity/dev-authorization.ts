/**
 * The dev issuer's side of the OpenID Connect authorization-code flow with PKCE, the flow Entra ID
 * runs for the staff console: the authorization endpoint shows the sign-in page and hands out a
 * one-time code; the token endpoint checks the code, the client, the redirect URI and the PKCE
 * verifier before answering with an ID token (and a staff access token). Only loopback redirect
 * URIs to Baton's callback path are accepted: this issuer signs anyone in.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { StaffRoleSchema, type StaffRole } from '../../../shared/auth/staff-token';
import type { Clock } from '../../../shared/clock';
import { devIdOf, samplePeople, type DevPerson } from './dev-people';
import type { PendingAuthorization } from './dev-sign-in-page';

/** The offline stack's client, fixed like the vendor stand-in's secret: local development only. */
export const DEV_SIGN_IN_CLIENT = { id: 'baton-local', secret: 'baton-local-development-client-secret' } as const;

const CALLBACK_PATH = '/staff/sign-in/callback';
const SIGNED_OUT_PATH = '/staff/signed-out';
const CODE_LIFETIME_MS = 60_000;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

function isBatonPage(uri: string, path: string): boolean {
  try {
    const url = new URL(uri);
    return url.protocol === 'http:' && LOOPBACK.has(url.hostname) && url.pathname === path && url.search === '' && url.hash === '';
  } catch {
    return false;
  }
}

function isBatonCallback(uri: string): boolean {
  return isBatonPage(uri, CALLBACK_PATH);
}

/**
 * The end-session request, as Entra ID takes it. This issuer keeps no session of its own (its page
 * asks every time), so signing out only sends the browser back, to Baton's signed-out page alone.
 */
export const EndSessionRequestSchema = z.object({
  post_logout_redirect_uri: z.string().refine((uri) => isBatonPage(uri, SIGNED_OUT_PATH), { error: `post_logout_redirect_uri must be http://<loopback>:<port>${SIGNED_OUT_PATH}` }),
  client_id: z.literal(DEV_SIGN_IN_CLIENT.id).optional(),
});

export const AuthorizationRequestSchema = z.object({
  response_type: z.literal('code', { error: 'response_type must be code' }),
  client_id: z.literal(DEV_SIGN_IN_CLIENT.id, { error: `client_id must be ${DEV_SIGN_IN_CLIENT.id}` }),
  redirect_uri: z.string().refine(isBatonCallback, { error: `redirect_uri must be http://<loopback>:<port>${CALLBACK_PATH}` }),
  state: z.string().max(512).optional(),
  nonce: z.string().max(512).optional(),
  code_challenge: z.string().regex(/^[A-Za-z0-9_-]{43,128}$/, { error: 'a PKCE code_challenge is required' }),
  code_challenge_method: z.literal('S256', { error: 'code_challenge_method must be S256' }),
  scope: z.string().max(512).optional(),
});

const ChoiceSchema = z.object({
  person: z.string().min(1),
  name: z.string().trim().max(200).optional(),
  roles: z.union([StaffRoleSchema, z.array(StaffRoleSchema)]).optional(),
});

const CodeGrantSchema = z.object({
  grant_type: z.literal('authorization_code'),
  code: z.string().min(1),
  redirect_uri: z.string().min(1),
  code_verifier: z.string().regex(/^[A-Za-z0-9._~-]{43,128}$/),
  client_id: z.string().optional(),
  client_secret: z.string().optional(),
});

interface IssuedCode {
  readonly request: PendingAuthorization;
  readonly person: DevPerson;
  readonly expiresAt: number;
}

export type Authorized = { readonly kind: 'redirect'; readonly location: string } | { readonly kind: 'refused'; readonly message: string };

export type CodeExchange =
  | { readonly kind: 'granted'; readonly person: DevPerson; readonly clientId: string; readonly nonce: string | undefined }
  | { readonly kind: 'refused'; readonly status: 400 | 401; readonly error: string; readonly description: string };

function sameText(a: string, b: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(a), digest(b));
}

/** `client_secret_post` or `client_secret_basic`, whichever the client uses. */
function clientOf(grant: z.infer<typeof CodeGrantSchema>, authorization: string | undefined): { id?: string; secret?: string } {
  const basic = /^Basic\s+(.+)$/i.exec(authorization ?? '');
  if (basic?.[1] !== undefined) {
    const [id = '', secret = ''] = Buffer.from(basic[1], 'base64').toString('utf8').split(':').map((part) => decodeURIComponent(part));
    return { id, secret };
  }
  return { ...(grant.client_id === undefined ? {} : { id: grant.client_id }), ...(grant.client_secret === undefined ? {} : { secret: grant.client_secret }) };
}

export interface DevAuthorizationServer {
  /** The person chosen on the sign-in page: a code for them, sent back to Baton. */
  authorize(form: unknown): Authorized;
  /** The token endpoint's authorization-code grant. */
  exchange(form: unknown, authorization: string | undefined): CodeExchange;
}

export function devAuthorizationServer(clock: Clock, people: readonly DevPerson[] = samplePeople()): DevAuthorizationServer {
  const codes = new Map<string, IssuedCode>();

  function personChosen(choice: z.infer<typeof ChoiceSchema>): DevPerson | undefined {
    if (choice.person !== 'typed') return people.find((person) => person.id === choice.person);
    if (choice.name === undefined || choice.name === '') return undefined;
    const roles: StaffRole[] = choice.roles === undefined ? [] : typeof choice.roles === 'string' ? [choice.roles] : [...new Set(choice.roles)];
    const id = devIdOf(choice.name);
    return { id, name: choice.name, email: `${id.slice('dev-'.length)}@staff.baton.test`, roles, description: roles.join(', ') };
  }

  return {
    authorize(form) {
      const request = AuthorizationRequestSchema.safeParse(form);
      if (!request.success) return { kind: 'refused', message: request.error.issues.map((issue) => issue.message).join('; ') };
      const choice = ChoiceSchema.safeParse(form);
      const person = choice.success ? personChosen(choice.data) : undefined;
      if (person === undefined) return { kind: 'refused', message: 'Choose a person, or type a name.' };
      const now = clock.now().getTime();
      for (const [code, issued] of codes) if (issued.expiresAt <= now) codes.delete(code);
      const code = randomBytes(32).toString('base64url');
      codes.set(code, { request: request.data, person, expiresAt: now + CODE_LIFETIME_MS });
      const location = new URL(request.data.redirect_uri);
      location.searchParams.set('code', code);
      if (request.data.state !== undefined) location.searchParams.set('state', request.data.state);
      return { kind: 'redirect', location: location.toString() };
    },

    exchange(form, authorization) {
      const grant = CodeGrantSchema.safeParse(form);
      if (!grant.success) return { kind: 'refused', status: 400, error: 'invalid_request', description: 'an authorization_code grant needs code, redirect_uri and code_verifier' };
      const client = clientOf(grant.data, authorization);
      if (client.id !== DEV_SIGN_IN_CLIENT.id || client.secret === undefined || !sameText(client.secret, DEV_SIGN_IN_CLIENT.secret)) {
        return { kind: 'refused', status: 401, error: 'invalid_client', description: 'unknown client or wrong secret' };
      }
      const issued = codes.get(grant.data.code);
      // A code is good once: a second use (a replay) finds nothing.
      codes.delete(grant.data.code);
      if (issued === undefined || issued.expiresAt <= clock.now().getTime()) {
        return { kind: 'refused', status: 400, error: 'invalid_grant', description: 'the code is unknown, used or expired' };
      }
      if (issued.request.client_id !== client.id || issued.request.redirect_uri !== grant.data.redirect_uri) {
        return { kind: 'refused', status: 400, error: 'invalid_grant', description: 'the code was issued to another client or redirect_uri' };
      }
      const challenge = createHash('sha256').update(grant.data.code_verifier).digest('base64url');
      if (!sameText(challenge, issued.request.code_challenge)) {
        return { kind: 'refused', status: 400, error: 'invalid_grant', description: 'the PKCE code_verifier does not match the code_challenge' };
      }
      return { kind: 'granted', person: issued.person, clientId: client.id, nonce: issued.request.nonce };
    },
  };
}
