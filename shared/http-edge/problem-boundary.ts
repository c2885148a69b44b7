/**
 * The last line of defence of every HTTP function: an exception nobody expected becomes a generic
 * 500 problem with a correlation id, and the error itself goes to the log under that id, never to
 * the client.
 */
import { randomUUID } from 'node:crypto';
import type { HttpHandler, HttpRequest, HttpResponse, HttpResponseInit, InvocationContext } from '@azure/functions';
import { internalErrorProblem } from './problem';

export interface ProblemBoundaryOptions {
  /** Tests pin this to assert the id that reaches both the answer and the log. */
  readonly newCorrelationId?: () => string;
}

function requestPath(request: HttpRequest): string | undefined {
  try {
    return new URL(request.url).pathname;
  } catch {
    return undefined;
  }
}

export function withProblemBoundary(handler: HttpHandler, options: ProblemBoundaryOptions = {}): HttpHandler {
  const newCorrelationId = options.newCorrelationId ?? randomUUID;
  return async (request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit | HttpResponse> => {
    try {
      return await handler(request, context);
    } catch (error: unknown) {
      const correlationId = newCorrelationId();
      context.error('Unhandled error in HTTP handler', {
        correlationId,
        invocationId: context.invocationId,
        method: request.method,
        url: request.url,
        error: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error),
      });
      const instance = requestPath(request);
      return internalErrorProblem(correlationId, instance === undefined ? {} : { instance });
    }
  };
}
