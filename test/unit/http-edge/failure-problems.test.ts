import { HttpResponse, type HttpResponseInit } from '@azure/functions';
import { ProblemSchema, ProblemTypes } from '../../../shared/http-edge/problem';
import { problemForStaffTokenRejection } from '../../../shared/http-edge/staff-auth-problem';
import { problemForStoreFailure, UnexpectedStoreFailure } from '../../../shared/http-edge/store-failure-problem';
import type { StaffTokenRejection } from '../../../shared/auth/staff-token';

async function received(init: HttpResponseInit): Promise<{ status: number; headers: Headers; type: string }> {
  const response = new HttpResponse(init);
  return { status: response.status, headers: response.headers, type: ProblemSchema.parse(await response.json()).type };
}

describe('answering a store failure', () => {
  it('answers an unavailable store with 503 and the store’s own retry hint', async () => {
    const answer = await received(problemForStoreFailure({ kind: 'unavailable', retryAfterSeconds: 12, reason: 'store answered 429' }));
    expect(answer).toMatchObject({ status: 503, type: ProblemTypes.unavailable });
    expect(answer.headers.get('retry-after')).toBe('12');
  });

  it.each([
    [{ kind: 'conflict' } as const, 409],
    [{ kind: 'precondition-failed' } as const, 412],
    [{ kind: 'not-found' } as const, 404],
  ])('answers %o with %i', async (failure, status) => {
    expect((await received(problemForStoreFailure(failure))).status).toBe(status);
  });

  it('throws an unexpected failure to the problem boundary instead of describing it to the client', () => {
    expect(() => problemForStoreFailure({ kind: 'unexpected', reason: 'Bad request: x', statusCode: 400 })).toThrow(UnexpectedStoreFailure);
  });
});

describe('answering a staff token that did not verify', () => {
  const unauthenticated: StaffTokenRejection[] = [
    'malformed',
    'expired',
    'not-yet-valid',
    'wrong-issuer',
    'wrong-audience',
    'bad-signature',
    'disallowed-algorithm',
    'incomplete-claims',
  ];

  it.each(unauthenticated)('answers %s with 401 and an invalid_token challenge', async (reason) => {
    const answer = await received(problemForStaffTokenRejection({ reason, detail: 'The "token" is bad.' }));
    expect(answer).toMatchObject({ status: 401, type: ProblemTypes.unauthenticated });
    expect(answer.headers.get('www-authenticate')).toBe('Bearer realm="baton", error="invalid_token", error_description="The token is bad."');
  });

  it('answers a missing token with a bare challenge', async () => {
    const answer = await received(problemForStaffTokenRejection({ reason: 'missing', detail: 'A bearer token is required.' }));
    expect(answer.status).toBe(401);
    expect(answer.headers.get('www-authenticate')).toBe('Bearer realm="baton"');
  });

  it('answers a user without a Baton role with 403', async () => {
    expect((await received(problemForStaffTokenRejection({ reason: 'no-role', detail: 'x' }))).status).toBe(403);
  });

  it('answers unreachable identity-provider keys with 503, since the caller may retry', async () => {
    const answer = await received(problemForStaffTokenRejection({ reason: 'keys-unavailable', detail: 'x' }));
    expect(answer.status).toBe(503);
    expect(answer.headers.get('retry-after')).not.toBeNull();
  });
});
