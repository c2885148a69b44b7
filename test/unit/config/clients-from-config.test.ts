import net from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:https';
import https from 'node:https';
import { EmailClient } from '@azure/communication-email';
import { DefaultAzureCredential, type AccessToken, type TokenCredential } from '@azure/identity';
import { createHttpsServer } from '@vercel/cosmosdb-server';
import {
  cosmosClientFromConfig,
  cosmosClientOptionsFromConfig,
  credentialFromConfig,
  emailClientArgumentsFromConfig,
  emailClientFromConfig,
  loadConfig,
  vendorAuthFromConfig,
  type AzureConfig,
} from '../../../shared/config';
import { BATON_CONTAINERS, containerDefinition } from '../../../shared/store/containers';
import { azureSettings, localSettings, MANAGED_IDENTITY_CLIENT_ID } from './settings-fixtures';

/** A credential that records the scopes it was asked for instead of reaching Entra ID. */
class RecordingCredential implements TokenCredential {
  readonly scopes: string[] = [];
  constructor(private readonly token: AccessToken | null) {}
  async getToken(scopes: string | string[]): Promise<AccessToken | null> {
    this.scopes.push(...(Array.isArray(scopes) ? scopes : [scopes]));
    return this.token;
  }
}

function azureConfig(overrides = {}): AzureConfig {
  const config = loadConfig(azureSettings(overrides));
  if (config.environment !== 'azure') throw new Error('expected an Azure configuration');
  return config;
}

