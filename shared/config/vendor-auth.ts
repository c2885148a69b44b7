/**
 * How the vendor client authenticates, by environment: the stand-in's API key locally, a managed
 * identity token for the vendor's Entra ID app in Azure (fetched per attempt, so it refreshes).
 */
import type { TokenCredential } from '@azure/identity';
import type { BatonConfig } from './config-schema';
import { credentialFromConfig } from './credential';

/** The same shape as the vendor client's `VendorAuth`, so the result can be handed to it as is. */
export type VendorApiAuth =
  | { readonly kind: 'api-key'; readonly apiKey: string }
  | { readonly kind: 'bearer'; readonly getToken: () => Promise<string> };

export function vendorAuthFromConfig(config: BatonConfig, credential?: TokenCredential): VendorApiAuth {
  if (config.environment === 'local') return { kind: 'api-key', apiKey: config.vendorApiAuth.apiKey };
  const identity = credential ?? credentialFromConfig(config);
  const { scope } = config.vendorApiAuth;
  return {
    kind: 'bearer',
    getToken: async () => {
      const token = await identity.getToken(scope);
      if (token === null) throw new Error(`The managed identity got no token for the vendor API scope ${scope}.`);
      return token.token;
    },
  };
}
