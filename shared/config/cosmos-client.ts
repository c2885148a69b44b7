/**
 * The Cosmos DB client as the configuration asks for it: the account key and a lenient TLS agent for
 * the offline stand-in, the managed identity in Azure, and in both short timeouts and retries so an
 * outage reaches the caller within seconds.
 */
import https from 'node:https';
import { CosmosClient, type CosmosClientOptions } from '@azure/cosmos';
import type { TokenCredential } from '@azure/identity';
import type { BatonConfig } from './config-schema';
import { credentialFromConfig } from './credential';

/** Pure apart from the agent it creates; `credential` lets Azure callers share one identity. */
export function cosmosClientOptionsFromConfig(config: BatonConfig, credential?: TokenCredential): CosmosClientOptions {
  const connectionPolicy = {
    enableEndpointDiscovery: config.cosmos.endpointDiscovery,
    requestTimeout: config.cosmos.requestTimeoutMs,
    retryOptions: {
      maxRetryAttemptCount: config.cosmos.throttleRetryAttempts,
      maxWaitTimeInSeconds: config.cosmos.throttleRetryMaxWaitSeconds,
    },
  };
  if (config.environment === 'azure') {
    return {
      endpoint: config.cosmos.endpoint,
      aadCredentials: credential ?? credentialFromConfig(config),
      connectionPolicy,
    };
  }
  const { key, allowInsecureTls } = config.cosmos.auth;
  return {
    endpoint: config.cosmos.endpoint,
    key,
    connectionPolicy,
    // The local stand-in's certificate is self-signed; nothing else may skip the check.
    ...(allowInsecureTls ? { agent: new https.Agent({ keepAlive: true, rejectUnauthorized: false }) } : {}),
  };
}

export function cosmosClientFromConfig(config: BatonConfig, credential?: TokenCredential): CosmosClient {
  return new CosmosClient(cosmosClientOptionsFromConfig(config, credential));
}
