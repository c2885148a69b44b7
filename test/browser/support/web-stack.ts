/**
 * Baton on the offline stack for browser tests: the whole app on ephemeral ports with real time
 * (or a clock that starts at a chosen instant and then runs at real speed), plus a Cosmos client
 * on the same stand-in so a test can count what was really stored.
 */
import { CosmosClient, type Container } from '@azure/cosmos';
import { keepClockRunning } from '../../../infra/local/clock/running-clock';
import { startLocalStack, type LocalStack } from '../../../infra/local/stack';
import { cosmosClientOptionsForStandIn } from '../../../infra/local/services/cosmos-standin';
import { BATON_DATABASE, TICKETS_CONTAINER } from '../../../shared/store/containers';
import { REQUEST_LIMIT_MS } from './bounded-request';
import { ensureAppCompiled } from './compiled-app';
import { withNotes } from './error-notes';

export interface WebStack {
  readonly stack: LocalStack;
  /** The site root, e.g. http://127.0.0.1:41234 (the pages live at `/`, the API under `/api`). */
  readonly siteUrl: string;
  /** Tickets stored for a requester's email, as the store holds them. */
  storedTicketNumbers(requesterEmail: string): Promise<string[]>;
  /** Makes the Cosmos stand-in answer every request with 503, or serve again. */
  setStoreAvailable(available: boolean): void;
  stop(): Promise<void>;
}

export interface WebStackOptions {
  /**
   * The app clock starts at this instant, so which engineers are on shift (and so who is assigned)
   * does not depend on when the test runs, and then moves on with real time, so that an activity's
   * retry or the intake repair timer fires as it would in production. Real time when absent.
   */
  readonly clockAt?: string;
}

export async function startWebStack(options: WebStackOptions = {}): Promise<WebStack> {
  ensureAppCompiled();
  const stack = await startLocalStack({
    hostLogLevel: 'warn',
    ...(options.clockAt === undefined ? {} : { clock: { virtual: true, startAt: options.clockAt } }),
  });
  const stopClock = options.clockAt === undefined ? async () => undefined : keepClockRunning(stack);
  const cosmos = stack.services.cosmos;
  if (cosmos === undefined) {
    await stopClock();
    await stack.stop();
    throw new Error('the local stack started without its Cosmos stand-in');
  }
  const client = new CosmosClient(cosmosClientOptionsForStandIn(cosmos.endpoint, cosmos.key));
  const tickets = (): Container => client.database(BATON_DATABASE).container(TICKETS_CONTAINER);
  return {
    stack,
    siteUrl: stack.urls.host,
    async storedTicketNumbers(requesterEmail) {
      // Bounded like every request a browser test sends itself (see bounded-request.ts).
      const signal = AbortSignal.timeout(REQUEST_LIMIT_MS);
      try {
        const { resources } = await tickets()
          .items.query<{ ticketNumber: string }>(
            { query: 'SELECT c.ticketNumber FROM c WHERE c.requesterEmail = @email', parameters: [{ name: '@email', value: requesterEmail.toLowerCase() }] },
            { abortSignal: signal },
          )
          .fetchAll();
        return resources.map((row) => row.ticketNumber);
      } catch (error) {
        const what = `the query for ${requesterEmail}'s tickets in the Cosmos stand-in`;
        if (signal.aborted) throw new Error(`${what} got no complete answer within ${REQUEST_LIMIT_MS} ms`);
        throw withNotes(error, { before: `${what} failed: ` });
      }
    },
    setStoreAvailable(available) {
      cosmos.setUnavailable(!available);
    },
    async stop() {
      await stopClock();
      client.dispose();
      await stack.stop();
    },
  };
}
