import { ConfigError, LOCAL_ONLY, loadConfig, SETTING } from '../../../shared/config';
import { azureSettings, localSettings, MANAGED_IDENTITY_CLIENT_ID, startupErrorOf } from './settings-fixtures';

describe('configuration read at start-up', () => {
  it('reads the offline stack’s settings with keys, connection strings and defaults', () => {
    const config = loadConfig(localSettings());

    expect(config.environment).toBe('local');
    expect(config.cosmos).toEqual({
      endpoint: 'https://127.0.0.1:8081/',
      database: 'baton',
      requestTimeoutMs: 5000,
      throttleRetryAttempts: 3,
      throttleRetryMaxWaitSeconds: 5,
      endpointDiscovery: false,
      auth: { kind: 'key', key: 'bG9jYWwgc3RhbmQtaW4ga2V5', allowInsecureTls: true },
    });
    expect(config.email.auth).toEqual({
      kind: 'connection-string',
      connectionString: 'endpoint=http://127.0.0.1:7074/;accesskey=bG9jYWwga2V5',
    });
    expect(config.vendorApiAuth).toEqual({ kind: 'api-key', apiKey: 'local-vendor-key' });
    expect(config.sla.warningFraction).toBe(0.75);
    expect(config.intake.retryAfterSeconds).toBe(5);
  });

  it('reads Azure settings that name endpoints and the managed identity, never a secret', () => {
    const config = loadConfig(azureSettings());

    if (config.environment !== 'azure') throw new Error('expected an Azure configuration');
    expect(config.managedIdentityClientId).toBe(MANAGED_IDENTITY_CLIENT_ID);
    expect(config.cosmos.auth).toEqual({ kind: 'managed-identity' });
    expect(config.cosmos.endpointDiscovery).toBe(false);
    expect(config.email.auth).toEqual({
      kind: 'managed-identity',
      endpoint: 'https://acs-abc123.unitedstates.communication.azure.com',
    });
    expect(config.vendorApiAuth).toEqual({ kind: 'managed-identity', scope: 'api://vendor-partner-api/.default' });
    expect(config.staffTokens).toEqual({
      issuer: 'https://login.microsoftonline.com/72f988bf-0000-0000-0000-000000000000/v2.0',
      audience: 'api://baton',
      jwksUri: 'https://login.microsoftonline.com/72f988bf-0000-0000-0000-000000000000/discovery/v2.0/keys',
    });
    expect(config.taskHub).toBe('batonprod');
  });

  it('fails with a ConfigError that names a missing setting', () => {
    const settings = { ...azureSettings(), BATON_COSMOS_ENDPOINT: undefined };

    expect(() => loadConfig(settings)).toThrow(ConfigError);
    expect(startupErrorOf(() => loadConfig(settings))).toContain('BATON_COSMOS_ENDPOINT is required');
  });

  it('treats a blank setting as a missing one', () => {
    expect(startupErrorOf(() => loadConfig(azureSettings({ BATON_EMAIL_SENDER_ADDRESS: '  ' })))).toContain(
      'BATON_EMAIL_SENDER_ADDRESS is required',
    );
  });

  it('names every malformed setting in one message', () => {
    const message = startupErrorOf(() =>
      loadConfig(
        localSettings({
          BATON_COSMOS_ENDPOINT: 'not a url',
          BATON_COSMOS_REQUEST_TIMEOUT_MS: 'soon',
          BATON_EMAIL_SENDER_ADDRESS: 'support-at-baton',
          BATON_SLA_WARNING_FRACTION: '75',
          BATON_COSMOS_ALLOW_INSECURE_TLS: 'yes',
        }),
      ),
    );

    expect(message).toContain('BATON_COSMOS_ENDPOINT must be an absolute URL');
    expect(message).toContain('BATON_COSMOS_REQUEST_TIMEOUT_MS must be a whole number from 100 to 60000');
    expect(message).toContain('BATON_EMAIL_SENDER_ADDRESS must be an email address');
    expect(message).toContain('BATON_SLA_WARNING_FRACTION must be a number between 0 and 1');
    expect(message).toContain('BATON_COSMOS_ALLOW_INSECURE_TLS must be true or false');
  });

  it('lists each problem as its own structured entry', () => {
    try {
      loadConfig(localSettings({ BATON_TASK_HUB: undefined, BATON_VENDOR_API_KEY: undefined }));
      throw new Error('expected a ConfigError');
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      expect(error.problems.map((p) => p.setting).sort()).toEqual(['BATON_TASK_HUB', 'BATON_VENDOR_API_KEY']);
    }
  });

  it('requires the environment kind and still reports the problems common to both environments', () => {
    const message = startupErrorOf(() => loadConfig({ ...localSettings(), BATON_ENVIRONMENT: undefined, BATON_TASK_HUB: 'x' }));

    expect(message).toContain('BATON_ENVIRONMENT is required (local or azure)');
    expect(message).toContain('BATON_TASK_HUB must be 3–45 letters or digits');
    // Without a kind, the local key is not mistaken for a secret smuggled into Azure.
    expect(message).not.toContain('BATON_COSMOS_KEY');
  });

  it('refuses an unknown environment kind', () => {
    expect(startupErrorOf(() => loadConfig(azureSettings({ BATON_ENVIRONMENT: 'production' })))).toContain(
      'BATON_ENVIRONMENT must be local or azure',
    );
  });

  it.each(LOCAL_ONLY)('refuses %s in Azure, naming it', (setting) => {
    const message = startupErrorOf(() => loadConfig(azureSettings({ [setting]: 'AccountKey=c2VjcmV0' })));

    expect(message).toContain(`${setting} is not allowed when BATON_ENVIRONMENT=azure`);
  });

  it('refuses plain-http endpoints in Azure', () => {
    const message = startupErrorOf(() =>
      loadConfig(
        azureSettings({
          BATON_COSMOS_ENDPOINT: 'http://cosmos-abc123.documents.azure.com/',
          BATON_EMAIL_ENDPOINT: 'http://acs-abc123.communication.azure.com',
          BATON_STAFF_TOKEN_JWKS_URI: 'http://login.microsoftonline.com/keys',
        }),
      ),
    );

    expect(message).toContain('BATON_COSMOS_ENDPOINT must be an https URL in Azure');
    expect(message).toContain('BATON_EMAIL_ENDPOINT must be an https URL in Azure');
    expect(message).toContain('BATON_STAFF_TOKEN_JWKS_URI must be an https URL in Azure');
  });

  it('refuses the offline dev issuer in Azure', () => {
    const message = startupErrorOf(() =>
      loadConfig(
        azureSettings({
          BATON_STAFF_TOKEN_ISSUER: 'https://localhost:7075',
          BATON_STAFF_TOKEN_JWKS_URI: 'https://127.0.0.1:7075/.well-known/jwks.json',
        }),
      ),
    );

    expect(message).toContain('BATON_STAFF_TOKEN_ISSUER must not point at this machine in Azure');
    expect(message).toContain('BATON_STAFF_TOKEN_JWKS_URI must not point at this machine in Azure');
  });

  it('requires the managed identity’s client id and the vendor token scope in Azure', () => {
    const message = startupErrorOf(() =>
      loadConfig(azureSettings({ AZURE_CLIENT_ID: 'my-identity', BATON_VENDOR_API_TOKEN_SCOPE: 'api://vendor-partner-api' })),
    );

    expect(message).toContain('AZURE_CLIENT_ID must be the client id (a GUID)');
    expect(message).toContain('BATON_VENDOR_API_TOKEN_SCOPE must be a resource scope ending in /.default');
  });

  it('accepts the identity-based host storage settings in Azure', () => {
    const settings = azureSettings({
      AzureWebJobsStorage__blobServiceUri: 'https://stabc123.blob.core.windows.net',
      AzureWebJobsStorage__queueServiceUri: 'https://stabc123.queue.core.windows.net',
      AzureWebJobsStorage__tableServiceUri: 'https://stabc123.table.core.windows.net',
    });

    expect(loadConfig(settings).environment).toBe('azure');
  });

  it('refuses a task hub name the Durable storage provider cannot use', () => {
    expect(startupErrorOf(() => loadConfig(localSettings({ BATON_TASK_HUB: 'baton-prod' })))).toContain(
      'BATON_TASK_HUB must be 3–45 letters or digits, starting with a letter',
    );
  });

  it('reads the tunables as numbers and drops trailing slashes from base URLs', () => {
    const config = loadConfig(
      localSettings({
        BATON_COSMOS_REQUEST_TIMEOUT_MS: '2500',
        BATON_COSMOS_THROTTLE_RETRY_ATTEMPTS: '0',
        BATON_COSMOS_THROTTLE_RETRY_MAX_WAIT_SECONDS: '2',
        BATON_EMAIL_SEND_TIMEOUT_MS: '30000',
        BATON_SLA_WARNING_FRACTION: '0.8',
        BATON_INTAKE_RETRY_AFTER_SECONDS: '10',
        BATON_PUBLIC_BASE_URL: 'http://127.0.0.1:7071///',
      }),
    );

    expect(config.cosmos.requestTimeoutMs).toBe(2500);
    expect(config.cosmos.throttleRetryAttempts).toBe(0);
    expect(config.cosmos.throttleRetryMaxWaitSeconds).toBe(2);
    expect(config.email.sendTimeoutMs).toBe(30000);
    expect(config.sla.warningFraction).toBe(0.8);
    expect(config.intake.retryAfterSeconds).toBe(10);
    expect(config.publicBaseUrl).toBe('http://127.0.0.1:7071');
    expect(config.vendorApiBaseUrl).toBe('http://127.0.0.1:8090');
  });

  it('lets Azure opt into Cosmos endpoint discovery for a multi-region account', () => {
    expect(loadConfig(azureSettings({ [SETTING.cosmosEndpointDiscovery]: 'true' })).cosmos.endpointDiscovery).toBe(true);
  });
});
