/**
 * The names of the app settings Baton reads. The README's "Deploy to Azure" section and the Bicep
 * app settings use these names; the infrastructure test checks that Azure gets every one it needs.
 */
export const SETTING = {
  environment: 'BATON_ENVIRONMENT',
  managedIdentityClientId: 'AZURE_CLIENT_ID',

  cosmosEndpoint: 'BATON_COSMOS_ENDPOINT',
  cosmosDatabase: 'BATON_COSMOS_DATABASE',
  cosmosKey: 'BATON_COSMOS_KEY',
  cosmosAllowInsecureTls: 'BATON_COSMOS_ALLOW_INSECURE_TLS',
  cosmosRequestTimeoutMs: 'BATON_COSMOS_REQUEST_TIMEOUT_MS',
  cosmosThrottleRetryAttempts: 'BATON_COSMOS_THROTTLE_RETRY_ATTEMPTS',
  cosmosThrottleRetryMaxWaitSeconds: 'BATON_COSMOS_THROTTLE_RETRY_MAX_WAIT_SECONDS',
  cosmosEndpointDiscovery: 'BATON_COSMOS_ENDPOINT_DISCOVERY',

  emailEndpoint: 'BATON_EMAIL_ENDPOINT',
  emailConnectionString: 'BATON_EMAIL_CONNECTION_STRING',
  emailSenderAddress: 'BATON_EMAIL_SENDER_ADDRESS',
  emailReplyToAddress: 'BATON_EMAIL_REPLY_TO_ADDRESS',
  emailPollIntervalMs: 'BATON_EMAIL_POLL_INTERVAL_MS',
  emailSendTimeoutMs: 'BATON_EMAIL_SEND_TIMEOUT_MS',

  publicBaseUrl: 'BATON_PUBLIC_BASE_URL',
  teamsWebhooks: 'BATON_TEAMS_WEBHOOKS',

  staffTokenIssuer: 'BATON_STAFF_TOKEN_ISSUER',
  staffTokenAudience: 'BATON_STAFF_TOKEN_AUDIENCE',
  staffTokenJwksUri: 'BATON_STAFF_TOKEN_JWKS_URI',

  staffSignInIssuer: 'BATON_STAFF_SIGN_IN_ISSUER',
  staffSignInClientId: 'BATON_STAFF_SIGN_IN_CLIENT_ID',
  staffSignInClientSecret: 'BATON_STAFF_SIGN_IN_CLIENT_SECRET',
  staffSessionKey: 'BATON_STAFF_SESSION_KEY',

  vendorApiBaseUrl: 'BATON_VENDOR_API_BASE_URL',
  vendorApiKey: 'BATON_VENDOR_API_KEY',
  vendorApiTokenScope: 'BATON_VENDOR_API_TOKEN_SCOPE',
  vendorCallbackSecret: 'BATON_VENDOR_CALLBACK_SECRET',

  taskHub: 'BATON_TASK_HUB',
  slaWarningFraction: 'BATON_SLA_WARNING_FRACTION',
  intakeRetryAfterSeconds: 'BATON_INTAKE_RETRY_AFTER_SECONDS',
  intakeLimitPerClientAddress: 'BATON_INTAKE_LIMIT_PER_CLIENT_ADDRESS',
  intakeLimitPerRequesterEmail: 'BATON_INTAKE_LIMIT_PER_REQUESTER_EMAIL',
  intakeLimitWindowSeconds: 'BATON_INTAKE_LIMIT_WINDOW_SECONDS',
  forwardedForTrustedHops: 'BATON_FORWARDED_FOR_TRUSTED_HOPS',
  chatRetentionHours: 'BATON_CHAT_RETENTION_HOURS',

  attachmentsBlobEndpoint: 'BATON_ATTACHMENTS_BLOB_ENDPOINT',
  attachmentsConnectionString: 'BATON_ATTACHMENTS_CONNECTION_STRING',
  attachmentsContainer: 'BATON_ATTACHMENTS_CONTAINER',
  attachmentMaxFileBytes: 'BATON_ATTACHMENT_MAX_FILE_BYTES',
  attachmentMaxTicketBytes: 'BATON_ATTACHMENT_MAX_TICKET_BYTES',
  attachmentMaxFilesPerTicket: 'BATON_ATTACHMENT_MAX_FILES_PER_TICKET',

  /** Read by the Functions host, not by Baton; a connection string here would carry the account key. */
  hostStorageConnectionString: 'AzureWebJobsStorage',
} as const;

export type SettingName = (typeof SETTING)[keyof typeof SETTING];

/** Settings Azure must provide (the rest have defaults); the Bicep template sets each of them. */
export const REQUIRED_IN_AZURE: readonly SettingName[] = [
  SETTING.environment,
  SETTING.managedIdentityClientId,
  SETTING.cosmosEndpoint,
  SETTING.emailEndpoint,
  SETTING.emailSenderAddress,
  SETTING.publicBaseUrl,
  SETTING.staffTokenIssuer,
  SETTING.staffTokenAudience,
  SETTING.staffTokenJwksUri,
  SETTING.staffSignInClientId,
  SETTING.vendorApiBaseUrl,
  SETTING.vendorApiTokenScope,
  SETTING.taskHub,
  SETTING.attachmentsBlobEndpoint,
];

/**
 * The secrets Baton reads in Azure: the Bicep sets each as a Key Vault reference, never as a value,
 * so the secret stays in the vault, out of the site's configuration and the deployment's history.
 */
export const FROM_KEY_VAULT_IN_AZURE: readonly SettingName[] = [
  SETTING.vendorCallbackSecret,
  SETTING.staffSignInClientSecret,
  SETTING.staffSessionKey,
  SETTING.teamsWebhooks,
];

/** Secrets and test-only switches: accepted by the offline stack, refused in Azure. */
export const LOCAL_ONLY: readonly SettingName[] = [
  SETTING.cosmosKey,
  SETTING.cosmosAllowInsecureTls,
  SETTING.emailConnectionString,
  SETTING.vendorApiKey,
  SETTING.hostStorageConnectionString,
  SETTING.attachmentsConnectionString,
];
