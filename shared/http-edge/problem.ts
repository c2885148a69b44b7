/**
 * RFC 9457 problem details for the HTTP edge: one stable `type` URI per kind of failure, a human
 * title, field errors for validation. A problem never carries a stack trace or an internal message.
 */
import type { HttpResponseInit } from '@azure/functions';
import { z } from 'zod';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

const PROBLEM_TYPE_BASE = 'https://baton.dev/problems/';

/** A Baton problem type URI; `slug` may carry a domain reason, e.g. `ticket/already-closed`. */
export function problemType(slug: string): string {
  return `${PROBLEM_TYPE_BASE}${slug}`;
}

/** The stable types clients may switch on. Changing one of these is a breaking API change. */
export const ProblemTypes = {
  validation: problemType('validation'),
  malformedBody: problemType('malformed-body'),
  /** The request itself (its target, header bytes or method) could not be parsed; the host answers before any function. */
  malformedRequest: problemType('malformed-request'),
  unauthenticated: problemType('unauthenticated'),
  forbidden: problemType('forbidden'),
  notFound: problemType('not-found'),
  conflict: problemType('conflict'),
  preconditionFailed: problemType('precondition-failed'),
  payloadTooLarge: problemType('payload-too-large'),
  unsupportedMediaType: problemType('unsupported-media-type'),
  unprocessable: problemType('unprocessable'),
  rateLimited: problemType('rate-limited'),
  unavailable: problemType('unavailable'),
  internal: problemType('internal'),
} as const;

export const FieldErrorSchema = z.object({
  /** Dotted path of the offending input field, e.g. `requester.email`; empty for the whole body. */
  field: z.string(),
  message: z.string(),
});
export type FieldError = z.infer<typeof FieldErrorSchema>;

/** The document on the wire; clients and tests parse answers with it. */
export const ProblemSchema = z.object({
  type: z.url(),
  title: z.string().min(1),
  status: z.number().int().min(400).max(599),
  detail: z.string().optional(),
  instance: z.string().optional(),
  errors: z.array(FieldErrorSchema).optional(),
  correlationId: z.string().optional(),
});
export type Problem = z.infer<typeof ProblemSchema>;

/** What a caller may add to a standard problem: a human detail, the request path, a domain-specific type. */
export interface ProblemOptions {
  readonly detail?: string;
  readonly instance?: string;
  readonly type?: string;
}

/** Serialises a problem as a Functions v4 response; extra headers (Retry-After…) are merged in. */
export function problemResponse(problem: Problem, headers: Readonly<Record<string, string>> = {}): HttpResponseInit {
  return {
    status: problem.status,
    headers: { ...headers, 'Content-Type': PROBLEM_CONTENT_TYPE, 'Cache-Control': 'no-store' },
    jsonBody: problem,
  };
}

function problem(status: number, type: string, title: string, options: ProblemOptions): Problem {
  return {
    type: options.type ?? type,
    title,
    status,
    ...(options.detail === undefined ? {} : { detail: options.detail }),
    ...(options.instance === undefined ? {} : { instance: options.instance }),
  };
}

/** Retry-After in whole seconds, never below one: a zero would invite a tight retry loop. */
function retryAfterHeader(seconds: number): Record<string, string> {
  const whole = Number.isFinite(seconds) ? Math.max(1, Math.ceil(seconds)) : 1;
  return { 'Retry-After': String(whole) };
}

export function validationProblem(errors: readonly FieldError[], options: ProblemOptions = {}): HttpResponseInit {
  return problemResponse({
    ...problem(400, ProblemTypes.validation, 'The request has invalid fields', {
      detail: `${errors.length} field${errors.length === 1 ? '' : 's'} failed validation.`,
      ...options,
    }),
    errors: [...errors],
  });
}

export function malformedBodyProblem(detail: string, options: Omit<ProblemOptions, 'detail'> = {}): HttpResponseInit {
  return problemResponse(problem(400, ProblemTypes.malformedBody, 'The request body could not be read', { ...options, detail }));
}

/** 401 with a `WWW-Authenticate` challenge, as RFC 9110 requires for this status. */
export function unauthorizedProblem(options: ProblemOptions & { readonly challenge?: string } = {}): HttpResponseInit {
  const { challenge = 'Bearer realm="baton"', ...rest } = options;
  return problemResponse(problem(401, ProblemTypes.unauthenticated, 'Authentication is required', rest), {
    'WWW-Authenticate': challenge,
  });
}

export function forbiddenProblem(options: ProblemOptions = {}): HttpResponseInit {
  return problemResponse(problem(403, ProblemTypes.forbidden, 'You are not allowed to do this', options));
}

export function notFoundProblem(options: ProblemOptions = {}): HttpResponseInit {
  return problemResponse(problem(404, ProblemTypes.notFound, 'Not found', options));
}

export function conflictProblem(options: ProblemOptions = {}): HttpResponseInit {
  return problemResponse(problem(409, ProblemTypes.conflict, 'The request conflicts with the current state', options));
}

export function preconditionFailedProblem(options: ProblemOptions = {}): HttpResponseInit {
  return problemResponse(problem(412, ProblemTypes.preconditionFailed, 'The resource has changed', options));
}

export function payloadTooLargeProblem(limitBytes: number, options: ProblemOptions = {}): HttpResponseInit {
  return problemResponse(
    problem(413, ProblemTypes.payloadTooLarge, 'The request body is too large', {
      detail: `The body must not exceed ${limitBytes} bytes.`,
      ...options,
    }),
  );
}

export function unsupportedMediaTypeProblem(accepted: readonly string[], options: ProblemOptions = {}): HttpResponseInit {
  return problemResponse(
    problem(415, ProblemTypes.unsupportedMediaType, 'Unsupported media type', {
      detail: `Send the body as ${accepted.join(' or ')}.`,
      ...options,
    }),
  );
}

export function unprocessableProblem(options: ProblemOptions = {}): HttpResponseInit {
  return problemResponse(problem(422, ProblemTypes.unprocessable, 'The request cannot be processed', options));
}

export function tooManyRequestsProblem(retryAfterSeconds: number, options: ProblemOptions = {}): HttpResponseInit {
  return problemResponse(
    problem(429, ProblemTypes.rateLimited, 'Too many requests', options),
    retryAfterHeader(retryAfterSeconds),
  );
}

export function serviceUnavailableProblem(retryAfterSeconds: number, options: ProblemOptions = {}): HttpResponseInit {
  return problemResponse(
    problem(503, ProblemTypes.unavailable, 'The service is temporarily unavailable', {
      detail: 'Nothing was changed. Please retry later.',
      ...options,
    }),
    retryAfterHeader(retryAfterSeconds),
  );
}

/** The only 500 Baton answers: generic, with a correlation id that points operators to the log entry. */
export function internalErrorProblem(correlationId: string, options: Omit<ProblemOptions, 'type'> = {}): HttpResponseInit {
  return problemResponse(
    {
      ...problem(500, ProblemTypes.internal, 'Something went wrong on our side', {
        detail: `Quote ${correlationId} if you contact support.`,
        ...options,
      }),
      correlationId,
    },
    { 'X-Correlation-Id': correlationId },
  );
}
