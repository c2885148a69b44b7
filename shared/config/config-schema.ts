/**
 * What Baton's settings must look like in each environment, and the typed configuration they become.
 * Azure runs on the managed identity alone: any key, connection string or TLS escape hatch there is
 * a deployment mistake, so it is refused by name instead of silently ignored.
 */
import { z } from 'zod';
import { SETTING } from './settings';
import {
  baseUrl,
  clientId,
  containerName,
  emailAddress,
  flag,
  fraction,
  refused,
  taskHubName,
  teamsWebhooks,
  text,
  tokenScope,
  url,
  wholeNumber,
  type UrlRule,
} from './setting-values';
import { vendorCallbackSecrets } from './vendor-callback-secret';
import { staffSessionKeys, staffSignInClientSecret } from './staff-sign-in-settings';

const MIB = 1024 * 1024;

export const ENVIRONMENT_KINDS = ['local', 'azure'] as const;

export const EnvironmentKindSchema = z.object({
  [SETTING.environment]: z.enum(ENVIRONMENT_KINDS, {
    error: (issue) => (issue.input === undefined ? 'is required (local or azure)' : 'must be local or azure'),
  }),
});

/** Settings both environments share; only how strict their URLs are differs. */
function sharedSettings(rule: UrlRule) {
  return {
    [SETTING.cosmosEndpoint]: url(rule),
    [SETTING.cosmosDatabase]: text().default('baton'),
    // Short on purpose: intake answers 503 + Retry-After during an outage instead of hanging.
    [SETTING.cosmosRequestTimeoutMs]: wholeNumber({ min: 100, max: 60_000, fallback: 5_000 }),
    [SETTING.cosmosThrottleRetryAttempts]: wholeNumber({ min: 0, max: 9, fallback: 3 }),
    [SETTING.cosmosThrottleRetryMaxWaitSeconds]: wholeNumber({ min: 0, max: 30, fallback: 5 }),
    [SETTING.emailSenderAddress]: emailAddress(),
    // Replies to a no-reply sender go nowhere: without this, they go to the organisation's desk mailbox.
    [SETTING.emailReplyToAddress]: emailAddress().optional(),
    [SETTING.emailPollIntervalMs]: wholeNumber({ min: 50, max: 60_000, fallback: 1_000 }),
    [SETTING.emailSendTimeoutMs]: wholeNumber({ min: 1_000, max: 600_000, fallback: 60_000 }),
    [SETTING.publicBaseUrl]: baseUrl(rule),
    [SETTING.teamsWebhooks]: teamsWebhooks(rule),
    [SETTING.staffTokenIssuer]: url(rule),
    [SETTING.staffTokenAudience]: text(),
    [SETTING.staffTokenJwksUri]: url(rule),
    // Where staff sign in to the console; the staff token issuer unless it differs (v1.0 API tokens).
    [SETTING.staffSignInIssuer]: url(rule).optional(),
    [SETTING.staffSignInClientSecret]: staffSignInClientSecret(),
    [SETTING.staffSessionKey]: staffSessionKeys(),
    [SETTING.vendorApiBaseUrl]: baseUrl(rule),
    [SETTING.vendorCallbackSecret]: vendorCallbackSecrets(),
    [SETTING.taskHub]: taskHubName(),
    [SETTING.slaWarningFraction]: fraction(0.75),
    [SETTING.intakeRetryAfterSeconds]: wholeNumber({ min: 1, max: 3_600, fallback: 5 }),
    // New tickets per window: enough for a busy office behind one address, too few to spam with.
    [SETTING.intakeLimitPerClientAddress]: wholeNumber({ min: 1, max: 1_000_000, fallback: 30 }),
    [SETTING.intakeLimitPerRequesterEmail]: wholeNumber({ min: 1, max: 1_000_000, fallback: 5 }),
    [SETTING.intakeLimitWindowSeconds]: wholeNumber({ min: 1, max: 86_400, fallback: 3_600 }),
    // Azure's front end is one hop; add one for each proxy of ours in front of it.
    [SETTING.forwardedForTrustedHops]: wholeNumber({ min: 1, max: 10, fallback: 1 }),
    [SETTING.attachmentsContainer]: containerName('attachments'),
    // A log bundle or a HAR runs to tens of MB; the function streams each file, so the bound is storage, not memory.
    [SETTING.attachmentMaxFileBytes]: wholeNumber({ min: 1, max: 1024 * MIB, fallback: 25 * MIB }),
    [SETTING.attachmentMaxTicketBytes]: wholeNumber({ min: 1, max: 10 * 1024 * MIB, fallback: 100 * MIB }),
    [SETTING.attachmentMaxFilesPerTicket]: wholeNumber({ min: 1, max: 1_000, fallback: 20 }),
    // Long enough to come back after a night or a weekend; short enough that abandoned words do not linger.
    [SETTING.chatRetentionHours]: wholeNumber({ min: 1, max: 2_160, fallback: 72 }),
  };
}

