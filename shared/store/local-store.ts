/**
 * The offline Cosmos stand-in starts empty, so locally Baton creates its database and containers
 * from the container catalogue (in Azure the Bicep template does, and this is never called).
 */
import type { CosmosClient } from '@azure/cosmos';
import { BATON_CONTAINERS, containerDefinition } from './containers';
import { classifyStoreError, type StoreFailure } from './store-failure';

export type StoreSetup = { readonly kind: 'ready' } | { readonly kind: 'failed'; readonly failure: StoreFailure };

export async function ensureLocalStore(client: CosmosClient, databaseId: string): Promise<StoreSetup> {
  try {
    const { database } = await client.databases.createIfNotExists({ id: databaseId });
    for (const container of BATON_CONTAINERS) await database.containers.createIfNotExists(containerDefinition(container));
    return { kind: 'ready' };
  } catch (error: unknown) {
    return { kind: 'failed', failure: classifyStoreError(error) };
  }
}
