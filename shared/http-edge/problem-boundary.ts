/**
 * The last line of defence of every HTTP function: an exception nobody expected becomes a generic
 * answer with a correlation id (a 500 problem for the API, a page for the requester's site), and
 * the error itself goes to the log under that id, never to the client: as an `http.unhandled-error`
 * event line, so the README's log queries find a crash as they find every other event.
 */
import { randomUUID } from 'node:crypto';
import type { HttpHandler, HttpRequest, HttpResponse, HttpResponseInit, InvocationContext } from '@azure/functions';
import { eventLog } from '../logging/structured-log';
import { internalErrorProblem } from './problem';

export interface ProblemBoundaryOptions {
  /** Tests pin this to assert the id that reaches both the answer and the log. */
  readonly newCorrelationId?: () => string;
}

export interface FailureBoundary extends ProblemBoundaryOptions {
  /** Which kind of function failed (`api`, `page`), written as the event line's `surface`. */
  readonly surface: string;
  /** What the client is shown: nothing of the error but the correlation id. */
  readonly answer: (correlationId: string, requestPath: string | undefined) => HttpResponseInit;
}

function requestPath(request: HttpRequest): string | undefined {
  try {
    return new URL(request.url).pathname;
  } catch {
    return undefined;
  }
}

export function withFailureBoundary(handler: HttpHandler, boundary: FailureBoundary): HttpHandler {
  const newCorrelationId = boundary.newCorrelationId ?? randomUUID;
  return async (request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit | HttpResponse> => {
    try {
      return await handler(request, context);
    } catch (error: unknown) {
      const correlationId = newCorrelationId();
      const path = requestPath(request);
      // The path only: a query string can carry a requester's access token; never the body either.
      eventLog(context).error('http.unhandled-error', {
        correlationId,
        invocationId: context.invocationId,
        surface: boundary.surface,
        method: request.method,
        path,
        errorName: error instanceof Error ? error.name : typeof error,
        errorMessage: error instanceof Error ? error.message : String(error),
      });
      return boundary.answer(correlationId, path);
    }
  };
}

export function withProblemBoundary(handler: HttpHandler, options: ProblemBoundaryOptions = {}): HttpHandler {
  return withFailureBoundary(handler, {
    ...options,
    surface: 'api',
    answer: (correlationId, instance) => internalErrorProblem(correlationId, instance === undefined ? {} : { instance }),
  });
}
