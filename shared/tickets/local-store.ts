/**
 * The offline Cosmos stand-in starts empty (or from a snapshot of an earlier run), so locally Baton
 * creates its database and containers from the container catalogue, and brings the composite
 * indexes of existing ones up to date (in Azure the Bicep template does, and this is never called).
 */
import type { ContainerDefinition, CosmosClient } from '@azure/cosmos';
import { BATON_CONTAINERS, containerDefinition } from '../store/containers';
import { classifyStoreError, type StoreFailure } from '../store/store-failure';

export type StoreSetup = { readonly kind: 'ready' } | { readonly kind: 'failed'; readonly failure: StoreFailure };

export async function ensureLocalStore(client: CosmosClient, databaseId: string): Promise<StoreSetup> {
  try {
    const { database } = await client.databases.createIfNotExists({ id: databaseId });
    for (const catalogued of BATON_CONTAINERS) {
      const definition = containerDefinition(catalogued);
      const { container, resource } = await database.containers.createIfNotExists(definition);
      // A store kept from an earlier version gets this version's indexes, as a Bicep deployment gives Azure.
      const composite = (policy: ContainerDefinition['indexingPolicy']) => JSON.stringify(policy?.compositeIndexes ?? []);
      if (composite(resource?.indexingPolicy) !== composite(definition.indexingPolicy)) await container.replace(definition);
    }
    return { kind: 'ready' };
  } catch (error: unknown) {
    return { kind: 'failed', failure: classifyStoreError(error) };
  }
}
