// The vault for the secrets Baton holds: the key the vendor signs its callbacks with, the staff
// console's sign-in client secret and session key, and the URLs of the Teams workflow webhooks
// (whoever holds one can post to its channel). Access is by Azure RBAC only (no access
// policies): the app identity may read secrets, the deploying principal may write them. The
// secrets themselves are set by the operator (see README.md, "Vendor callbacks", "Staff
// sign-in" and "Teams channels"), so their values never pass through azd's environment or a deployment.

param name string
param location string
param tags object = {}

@description('Principal id of the app identity; it resolves the Key Vault references in the app settings.')
param appPrincipalId string

@description('Object id of the person or pipeline deploying; gets Key Vault Secrets Officer so they can set the callback secret. Empty: none.')
param secretsOfficerPrincipalId string = ''

@description('Name of the secret that holds the vendor callback secret(s), comma-separated during a rotation.')
param vendorCallbackSecretName string = 'vendor-callback-secret'

@description('Name of the secret that holds the client secret of Baton\'s Entra ID app registration (staff sign-in).')
param staffSignInClientSecretName string = 'staff-sign-in-client-secret'

@description('Name of the secret that holds the staff session key(s): 32 random bytes in base64, comma-separated during a rotation.')
param staffSessionKeyName string = 'staff-session-key'

@description('Name of the secret that holds the Teams workflow webhooks, as BATON_TEAMS_WEBHOOKS JSON.')
param teamsWebhooksSecretName string = 'teams-webhooks'

// A week: the secret can always be replaced (a new one shared with the vendor), and a deleted
// environment's vault name stays taken for as long as its vault is recoverable.
@minValue(7)
@maxValue(90)
@description('Days a deleted vault or secret can still be recovered (and its name stays taken).')
param softDeleteRetentionInDays int = 7

// Key Vault Secrets User: read secret values, nothing else. Secrets Officer: manage secrets.
var keyVaultSecretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'
var keyVaultSecretsOfficerRoleId = 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    accessPolicies: []
    // A deleted vault or secret stays recoverable, and purge protection means nobody (not even an
    // owner) can destroy it before the retention ends: a leaked deployer credential cannot wipe it.
    enableSoftDelete: true
    softDeleteRetentionInDays: softDeleteRetentionInDays
    enablePurgeProtection: true
    enabledForDeployment: false
    enabledForDiskEncryption: false
    enabledForTemplateDeployment: false
    // Reachable like the rest of the template (Flex Consumption without a virtual network has no
    // private path); every request still needs an Entra ID token with a data role.
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource appSecretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, appPrincipalId, keyVaultSecretsUserRoleId)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRoleId)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource deployerSecretsOfficer 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(secretsOfficerPrincipalId)) {
  name: guid(vault.id, secretsOfficerPrincipalId, keyVaultSecretsOfficerRoleId)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsOfficerRoleId)
    principalId: secretsOfficerPrincipalId
  }
}

output name string = vault.name
output vendorCallbackSecretName string = vendorCallbackSecretName
// Without a version: App Service follows the newest one, so a rotation needs no redeployment.
output vendorCallbackSecretUri string = '${vault.properties.vaultUri}secrets/${vendorCallbackSecretName}'
output staffSignInClientSecretName string = staffSignInClientSecretName
output staffSignInClientSecretUri string = '${vault.properties.vaultUri}secrets/${staffSignInClientSecretName}'
output staffSessionKeyName string = staffSessionKeyName
output staffSessionKeySecretUri string = '${vault.properties.vaultUri}secrets/${staffSessionKeyName}'
output teamsWebhooksSecretName string = teamsWebhooksSecretName
output teamsWebhooksSecretUri string = '${vault.properties.vaultUri}secrets/${teamsWebhooksSecretName}'
