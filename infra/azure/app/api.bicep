// The Function App on the Flex Consumption plan, running as the user-assigned identity. Its app
// settings name service endpoints and that identity's client id, never a key or a secret: the
// secrets Baton reads are Key Vault references, resolved by App Service with the same identity. The
// names are the ones shared/config/settings.ts reads.

param name string
param planName string
param location string
param tags object = {}

@description('Node.js major version on the Flex Consumption plan.')
@allowed([
  '20'
  '22'
])
param nodeVersion string = '22'

@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Instances of the Durable group kept warm. 0 lets the app scale to zero; 1 lets SLA timers fire without waiting for a cold start.')
@minValue(0)
param durableAlwaysReadyInstances int = 0

param identityId string
param identityClientId string

param deploymentContainerUrl string
param storageBlobEndpoint string
param storageQueueEndpoint string
param storageTableEndpoint string

@description('Blob endpoint of the storage account, and the container attachments are kept in.')
param attachmentsBlobEndpoint string
param attachmentsContainerName string

param applicationInsightsConnectionString string

param cosmosEndpoint string
param cosmosDatabaseName string
param emailEndpoint string
param emailSenderAddress string

@description('Base URL for links in emails; empty: this app\'s own https URL.')
param publicBaseUrl string = ''

param staffTokenIssuer string
param staffTokenAudience string
param staffTokenJwksUri string

@description('OpenID Connect issuer staff sign in to the console at (the tenant\'s Entra ID v2.0 issuer).')
param staffSignInIssuer string

@description('Application (client) id of Baton\'s app registration, the client of the console\'s sign-in.')
param staffSignInClientId string

@description('Key Vault URI of the sign-in client secret, without a version so that rotations are followed.')
param staffSignInClientSecretUri string

@description('Key Vault URI of the staff session key, without a version so that rotations are followed.')
param staffSessionKeySecretUri string
param vendorApiBaseUrl string
param vendorApiTokenScope string
param taskHubName string

@description('Where Durable keeps orchestration state: durableTaskScheduler (the managed backend) or azureStorage (queues and tables of the app\'s storage account, as host.json describes).')
@allowed([
  'durableTaskScheduler'
  'azureStorage'
])
param durableBackend string = 'durableTaskScheduler'

@description('Endpoint of the Durable Task Scheduler when durableBackend is durableTaskScheduler.')
param durableTaskSchedulerEndpoint string = ''

@description('Key Vault URI of the vendor callback secret, without a version so that rotations are followed.')
param vendorCallbackSecretUri string

@description('Key Vault URI of the Teams workflow webhooks (JSON), without a version so that changes are followed.')
param teamsWebhooksSecretUri string

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

var appSettings = {
  // Identity-based host storage: the runtime and the Durable task hub reach blobs, queues and
  // tables with the managed identity (the account refuses shared keys).
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  AzureWebJobsStorage__blobServiceUri: storageBlobEndpoint
  AzureWebJobsStorage__queueServiceUri: storageQueueEndpoint
  AzureWebJobsStorage__tableServiceUri: storageTableEndpoint
  // Telemetry is ingested with an Entra ID token (the component has local auth disabled).
  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
  // DefaultAzureCredential picks the user-assigned identity by this client id.
  AZURE_CLIENT_ID: identityClientId
  BATON_ENVIRONMENT: 'azure'
  BATON_COSMOS_ENDPOINT: cosmosEndpoint
  BATON_COSMOS_DATABASE: cosmosDatabaseName
  BATON_EMAIL_ENDPOINT: emailEndpoint
  BATON_EMAIL_SENDER_ADDRESS: emailSenderAddress
  BATON_PUBLIC_BASE_URL: empty(publicBaseUrl) ? 'https://${functionApp.properties.defaultHostName}' : publicBaseUrl
  BATON_STAFF_TOKEN_ISSUER: staffTokenIssuer
  BATON_STAFF_TOKEN_AUDIENCE: staffTokenAudience
  BATON_STAFF_TOKEN_JWKS_URI: staffTokenJwksUri
  BATON_STAFF_SIGN_IN_ISSUER: staffSignInIssuer
  BATON_STAFF_SIGN_IN_CLIENT_ID: staffSignInClientId
  // Both resolved by App Service like the callback secret; until the operator sets them the
  // console answers that sign-in is unavailable, and the API and requester pages work as before.
  BATON_STAFF_SIGN_IN_CLIENT_SECRET: '@Microsoft.KeyVault(SecretUri=${staffSignInClientSecretUri})'
  BATON_STAFF_SESSION_KEY: '@Microsoft.KeyVault(SecretUri=${staffSessionKeySecretUri})'
  BATON_VENDOR_API_BASE_URL: vendorApiBaseUrl
  BATON_VENDOR_API_TOKEN_SCOPE: vendorApiTokenScope
  // Resolved by App Service at start; until the operator sets the secret it stays unresolved and
  // Baton refuses callbacks (shared/config never takes the reference text for a secret).
  BATON_VENDOR_CALLBACK_SECRET: '@Microsoft.KeyVault(SecretUri=${vendorCallbackSecretUri})'
  // Until the operator sets the secret the reference stays unresolved and no Teams card is queued.
  BATON_TEAMS_WEBHOOKS: '@Microsoft.KeyVault(SecretUri=${teamsWebhooksSecretUri})'
  BATON_TASK_HUB: taskHubName
  // Attachments: reached with the identity (Storage Blob Data Contributor on the container).
  BATON_ATTACHMENTS_BLOB_ENDPOINT: attachmentsBlobEndpoint
  BATON_ATTACHMENTS_CONTAINER: attachmentsContainerName
}

// host.json describes the Azure Storage provider, which the offline stack's emulator follows too;
// on the Durable Task Scheduler these settings override its provider type (AzureFunctionsJobHost__
// settings take precedence over host.json) and name the identity-based connection, which carries
// the identity's client id and no secret.
var durableBackendSettings = durableBackend == 'durableTaskScheduler'
  ? {
      AzureFunctionsJobHost__extensions__durableTask__storageProvider__type: 'azureManaged'
      AzureFunctionsJobHost__extensions__durableTask__storageProvider__connectionStringName: 'DURABLE_TASK_SCHEDULER_CONNECTION_STRING'
      DURABLE_TASK_SCHEDULER_CONNECTION_STRING: 'Endpoint=${durableTaskSchedulerEndpoint};Authentication=ManagedIdentity;ClientID=${identityClientId}'
    }
  : {}

resource functionApp 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, {
    'azd-service-name': 'api'
  })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Key Vault references use the system-assigned identity unless told otherwise; the app has none.
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
        alwaysReady: durableAlwaysReadyInstances > 0
          ? [
              {
                name: 'durable'
                instanceCount: durableAlwaysReadyInstances
              }
            ]
          : []
      }
      runtime: {
        name: 'node'
        version: nodeVersion
      }
    }
  }
}

resource functionAppSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: functionApp
  name: 'appsettings'
  properties: union(appSettings, durableBackendSettings)
}

// Publishing with a user name and password is a local-auth path into the app; azd deploys with
// an Entra ID token instead.
resource ftpPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: functionApp
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: functionApp
  name: 'scm'
  properties: {
    allow: false
  }
}

output name string = functionApp.name
output url string = 'https://${functionApp.properties.defaultHostName}'
