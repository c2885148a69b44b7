/**
 * A Cosmos stand-in with a real SDK client for store and outbox tests: one stand-in per test file,
 * a fresh container per test (so tests never see each other's documents), everything stopped after.
 */
import { randomUUID } from 'node:crypto';
import { CosmosClient, type Container } from '@azure/cosmos';
import { cosmosClientOptionsForStandIn, startCosmosStandIn, type CosmosStandIn } from '../../../../infra/local/services/cosmos-standin';

export interface CosmosFixture {
  readonly standIn: CosmosStandIn;
  readonly client: CosmosClient;
  /** A new, empty container partitioned on `partitionKeyPath`. */
  container(partitionKeyPath?: string): Promise<Container>;
  stop(): Promise<void>;
}

export async function startCosmosFixture(): Promise<CosmosFixture> {
  const standIn = await startCosmosStandIn({ port: 0 });
  const client = new CosmosClient(cosmosClientOptionsForStandIn(standIn.endpoint, standIn.key));
  const { database } = await client.databases.createIfNotExists({ id: 'baton' });
  return {
    standIn,
    client,
    async container(partitionKeyPath = '/id') {
      const { container } = await database.containers.create({ id: `c-${randomUUID()}`, partitionKey: { paths: [partitionKeyPath] } });
      return container;
    },
    async stop() {
      client.dispose();
      await standIn.stop();
    },
  };
}
