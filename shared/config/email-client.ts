/**
 * The ACS Email client as the configuration asks for it: a connection string (HMAC-signed) against
 * the offline stand-in, the endpoint and managed identity in Azure.
 */
import { EmailClient, type EmailClientOptions } from '@azure/communication-email';
import type { TokenCredential } from '@azure/identity';
import type { BatonConfig } from './config-schema';
import { credentialFromConfig } from './credential';

export type EmailClientArguments =
  | { readonly kind: 'connection-string'; readonly connectionString: string; readonly options: EmailClientOptions }
  | { readonly kind: 'managed-identity'; readonly endpoint: string; readonly credential: TokenCredential };

/** The stand-in listens on plain http, which the SDK refuses unless told otherwise. */
function endpointOfConnectionString(connectionString: string): string | undefined {
  return /(?:^|;)\s*endpoint=([^;]+)/i.exec(connectionString)?.[1]?.trim();
}

export function emailClientArgumentsFromConfig(config: BatonConfig, credential?: TokenCredential): EmailClientArguments {
  if (config.environment === 'azure') {
    return {
      kind: 'managed-identity',
      endpoint: config.email.auth.endpoint,
      credential: credential ?? credentialFromConfig(config),
    };
  }
  const { connectionString } = config.email.auth;
  const insecure = endpointOfConnectionString(connectionString)?.toLowerCase().startsWith('http://') ?? false;
  return { kind: 'connection-string', connectionString, options: insecure ? { allowInsecureConnection: true } : {} };
}

export function emailClientFromConfig(config: BatonConfig, credential?: TokenCredential): EmailClient {
  const args = emailClientArgumentsFromConfig(config, credential);
  return args.kind === 'managed-identity'
    ? new EmailClient(args.endpoint, args.credential)
    : new EmailClient(args.connectionString, args.options);
}
