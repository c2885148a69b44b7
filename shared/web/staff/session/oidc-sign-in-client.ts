/**
 * Signing staff in with OpenID Connect: the authorization-code flow with PKCE, through
 * `openid-client` (a certified relying party). Discovery, the authorization request, the code
 * exchange and the ID token's validation (issuer, audience, signature against the issuer's JWKS,
 * nonce, expiry) are the library's; Entra ID in Azure and the dev issuer locally run this same path.
 */
import { custom, errors, generators, Issuer, type BaseClient } from 'openid-client';
import { providerErrorCode, signInFailureReason, type SignInFailureReason } from './sign-in-failure';

export interface SignInClientSettings {
  /** The issuer, whose `/.well-known/openid-configuration` describes the rest. */
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** `<public base URL>/staff/sign-in/callback`, registered with the identity provider. */
  readonly redirectUri: string;
}

/** What must survive the round trip to the identity provider (kept in the sealed sign-in cookie). */
export interface SignInChecks {
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
}

export interface IdentityClaims {
  /** `oid` (Entra's immutable object id); `sub` only from an issuer that has no `oid`. */
  readonly id: string;
  readonly name: string | undefined;
  readonly email: string | undefined;
  readonly roles: readonly string[];
}

export type SignInFinish =
  | { readonly kind: 'signed-in'; readonly claims: IdentityClaims }
  /**
   * The identity provider said no (the person cancelled, consent missing, a code or PKCE verifier
   * it would not take…): show its words; `error` is its OAuth error code, fit for the log.
   */
  | { readonly kind: 'refused-by-provider'; readonly detail: string; readonly error: string }
  /** The answer did not check out (state, nonce, signature, issuer, expiry): nobody is signed in. */
  | { readonly kind: 'invalid'; readonly reason: SignInFailureReason };

export interface SignInClient {
  begin(): { readonly authorizationUrl: string; readonly checks: SignInChecks };
  finish(callbackUrl: string, checks: SignInChecks): Promise<SignInFinish>;
  /** The provider's end-session address, when it has one. */
  endSessionUrl(postLogoutRedirectUri: string): string | undefined;
}

const SCOPE = 'openid profile email';
const CLOCK_TOLERANCE_SECONDS = 60;
/** A slow identity provider must not hold a sign-in for long: the person gets a page that says so. */
const HTTP_TIMEOUT_MS = 5_000;

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function rolesOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((role): role is string => typeof role === 'string') : [];
}

function clientFor(issuer: Issuer<BaseClient>, settings: SignInClientSettings): SignInClient {
  const client = new issuer.Client({
    client_id: settings.clientId,
    client_secret: settings.clientSecret,
    redirect_uris: [settings.redirectUri],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_post',
    id_token_signed_response_alg: 'RS256',
  });
  client[custom.clock_tolerance] = CLOCK_TOLERANCE_SECONDS;
  client[custom.http_options] = () => ({ timeout: HTTP_TIMEOUT_MS });

  return {
    begin() {
      const checks: SignInChecks = { state: generators.state(), nonce: generators.nonce(), codeVerifier: generators.codeVerifier() };
      const authorizationUrl = client.authorizationUrl({
        scope: SCOPE,
        redirect_uri: settings.redirectUri,
        state: checks.state,
        nonce: checks.nonce,
        code_challenge: generators.codeChallenge(checks.codeVerifier),
        code_challenge_method: 'S256',
      });
      return { authorizationUrl, checks };
    },
    async finish(callbackUrl, checks): Promise<SignInFinish> {
      try {
        const tokens = await client.callback(settings.redirectUri, client.callbackParams(callbackUrl), {
          state: checks.state,
          nonce: checks.nonce,
          code_verifier: checks.codeVerifier,
          response_type: 'code',
        });
        const claims = tokens.claims();
        const id = text(claims['oid']) ?? text(claims.sub);
        if (id === undefined) return { kind: 'invalid', reason: 'identity-missing' };
        return {
          kind: 'signed-in',
          claims: { id, name: text(claims.name), email: text(claims.email) ?? text(claims.preferred_username), roles: rolesOf(claims['roles']) },
        };
      } catch (error: unknown) {
        if (error instanceof errors.OPError) {
          return { kind: 'refused-by-provider', detail: error.error_description ?? error.error ?? error.message, error: providerErrorCode(error.error) };
        }
        return { kind: 'invalid', reason: signInFailureReason(error) };
      }
    },
    endSessionUrl(postLogoutRedirectUri) {
      if (issuer.metadata.end_session_endpoint === undefined) return undefined;
      return client.endSessionUrl({ post_logout_redirect_uri: postLogoutRedirectUri, client_id: settings.clientId });
    },
  };
}

export async function discoverSignInClient(settings: SignInClientSettings): Promise<SignInClient> {
  Issuer[custom.http_options] = () => ({ timeout: HTTP_TIMEOUT_MS });
  const issuer = await Issuer.discover(settings.issuer);
  return clientFor(issuer, settings);
}