/** What every environment needs, judged leniently: used to report problems when the kind is unknown. */
export const CommonSettingsSchema = z.object(sharedSettings({ httpsOnly: false, allowLoopback: true }));

export const LocalSettingsSchema = z.object({
  ...sharedSettings({ httpsOnly: false, allowLoopback: true }),
  [SETTING.environment]: z.literal('local'),
  // The offline stack sets the dev issuer's client; without one the console says sign-in is not set up.
  [SETTING.staffSignInClientId]: text().optional(),
  [SETTING.cosmosKey]: text(),
  [SETTING.cosmosAllowInsecureTls]: flag(false),
  [SETTING.emailConnectionString]: text(),
  [SETTING.vendorApiKey]: text(),
  // Azurite's connection string (the offline stack sets it); without one the pages take no files.
  [SETTING.attachmentsConnectionString]: text().optional(),
});

export const AzureSettingsSchema = z.object({
  ...sharedSettings({ httpsOnly: true, allowLoopback: false }),
  [SETTING.environment]: z.literal('azure'),
  [SETTING.managedIdentityClientId]: clientId(),
  [SETTING.staffSignInClientId]: text(),
  // Endpoint discovery retries an unreachable account for minutes; worth it only with several regions.
  [SETTING.cosmosEndpointDiscovery]: flag(false),
  [SETTING.emailEndpoint]: url({ httpsOnly: true, allowLoopback: false }),
  [SETTING.vendorApiTokenScope]: tokenScope(),
  [SETTING.attachmentsBlobEndpoint]: url({ httpsOnly: true, allowLoopback: false }),
  [SETTING.attachmentsConnectionString]: refused(`set ${SETTING.attachmentsBlobEndpoint}; attachments are stored with the managed identity`),
  [SETTING.cosmosKey]: refused('Cosmos DB is reached with the managed identity (local auth is disabled)'),
  [SETTING.cosmosAllowInsecureTls]: refused('certificate checks are never switched off in Azure'),
  [SETTING.emailConnectionString]: refused(`set ${SETTING.emailEndpoint}; email is sent with the managed identity`),
  [SETTING.vendorApiKey]: refused(`set ${SETTING.vendorApiTokenScope}; the vendor API is called with a managed identity token`),
  [SETTING.hostStorageConnectionString]: refused(
    'use the identity-based AzureWebJobsStorage__blobServiceUri/__queueServiceUri/__tableServiceUri settings',
  ),
});

type LocalSettings = z.output<typeof LocalSettingsSchema>;
type AzureSettings = z.output<typeof AzureSettingsSchema>;

