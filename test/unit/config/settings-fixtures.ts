/** Complete, valid app settings for each environment; each test spoils one thing. */
import type { AppSettings } from '../../../shared/config';

export const MANAGED_IDENTITY_CLIENT_ID = '6f1c2a8e-3b4d-4e5f-9a0b-1c2d3e4f5a6b';

export function localSettings(overrides: AppSettings = {}): AppSettings {
  return {
    BATON_ENVIRONMENT: 'local',
    BATON_COSMOS_ENDPOINT: 'https://127.0.0.1:8081/',
    BATON_COSMOS_KEY: 'bG9jYWwgc3RhbmQtaW4ga2V5',
    BATON_COSMOS_ALLOW_INSECURE_TLS: 'true',
    BATON_EMAIL_CONNECTION_STRING: 'endpoint=http://127.0.0.1:7074/;accesskey=bG9jYWwga2V5',
    BATON_EMAIL_SENDER_ADDRESS: 'support@baton.local',
    BATON_PUBLIC_BASE_URL: 'http://127.0.0.1:7071/',
    BATON_STAFF_TOKEN_ISSUER: 'http://127.0.0.1:7075',
    BATON_STAFF_TOKEN_AUDIENCE: 'api://baton',
    BATON_STAFF_TOKEN_JWKS_URI: 'http://127.0.0.1:7075/.well-known/jwks.json',
    BATON_VENDOR_API_BASE_URL: 'http://127.0.0.1:8090',
    BATON_VENDOR_API_KEY: 'local-vendor-key',
    BATON_TASK_HUB: 'batonlocal',
    ...overrides,
  };
}

export function azureSettings(overrides: AppSettings = {}): AppSettings {
  return {
    BATON_ENVIRONMENT: 'azure',
    AZURE_CLIENT_ID: MANAGED_IDENTITY_CLIENT_ID,
    BATON_COSMOS_ENDPOINT: 'https://cosmos-abc123.documents.azure.com:443/',
    BATON_COSMOS_DATABASE: 'baton',
    BATON_EMAIL_ENDPOINT: 'https://acs-abc123.unitedstates.communication.azure.com',
    BATON_EMAIL_SENDER_ADDRESS: 'DoNotReply@0c7e1f2a-1b2c-4d5e-8f90-123456789abc.azurecomm.net',
    BATON_PUBLIC_BASE_URL: 'https://func-baton-abc123.azurewebsites.net',
    BATON_STAFF_TOKEN_ISSUER: 'https://login.microsoftonline.com/72f988bf-0000-0000-0000-000000000000/v2.0',
    BATON_STAFF_TOKEN_AUDIENCE: 'api://baton',
    BATON_STAFF_TOKEN_JWKS_URI: 'https://login.microsoftonline.com/72f988bf-0000-0000-0000-000000000000/discovery/v2.0/keys',
    BATON_STAFF_SIGN_IN_CLIENT_ID: '3c9d5e7f-2a4b-4c6d-8e0f-1a2b3c4d5e6f',
    BATON_VENDOR_API_BASE_URL: 'https://vendor.example.com/partner/',
    BATON_VENDOR_API_TOKEN_SCOPE: 'api://vendor-partner-api/.default',
    BATON_TASK_HUB: 'batonprod',
    BATON_ATTACHMENTS_BLOB_ENDPOINT: 'https://stbatonfilesabc123.blob.core.windows.net/',
    AzureWebJobsStorage__credential: 'managedidentity',
    AzureWebJobsStorage__clientId: MANAGED_IDENTITY_CLIENT_ID,
    ...overrides,
  };
}

/** The start-up error's message, or a failure if the settings were accepted. */
export function startupErrorOf(load: () => unknown): string {
  try {
    load();
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error('expected the configuration to be refused, but it was accepted');
}
