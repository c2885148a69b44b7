/**
 * The ticket service against the real local stand-ins (Cosmos DB and ACS Email), below the HTTP
 * layer: one pair of stand-ins per test file, a fresh database per test, a clock the test moves.
 */
import { randomUUID } from 'node:crypto';
import { CosmosClient } from '@azure/cosmos';
import { cosmosClientOptionsForStandIn, startCosmosStandIn, type CosmosStandIn } from '../../../../infra/local/services/cosmos-standin';
import { startEmailStandIn, type EmailStandIn } from '../../../../infra/local/services/email-standin';
import type { Clock } from '../../../../shared/clock';
import { loadConfig, type BatonConfig } from '../../../../shared/config';
import { createTicketServices, type TicketServices } from '../../../../shared/ticket-service/ticket-services';

export class ManualClock implements Clock {
  private current: number;
  constructor(start: Date | string) {
    this.current = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current += ms;
  }
}

export interface TicketServiceFixture {
  readonly cosmos: CosmosStandIn;
  readonly email: EmailStandIn;
  readonly client: CosmosClient;
  /**
   * A service over a database of its own, so tests never see each other's tickets; `cosmosClient`
   * puts something between the service and the stand-in (a proxy that counts or breaks requests).
   */
  services(options?: { readonly clock?: Clock; readonly promptDeliveryBudgetMs?: number; readonly cosmosClient?: CosmosClient }): {
    readonly services: TicketServices;
    readonly config: BatonConfig;
    readonly databaseId: string;
  };
  stop(): Promise<void>;
}

export const PUBLIC_BASE_URL = 'http://baton.test';

export async function startTicketServiceFixture(): Promise<TicketServiceFixture> {
  const [cosmos, email] = await Promise.all([startCosmosStandIn({ port: 0 }), startEmailStandIn({ port: 0 })]);
  const client = new CosmosClient(cosmosClientOptionsForStandIn(cosmos.endpoint, cosmos.key));
  return {
    cosmos,
    email,
    client,
    services(options = {}) {
      const databaseId = `baton-${randomUUID().slice(0, 8)}`;
      const config = loadConfig({
        BATON_ENVIRONMENT: 'local',
        BATON_COSMOS_ENDPOINT: cosmos.endpoint,
        BATON_COSMOS_KEY: cosmos.key,
        BATON_COSMOS_ALLOW_INSECURE_TLS: 'true',
        BATON_COSMOS_DATABASE: databaseId,
        BATON_EMAIL_CONNECTION_STRING: email.connectionString,
        BATON_EMAIL_SENDER_ADDRESS: 'DoNotReply@baton.test',
        BATON_EMAIL_POLL_INTERVAL_MS: '50',
        BATON_PUBLIC_BASE_URL: PUBLIC_BASE_URL,
        BATON_STAFF_TOKEN_ISSUER: 'http://127.0.0.1:1/issuer',
        BATON_STAFF_TOKEN_AUDIENCE: 'api://baton',
        BATON_STAFF_TOKEN_JWKS_URI: 'http://127.0.0.1:1/jwks',
        BATON_VENDOR_API_BASE_URL: 'http://127.0.0.1:1/vendor',
        BATON_VENDOR_API_KEY: 'unused',
        BATON_TASK_HUB: 'BatonTest',
      });
      const services = createTicketServices(config, {
        cosmosClient: options.cosmosClient ?? client,
        ...(options.clock ? { clock: options.clock } : {}),
        ...(options.promptDeliveryBudgetMs === undefined ? {} : { promptDeliveryBudgetMs: options.promptDeliveryBudgetMs }),
      });
      return { services, config, databaseId };
    },
    async stop() {
      client.dispose();
      await Promise.all([cosmos.stop(), email.stop()]);
    },
  };
}
