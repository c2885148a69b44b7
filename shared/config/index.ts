/** Baton's configuration: one validated read of the app settings, and the clients it implies. */
export { SETTING, REQUIRED_IN_AZURE, LOCAL_ONLY, FROM_KEY_VAULT_IN_AZURE, type SettingName } from './settings';
export type { AzureConfig, BatonConfig, LocalConfig } from './config-schema';
export { appConfig, ConfigError, loadConfig, type AppSettings, type LoadedConfig, type SettingProblem } from './load-config';
export { unresolvedKeyVaultReferences } from './key-vault-references';
export { credentialFromConfig, type CredentialFactory } from './credential';
export { cosmosClientFromConfig, cosmosClientOptionsFromConfig } from './cosmos-client';
export { emailClientArgumentsFromConfig, emailClientFromConfig, type EmailClientArguments } from './email-client';
export { vendorAuthFromConfig, type VendorApiAuth } from './vendor-auth';
export type { VendorCallbackSecrets } from './vendor-callback-secret';
