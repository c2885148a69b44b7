import { CosmosClient, ErrorResponse } from '@azure/cosmos';
import { cosmosClientOptionsForStandIn, startCosmosStandIn } from '../../../infra/local/services/cosmos-standin';
import { classifyStoreError, DEFAULT_RETRY_AFTER_SECONDS } from '../../../shared/store/store-failure';
import { readDocument } from '../../../shared/store/point-read';
import { z } from 'zod';

function sdkError(code: number | string, extra: Partial<ErrorResponse> = {}): ErrorResponse {
  const error = new ErrorResponse(`failure ${code}`);
  error.code = code;
  Object.assign(error, extra);
  return error;
}

describe('classifying store errors', () => {
  it.each([
    [409, 'conflict'],
    [412, 'precondition-failed'],
    [404, 'not-found'],
    [503, 'unavailable'],
    [429, 'unavailable'],
    [408, 'unavailable'],
    [500, 'unavailable'],
    [400, 'unexpected'],
    [403, 'unexpected'],
  ] as const)('sorts status %i as %s', (status, kind) => {
    expect(classifyStoreError(sdkError(status)).kind).toBe(kind);
  });

  it('passes on the throttling hint of a 429 that outlasted the SDK retries', () => {
    expect(classifyStoreError(sdkError(429, { retryAfterInMs: 2_300 }))).toMatchObject({ kind: 'unavailable', retryAfterSeconds: 3 });
    expect(classifyStoreError(sdkError(503))).toMatchObject({ retryAfterSeconds: DEFAULT_RETRY_AFTER_SECONDS });
  });

  it.each(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'REQUEST_SEND_ERROR', 'TimeoutError'])(
    'treats %s as an unavailable store',
    (code) => {
      expect(classifyStoreError(Object.assign(new Error('network'), { code })).kind).toBe('unavailable');
    },
  );

  it('keeps anything else as unexpected, with its message for the log', () => {
    expect(classifyStoreError(new TypeError('x is not a function'))).toEqual({ kind: 'unexpected', reason: 'x is not a function' });
    expect(classifyStoreError('odd')).toEqual({ kind: 'unexpected', reason: 'odd' });
    expect(classifyStoreError(sdkError(400))).toMatchObject({ statusCode: 400 });
  });

  it('sees a store that refuses connections as unavailable, through the real SDK', async () => {
    const standIn = await startCosmosStandIn({ port: 0 });
    const client = new CosmosClient(cosmosClientOptionsForStandIn(standIn.endpoint, standIn.key));
    try {
      const { database } = await client.databases.createIfNotExists({ id: 'baton' });
      const { container } = await database.containers.createIfNotExists({ id: 'tickets', partitionKey: { paths: ['/ticketNumber'] } });
      await standIn.stop();
      const read = await readDocument(container, 'BTN-1', 'BTN-1', z.object({ id: z.string() }));
      expect(read).toMatchObject({ kind: 'failed', failure: { kind: 'unavailable' } });
    } finally {
      client.dispose();
      await standIn.stop();
    }
  });
});
