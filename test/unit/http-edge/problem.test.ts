import { HttpResponse, type HttpResponseInit } from '@azure/functions';
import {
  conflictProblem,
  forbiddenProblem,
  internalErrorProblem,
  malformedBodyProblem,
  notFoundProblem,
  payloadTooLargeProblem,
  preconditionFailedProblem,
  ProblemSchema,
  ProblemTypes,
  problemType,
  serviceUnavailableProblem,
  tooManyRequestsProblem,
  unauthorizedProblem,
  unprocessableProblem,
  unsupportedMediaTypeProblem,
  validationProblem,
} from '../../../shared/http-edge/problem';

/** What a client receives: the response as the Functions library serialises it. */
async function received(init: HttpResponseInit): Promise<{ status: number; headers: Headers; body: unknown }> {
  const response = new HttpResponse(init);
  return { status: response.status, headers: response.headers, body: await response.json() };
}

describe('problem+json answers', () => {
  const cases: ReadonlyArray<readonly [string, HttpResponseInit, number, string]> = [
    ['validation', validationProblem([{ field: 'requester.email', message: 'Invalid email' }]), 400, ProblemTypes.validation],
    ['malformed body', malformedBodyProblem('The body is not valid JSON.'), 400, ProblemTypes.malformedBody],
    ['unauthorized', unauthorizedProblem(), 401, ProblemTypes.unauthenticated],
    ['forbidden', forbiddenProblem(), 403, ProblemTypes.forbidden],
    ['not found', notFoundProblem(), 404, ProblemTypes.notFound],
    ['conflict', conflictProblem(), 409, ProblemTypes.conflict],
    ['precondition failed', preconditionFailedProblem(), 412, ProblemTypes.preconditionFailed],
    ['payload too large', payloadTooLargeProblem(1024), 413, ProblemTypes.payloadTooLarge],
    ['unsupported media type', unsupportedMediaTypeProblem(['application/json']), 415, ProblemTypes.unsupportedMediaType],
    ['unprocessable', unprocessableProblem(), 422, ProblemTypes.unprocessable],
    ['too many requests', tooManyRequestsProblem(3), 429, ProblemTypes.rateLimited],
    ['unavailable', serviceUnavailableProblem(5), 503, ProblemTypes.unavailable],
    ['internal', internalErrorProblem('c-1'), 500, ProblemTypes.internal],
  ];

  it.each(cases)('answers %s with its status, stable type and the problem media type', async (_name, init, status, type) => {
    const answer = await received(init);
    expect(answer.status).toBe(status);
    expect(answer.headers.get('content-type')).toBe('application/problem+json');
    const problem = ProblemSchema.parse(answer.body);
    expect(problem).toMatchObject({ status, type });
    expect(problem.title.length).toBeGreaterThan(0);
  });

  it('gives every kind of problem its own type URI under baton.dev', () => {
    const types = Object.values(ProblemTypes);
    expect(new Set(types).size).toBe(types.length);
    for (const type of types) expect(type).toMatch(/^https:\/\/baton\.dev\/problems\/[a-z-]+$/);
  });

  it('lists every field error of a validation problem', async () => {
    const answer = await received(
      validationProblem(
        [
          { field: 'requester.email', message: 'Invalid email' },
          { field: 'severity', message: 'Expected A, B or C' },
        ],
        { instance: '/api/tickets' },
      ),
    );
    const problem = ProblemSchema.parse(answer.body);
    expect(problem.errors).toEqual([
      { field: 'requester.email', message: 'Invalid email' },
      { field: 'severity', message: 'Expected A, B or C' },
    ]);
    expect(problem.instance).toBe('/api/tickets');
    expect(problem.detail).toBe('2 fields failed validation.');
  });

  it('carries a domain-specific type and detail when the caller gives them', async () => {
    const answer = await received(
      conflictProblem({ type: problemType('ticket/already-closed'), detail: 'The ticket is closed.' }),
    );
    expect(ProblemSchema.parse(answer.body)).toMatchObject({
      type: 'https://baton.dev/problems/ticket/already-closed',
      detail: 'The ticket is closed.',
      status: 409,
    });
  });

  it('asks a client to retry 503 and 429 after whole seconds, never zero', async () => {
    expect((await received(serviceUnavailableProblem(7.2))).headers.get('retry-after')).toBe('8');
    expect((await received(serviceUnavailableProblem(0))).headers.get('retry-after')).toBe('1');
    expect((await received(tooManyRequestsProblem(Number.NaN))).headers.get('retry-after')).toBe('1');
    expect((await received(tooManyRequestsProblem(30))).headers.get('retry-after')).toBe('30');
  });

  it('challenges a 401 with WWW-Authenticate', async () => {
    expect((await received(unauthorizedProblem())).headers.get('www-authenticate')).toBe('Bearer realm="baton"');
    expect((await received(unauthorizedProblem({ challenge: 'Bearer error="invalid_token"' }))).headers.get('www-authenticate')).toBe(
      'Bearer error="invalid_token"',
    );
  });

  it('answers a 500 with a correlation id in the body and a header, and nothing else about the failure', async () => {
    const answer = await received(internalErrorProblem('4c1e0f0e-corr'));
    const problem = ProblemSchema.parse(answer.body);
    expect(problem.correlationId).toBe('4c1e0f0e-corr');
    expect(answer.headers.get('x-correlation-id')).toBe('4c1e0f0e-corr');
    expect(Object.keys(answer.body as object).sort()).toEqual(['correlationId', 'detail', 'status', 'title', 'type']);
  });

  it('is never cached by an intermediary', async () => {
    expect((await received(notFoundProblem())).headers.get('cache-control')).toBe('no-store');
  });
});
