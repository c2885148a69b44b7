/**
 * The ticket service fixture with a store proxy in front of its Cosmos stand-in, for tests that
 * count the store requests a change makes or take one container down while the others answer.
 */
import { CosmosClient } from '@azure/cosmos';
import { cosmosClientOptionsForStandIn } from '../../../../infra/local/services/cosmos-standin';
import { startStoreProxy, type StoreProxy } from './store-proxy';
import { startTicketServiceFixture, type TicketServiceFixture } from './ticket-service-fixture';

export interface ProxiedTicketService {
  readonly fixture: TicketServiceFixture;
  readonly proxy: StoreProxy;
  /** A Cosmos client whose every request passes through `proxy`. */
  readonly client: CosmosClient;
  stop(): Promise<void>;
}

export async function startProxiedTicketService(): Promise<ProxiedTicketService> {
  const fixture = await startTicketServiceFixture();
  const proxy = await startStoreProxy(fixture.cosmos.endpoint);
  const client = new CosmosClient(cosmosClientOptionsForStandIn(proxy.endpoint, fixture.cosmos.key));
  return {
    fixture,
    proxy,
    client,
    async stop() {
      client.dispose();
      await proxy.stop();
      await fixture.stop();
    },
  };
}
