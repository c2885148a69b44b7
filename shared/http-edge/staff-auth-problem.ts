/**
 * How the HTTP edge answers a staff token that did not verify: 401 with an RFC 6750 challenge for
 * a bad or absent credential, 403 for a valid user without a Baton role, 503 when the identity
 * provider's keys are out of reach (the caller did nothing wrong and may retry).
 */
import type { HttpResponseInit } from '@azure/functions';
import type { StaffTokenRejection } from '../auth/staff-token';
import { forbiddenProblem, serviceUnavailableProblem, unauthorizedProblem, type ProblemOptions } from './problem';

const KEYS_RETRY_AFTER_SECONDS = 5;

/** Quotes are not allowed inside the challenge's quoted strings. */
function quoted(text: string): string {
  return `"${text.replace(/["\\]/g, '')}"`;
}

export function problemForStaffTokenRejection(
  rejection: { readonly reason: StaffTokenRejection; readonly detail: string },
  options: Omit<ProblemOptions, 'detail' | 'type'> = {},
): HttpResponseInit {
  switch (rejection.reason) {
    case 'no-role':
      return forbiddenProblem({ ...options, detail: rejection.detail });
    case 'keys-unavailable':
      return serviceUnavailableProblem(KEYS_RETRY_AFTER_SECONDS, { ...options, detail: rejection.detail });
    case 'missing':
      // RFC 6750 §3.1: no error code when the request carried no credential at all.
      return unauthorizedProblem({ ...options, detail: rejection.detail, challenge: 'Bearer realm="baton"' });
    default:
      return unauthorizedProblem({
        ...options,
        detail: rejection.detail,
        challenge: `Bearer realm="baton", error="invalid_token", error_description=${quoted(rejection.detail)}`,
      });
  }
}
