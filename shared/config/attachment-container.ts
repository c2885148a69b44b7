/**
 * The blob container attachments are kept in, as the configuration asks for it: Azurite by its
 * development connection string locally, the managed identity in Azure (the account refuses keys).
 */
import { BlobServiceClient, type ContainerClient, type StoragePipelineOptions } from '@azure/storage-blob';
import type { TokenCredential } from '@azure/identity';
import type { BatonConfig } from './config-schema';
import { credentialFromConfig } from './credential';

/** Short retries: an upload answers 503 during an outage instead of hanging the requester's form. */
const PIPELINE: StoragePipelineOptions = { retryOptions: { maxTries: 3, tryTimeoutInMs: 60_000 } };

/** `undefined` when this environment keeps no attachments (a local stack without Azurite). */
export function attachmentContainerFromConfig(config: BatonConfig, credential?: TokenCredential): ContainerClient | undefined {
  if (config.environment === 'azure') {
    const store = config.attachmentStore;
    return new BlobServiceClient(store.endpoint, credential ?? credentialFromConfig(config), PIPELINE).getContainerClient(store.container);
  }
  const store = config.attachmentStore;
  return store.kind === 'none' ? undefined : BlobServiceClient.fromConnectionString(store.connectionString, PIPELINE).getContainerClient(store.container);
}
