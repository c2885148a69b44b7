/**
 * The one Entra ID credential the app uses in Azure: DefaultAzureCredential pinned to the app's
 * user-assigned managed identity, shared by the Cosmos, email and vendor clients.
 */
import { DefaultAzureCredential, type DefaultAzureCredentialClientIdOptions, type TokenCredential } from '@azure/identity';
import type { AzureConfig } from './config-schema';

export type CredentialFactory = (options: DefaultAzureCredentialClientIdOptions) => TokenCredential;

const defaultAzureCredential: CredentialFactory = (options) => new DefaultAzureCredential(options);

/**
 * Only an Azure configuration has a credential: the offline stack signs with keys instead. The
 * client id is passed explicitly because a user-assigned identity is never picked by default.
 */
export function credentialFromConfig(config: AzureConfig, create: CredentialFactory = defaultAzureCredential): TokenCredential {
  return create({ managedIdentityClientId: config.managedIdentityClientId });
}