async function listen(server: net.Server | Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

describe('credentials by environment', () => {
  it('pins DefaultAzureCredential to the user-assigned identity’s client id', () => {
    const requested: unknown[] = [];
    const credential = new RecordingCredential(null);

    const made = credentialFromConfig(azureConfig(), (options) => {
      requested.push(options);
      return credential;
    });

    expect(made).toBe(credential);
    expect(requested).toEqual([{ managedIdentityClientId: MANAGED_IDENTITY_CLIENT_ID }]);
  });

  it('builds a real DefaultAzureCredential without reaching the network', () => {
    expect(credentialFromConfig(azureConfig())).toBeInstanceOf(DefaultAzureCredential);
  });
});

describe('Cosmos client from configuration', () => {
  it('signs with the key and accepts the stand-in’s certificate only when the local flag says so', () => {
    const lenient = cosmosClientOptionsFromConfig(loadConfig(localSettings()));
    const strict = cosmosClientOptionsFromConfig(loadConfig(localSettings({ BATON_COSMOS_ALLOW_INSECURE_TLS: 'false' })));

    expect(lenient.key).toBe('bG9jYWwgc3RhbmQtaW4ga2V5');
    expect(lenient.aadCredentials).toBeUndefined();
    expect(lenient.agent).toBeInstanceOf(https.Agent);
    expect((lenient.agent as https.Agent).options.rejectUnauthorized).toBe(false);
    expect(lenient.connectionPolicy?.enableEndpointDiscovery).toBe(false);
    expect(strict.agent).toBeUndefined();
  });

  it('uses the managed identity in Azure, with no key and no TLS exception', () => {
    const credential = new RecordingCredential(null);
    const options = cosmosClientOptionsFromConfig(azureConfig(), credential);

    expect(options.aadCredentials).toBe(credential);
    expect(options.key).toBeUndefined();
    expect(options.agent).toBeUndefined();
    expect(options.endpoint).toBe('https://cosmos-abc123.documents.azure.com:443/');
  });

  it('keeps timeouts and throttling retries short so an outage surfaces within seconds', () => {
    const options = cosmosClientOptionsFromConfig(
      loadConfig(
        localSettings({
          BATON_COSMOS_REQUEST_TIMEOUT_MS: '1500',
          BATON_COSMOS_THROTTLE_RETRY_ATTEMPTS: '2',
          BATON_COSMOS_THROTTLE_RETRY_MAX_WAIT_SECONDS: '4',
        }),
      ),
    );

    expect(options.connectionPolicy).toEqual({
      enableEndpointDiscovery: false,
      requestTimeout: 1500,
      retryOptions: { maxRetryAttemptCount: 2, maxWaitTimeInSeconds: 4 },
    });
  });

  it('reaches an in-process Cosmos stand-in and creates the catalogue’s containers', async () => {
    const server = createHttpsServer({ keepAlive: true });
    const port = await listen(server);
    const client = cosmosClientFromConfig(loadConfig(localSettings({ BATON_COSMOS_ENDPOINT: `https://127.0.0.1:${port}/` })));
    try {
      const { database } = await client.databases.createIfNotExists({ id: 'baton' });
      for (const container of BATON_CONTAINERS) await database.containers.createIfNotExists(containerDefinition(container));
      const { resources } = await database.containers.readAll().fetchAll();

      expect(resources.map((c) => [c.id, c.partitionKey?.paths]).sort()).toEqual(
        BATON_CONTAINERS.map((c) => [c.id, [c.partitionKeyPath]]).sort(),
      );
    } finally {
      client.dispose();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('gives up on an unresponsive account with a timeout instead of hanging', async () => {
    const sockets = new Set<net.Socket>();
    const silent = net.createServer((socket) => sockets.add(socket));
    const port = await listen(silent);
    const client = cosmosClientFromConfig(
      loadConfig(localSettings({ BATON_COSMOS_ENDPOINT: `https://127.0.0.1:${port}/`, BATON_COSMOS_REQUEST_TIMEOUT_MS: '200' })),
    );
    try {
      await expect(
        client.database('baton').container('tickets').items.create({ id: 'T-1', ticketNumber: 'T-1' }),
      ).rejects.toMatchObject({ code: 'TimeoutError' });
    } finally {
      client.dispose();
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});

describe('email client from configuration', () => {
  it('signs with the connection string locally and allows the stand-in’s plain http', () => {
    const args = emailClientArgumentsFromConfig(loadConfig(localSettings()));

    expect(args).toEqual({
      kind: 'connection-string',
      connectionString: 'endpoint=http://127.0.0.1:7074/;accesskey=bG9jYWwga2V5',
      options: { allowInsecureConnection: true },
    });
  });

  it('does not relax transport security for an https connection string', () => {
    const args = emailClientArgumentsFromConfig(
      loadConfig(localSettings({ BATON_EMAIL_CONNECTION_STRING: 'endpoint=https://acs.example.com/;accesskey=a2V5' })),
    );

    expect(args).toMatchObject({ kind: 'connection-string', options: {} });
  });

  it('uses the endpoint and the managed identity in Azure', () => {
    const credential = new RecordingCredential(null);

    expect(emailClientArgumentsFromConfig(azureConfig(), credential)).toEqual({
      kind: 'managed-identity',
      endpoint: 'https://acs-abc123.unitedstates.communication.azure.com',
      credential,
    });
  });

  it('builds a real EmailClient in both environments', () => {
    expect(emailClientFromConfig(loadConfig(localSettings()))).toBeInstanceOf(EmailClient);
    expect(emailClientFromConfig(azureConfig(), new RecordingCredential(null))).toBeInstanceOf(EmailClient);
  });
});

describe('vendor API authentication from configuration', () => {
  it('sends the stand-in’s API key locally', () => {
    expect(vendorAuthFromConfig(loadConfig(localSettings()))).toEqual({ kind: 'api-key', apiKey: 'local-vendor-key' });
  });

  it('asks the managed identity for a token for the vendor’s scope on every attempt', async () => {
    const credential = new RecordingCredential({ token: 'eyJ.vendor.token', expiresOnTimestamp: 0 });
    const auth = vendorAuthFromConfig(azureConfig(), credential);
    if (auth.kind !== 'bearer') throw new Error('expected bearer authentication in Azure');

    expect(await auth.getToken()).toBe('eyJ.vendor.token');
    expect(await auth.getToken()).toBe('eyJ.vendor.token');
    expect(credential.scopes).toEqual(['api://vendor-partner-api/.default', 'api://vendor-partner-api/.default']);
  });

  it('fails the attempt, naming the scope, when no token comes back', async () => {
    const auth = vendorAuthFromConfig(azureConfig(), new RecordingCredential(null));
    if (auth.kind !== 'bearer') throw new Error('expected bearer authentication in Azure');

    await expect(auth.getToken()).rejects.toThrow('api://vendor-partner-api/.default');
  });
});
