/**
 * How the HTTP edge answers when the store could not do its part. An unavailable store is an
 * expected outage (503 + Retry-After, nothing was written); an unexpected failure is a bug, so it
 * is thrown to the problem boundary, which logs it and answers a generic 500.
 */
import type { HttpResponseInit } from '@azure/functions';
import type { StoreFailure } from '../store/store-failure';
import {
  conflictProblem,
  notFoundProblem,
  preconditionFailedProblem,
  serviceUnavailableProblem,
  type ProblemOptions,
} from './problem';

export class UnexpectedStoreFailure extends Error {
  constructor(readonly failure: Extract<StoreFailure, { kind: 'unexpected' }>) {
    super(`unexpected store failure${failure.statusCode === undefined ? '' : ` (${failure.statusCode})`}: ${failure.reason}`);
    this.name = 'UnexpectedStoreFailure';
  }
}

export function problemForStoreFailure(failure: StoreFailure, options: Omit<ProblemOptions, 'type'> = {}): HttpResponseInit {
  switch (failure.kind) {
    case 'unavailable':
      return serviceUnavailableProblem(failure.retryAfterSeconds, options);
    case 'conflict':
      return conflictProblem(options);
    case 'precondition-failed':
      return preconditionFailedProblem(options);
    case 'not-found':
      return notFoundProblem(options);
    case 'unexpected':
      throw new UnexpectedStoreFailure(failure);
  }
}