function sharedConfig(settings: LocalSettings | AzureSettings) {
  return {
    cosmos: {
      endpoint: settings[SETTING.cosmosEndpoint],
      database: settings[SETTING.cosmosDatabase],
      requestTimeoutMs: settings[SETTING.cosmosRequestTimeoutMs],
      throttleRetryAttempts: settings[SETTING.cosmosThrottleRetryAttempts],
      throttleRetryMaxWaitSeconds: settings[SETTING.cosmosThrottleRetryMaxWaitSeconds],
    },
    email: {
      senderAddress: settings[SETTING.emailSenderAddress],
      replyToAddress: settings[SETTING.emailReplyToAddress],
      pollIntervalMs: settings[SETTING.emailPollIntervalMs],
      sendTimeoutMs: settings[SETTING.emailSendTimeoutMs],
    },
    publicBaseUrl: settings[SETTING.publicBaseUrl],
    teamsWebhooks: settings[SETTING.teamsWebhooks],
    staffTokens: {
      issuer: settings[SETTING.staffTokenIssuer],
      audience: settings[SETTING.staffTokenAudience],
      jwksUri: settings[SETTING.staffTokenJwksUri],
    },
    staffSignIn: {
      issuer: settings[SETTING.staffSignInIssuer] ?? settings[SETTING.staffTokenIssuer],
      clientId: settings[SETTING.staffSignInClientId],
      clientSecret: settings[SETTING.staffSignInClientSecret],
      sessionKeys: settings[SETTING.staffSessionKey],
    },
    vendorApiBaseUrl: settings[SETTING.vendorApiBaseUrl],
    vendorCallbacks: settings[SETTING.vendorCallbackSecret],
    taskHub: settings[SETTING.taskHub],
    sla: { warningFraction: settings[SETTING.slaWarningFraction] },
    intake: {
      retryAfterSeconds: settings[SETTING.intakeRetryAfterSeconds],
      limits: {
        perClientAddress: settings[SETTING.intakeLimitPerClientAddress],
        perRequesterEmail: settings[SETTING.intakeLimitPerRequesterEmail],
        windowSeconds: settings[SETTING.intakeLimitWindowSeconds],
      },
    },
    forwardedForTrustedHops: settings[SETTING.forwardedForTrustedHops],
    attachmentLimits: {
      maxFileBytes: settings[SETTING.attachmentMaxFileBytes],
      maxTicketBytes: settings[SETTING.attachmentMaxTicketBytes],
      maxFilesPerTicket: settings[SETTING.attachmentMaxFilesPerTicket],
    },
    chat: { retentionHours: settings[SETTING.chatRetentionHours] },
  };
}

/** Locally, Azurite by connection string when the stack gives one; otherwise attachments are off. */
function attachmentStoreOf(connectionString: string | undefined, container: string) {
  return connectionString === undefined
    ? { kind: 'none' as const }
    : { kind: 'connection-string' as const, connectionString, container };
}

export const LocalConfigSchema = LocalSettingsSchema.transform((settings) => {
  const shared = sharedConfig(settings);
  return {
    ...shared,
    environment: 'local' as const,
    cosmos: {
      ...shared.cosmos,
      // The offline stand-in speaks plain http or self-signed https on one address: never rediscover.
      endpointDiscovery: false,
      auth: {
        kind: 'key' as const,
        key: settings[SETTING.cosmosKey],
        allowInsecureTls: settings[SETTING.cosmosAllowInsecureTls],
      },
    },
    email: {
      ...shared.email,
      auth: { kind: 'connection-string' as const, connectionString: settings[SETTING.emailConnectionString] },
    },
    vendorApiAuth: { kind: 'api-key' as const, apiKey: settings[SETTING.vendorApiKey] },
    attachmentStore: attachmentStoreOf(settings[SETTING.attachmentsConnectionString], settings[SETTING.attachmentsContainer]),
  };
});

export const AzureConfigSchema = AzureSettingsSchema.transform((settings) => {
  const shared = sharedConfig(settings);
  return {
    ...shared,
    environment: 'azure' as const,
    managedIdentityClientId: settings[SETTING.managedIdentityClientId],
    cosmos: {
      ...shared.cosmos,
      endpointDiscovery: settings[SETTING.cosmosEndpointDiscovery],
      auth: { kind: 'managed-identity' as const },
    },
    email: {
      ...shared.email,
      auth: { kind: 'managed-identity' as const, endpoint: settings[SETTING.emailEndpoint] },
    },
    vendorApiAuth: { kind: 'managed-identity' as const, scope: settings[SETTING.vendorApiTokenScope] },
    attachmentStore: {
      kind: 'managed-identity' as const,
      endpoint: settings[SETTING.attachmentsBlobEndpoint],
      container: settings[SETTING.attachmentsContainer],
    },
  };
});

export type LocalConfig = z.output<typeof LocalConfigSchema>;
export type AzureConfig = z.output<typeof AzureConfigSchema>;
export type BatonConfig = LocalConfig | AzureConfig;
