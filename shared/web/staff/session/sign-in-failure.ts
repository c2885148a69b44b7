/**
 * Why a sign-in answer did not check out, as a code fit for the log. openid-client's messages quote
 * the values it compared ("state mismatch, expected <state>, got: …", the issuer, the audience, the
 * times), and a state or nonce in the log would help whoever reads it replay a sign-in: the log
 * gets the reason only, never the message.
 */
import { z } from 'zod';

export const SignInFailureReasonSchema = z.enum([
  'state-mismatch',
  'state-missing',
  'nonce-mismatch',
  'issuer-mismatch',
  'audience-mismatch',
  'token-expired',
  'token-not-yet-valid',
  'signature-invalid',
  'token-malformed',
  'identity-missing',
  'provider-unreachable',
  'other',
]);
export type SignInFailureReason = z.infer<typeof SignInFailureReasonSchema>;

/** First match wins: the openid-client (v5) message openings each reason stands for. */
const MESSAGE_REASONS: ReadonlyArray<readonly [RegExp, SignInFailureReason]> = [
  [/^state mismatch/i, 'state-mismatch'],
  [/state missing|checks\.state argument is missing/i, 'state-missing'],
  [/nonce/i, 'nonce-mismatch'],
  [/^(unexpected iss value|iss mismatch|iss missing|discovered issuer mismatch)/i, 'issuer-mismatch'],
  [/^(aud mismatch|aud is missing|azp mismatch|missing required JWT property azp)/i, 'audience-mismatch'],
  [/^(JWT expired|JWT issued too far in the past)/i, 'token-expired'],
  [/^JWT not active yet/i, 'token-not-yet-valid'],
  [/^(failed to validate JWT signature|no valid key found|unexpected JWT alg)/i, 'signature-invalid'],
  [/^(failed to decode JWT|JWT \w+ claim must be|missing required)/i, 'token-malformed'],
  [/timed out|ECONNREFUSED|ECONNRESET|ENOTFOUND|socket hang up/i, 'provider-unreachable'],
];

/** Pure: the reason an error thrown while checking the identity provider's answer stands for. */
export function signInFailureReason(error: unknown): SignInFailureReason {
  const message = error instanceof Error ? error.message : String(error);
  return MESSAGE_REASONS.find(([pattern]) => pattern.test(message))?.[1] ?? 'other';
}

/** An OAuth error code (`access_denied`, `invalid_grant` …) as the provider sent it, if it looks like one. */
export function providerErrorCode(code: string | undefined): string {
  return code !== undefined && /^[a-z_]{1,64}$/.test(code) ? code : 'unrecognised';
}
