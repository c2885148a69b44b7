import { errors } from 'openid-client';
import { providerErrorCode, signInFailureReason } from '../../../../../shared/web/staff/session/sign-in-failure';

/** The errors openid-client throws while checking an answer, built as the library builds them. */
const rp = (...printf: unknown[]) => new errors.RPError({ printf });

describe('the reason a staff sign-in answer did not check out', () => {
  it('names a state, nonce, issuer or audience that did not match, without the values compared', () => {
    expect(signInFailureReason(rp('state mismatch, expected %s, got: %s', 'state-of-this-browser', 'state-of-another'))).toBe('state-mismatch');
    expect(signInFailureReason(new errors.RPError({ message: 'state missing from the response' }))).toBe('state-missing');
    expect(signInFailureReason(new TypeError('checks.state argument is missing'))).toBe('state-missing');
    expect(signInFailureReason(rp('nonce mismatch, expected %s, got: %s', 'n-1', 'n-2'))).toBe('nonce-mismatch');
    expect(signInFailureReason(rp('unexpected iss value, expected %s, got: %s', 'https://a', 'https://b'))).toBe('issuer-mismatch');
    expect(signInFailureReason(rp('iss mismatch, expected %s, got: %s', 'https://a', 'https://b'))).toBe('issuer-mismatch');
    expect(signInFailureReason(rp('aud mismatch, expected %s, got: %s', 'baton', 'other'))).toBe('audience-mismatch');
  });

  it('names an expired, early, badly signed or unreadable ID token', () => {
    expect(signInFailureReason(rp('JWT expired, now %i, exp %i', 2000, 1000))).toBe('token-expired');
    expect(signInFailureReason(rp('JWT issued too far in the past, now %i, iat %i', 2000, 1000))).toBe('token-expired');
    expect(signInFailureReason(rp('JWT not active yet, now %i, nbf %i', 1000, 2000))).toBe('token-not-yet-valid');
    expect(signInFailureReason(new errors.RPError({ message: 'failed to validate JWT signature' }))).toBe('signature-invalid');
    expect(signInFailureReason(rp('unexpected JWT alg received, expected %s, got: %s', 'RS256', 'none'))).toBe('signature-invalid');
    expect(signInFailureReason(rp('failed to decode JWT (%s: %s)', 'SyntaxError', 'bad'))).toBe('token-malformed');
  });

  it('tells an identity provider that did not answer in time from anything else', () => {
    expect(signInFailureReason(new errors.RPError('outgoing request timed out after 5000ms'))).toBe('provider-unreachable');
    expect(signInFailureReason(new Error('something new'))).toBe('other');
    expect(signInFailureReason('thrown text')).toBe('other');
  });

  it('keeps a provider’s OAuth error code and nothing that is not one', () => {
    expect(providerErrorCode('invalid_grant')).toBe('invalid_grant');
    expect(providerErrorCode('access_denied')).toBe('access_denied');
    expect(providerErrorCode('state=abc123 rejected')).toBe('unrecognised');
    expect(providerErrorCode(undefined)).toBe('unrecognised');
  });
});
