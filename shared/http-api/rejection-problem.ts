/**
 * How a domain rejection reaches a client: 403 when the role matrix says no, 409 when the ticket's
 * state does not allow it (now), 422 when a business rule refuses the request as asked. The
 * problem's `type` names the domain code, so clients can switch on it without parsing prose.
 */
import type { HttpResponseInit } from '@azure/functions';
import type { Rejection, RejectionCode } from '../domain/commands/decision';
import { problemResponse, problemType } from '../http-edge/problem';

interface RejectionAnswer {
  readonly status: 403 | 409 | 422;
  readonly title: string;
}

const ANSWERS: Readonly<Record<RejectionCode, RejectionAnswer>> = {
  forbidden: { status: 403, title: 'You are not allowed to do this' },
  'invalid-state': { status: 409, title: 'The ticket is not in a state that allows this' },
  // The time is not right yet: the same request may succeed later, like any state conflict.
  'too-early': { status: 409, title: 'This cannot happen yet' },
  'invalid-command': { status: 422, title: 'A rule of the support desk refuses this request' },
  'window-closed': { status: 422, title: 'The time allowed for this has passed' },
};

export function rejectionStatus(code: RejectionCode): 403 | 409 | 422 {
  return ANSWERS[code].status;
}

export function rejectionProblem(rejection: Rejection, instance?: string): HttpResponseInit {
  const answer = ANSWERS[rejection.code];
  return problemResponse({
    type: problemType(`ticket/${rejection.code}`),
    title: answer.title,
    status: answer.status,
    detail: rejection.message,
    ...(instance === undefined ? {} : { instance }),
  });
}
