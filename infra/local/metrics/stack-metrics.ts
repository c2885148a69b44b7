/**
 * `GET /admin/metrics` of the offline stack: the operations figures the app logs every five minutes
 * in Azure (and the Azure workbook and alerts show), computed the same way
 * (shared/operations/read-operations-figures.ts) from the Cosmos stand-in the app's settings name,
 * with the app settings left as unresolved Key Vault references.
 */
import { CosmosClient } from '@azure/cosmos';
import { BATON_DATABASE } from '../../../shared/store/containers';
import { unresolvedKeyVaultReferences } from '../../../shared/config/key-vault-references';
import { readOperationsFigures } from '../../../shared/operations/read-operations-figures';
import { cosmosClientOptionsForStandIn } from '../services/cosmos-standin';

const clients = new Map<string, CosmosClient>();

function clientFor(endpoint: string, key: string): CosmosClient {
  const known = clients.get(`${endpoint} ${key}`);
  if (known) return known;
  const client = new CosmosClient(cosmosClientOptionsForStandIn(endpoint, key));
  clients.set(`${endpoint} ${key}`, client);
  return client;
}

export async function stackMetricsReport(settings: Readonly<Record<string, string | undefined>>, now: Date): Promise<unknown> {
  const endpoint = settings.BATON_COSMOS_ENDPOINT;
  const key = settings.BATON_COSMOS_KEY;
  if (!endpoint || !key) throw new Error('The app settings name no Cosmos DB stand-in (BATON_COSMOS_ENDPOINT, BATON_COSMOS_KEY).');
  const database = clientFor(endpoint, key).database(settings.BATON_COSMOS_DATABASE || BATON_DATABASE);
  const read = await readOperationsFigures(database, now);
  if (read.kind === 'failed') throw new Error(`The Cosmos DB stand-in at ${endpoint} did not answer (${read.failure.kind}).`);
  // The app's snapshot line counts these; here they are named, as its error lines name them.
  return { ...read.figures, unresolvedKeyVaultReferences: unresolvedKeyVaultReferences(settings) };
}
