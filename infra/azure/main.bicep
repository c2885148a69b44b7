// Baton on Azure: one resource group holding the Function App (Flex Consumption, Node), its
// storage and Durable task hub, Cosmos DB, Communication Services Email, Application Insights and
// the Key Vault for the vendor callback secret, wired together through one user-assigned managed
// identity. No resource accepts keys.

targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment (e.g. dev, prod); it names the resource group and seeds unique resource names.')
param environmentName string

@minLength(1)
@description('Azure region for every regional resource. It must offer the Flex Consumption plan (az functionapp list-flexconsumption-locations).')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Object id of the person or pipeline deploying; gets data access to the Baton database so the organisation configuration can be seeded. Empty: none.')
param principalId string = ''

@minLength(1)
@description('Audience (aud) staff tokens must carry: the Application ID URI or client id of Baton\'s Entra ID app registration.')
param staffTokenAudience string

@description('Issuer (iss) staff tokens must carry. Empty: the Entra ID v2.0 issuer of this tenant.')
param staffTokenIssuer string = ''

@description('Where the staff token signing keys are published. Empty: the Entra ID v2.0 keys of this tenant.')
param staffTokenJwksUri string = ''

@description('Application (client) id of Baton\'s Entra ID app registration: the client staff sign in to the console through (OpenID Connect).')
param staffSignInClientId string

@minLength(1)
@description('Base https URL of the upstream vendor\'s service-request API (L3 escalations).')
param vendorApiBaseUrl string

@minLength(1)
@description('Entra ID scope the app\'s identity asks a token for when calling the vendor API, e.g. api://<vendor-app-id>/.default.')
param vendorApiTokenScope string

@description('Base URL for links in emails. Empty: the Function App\'s own https URL.')
param publicBaseUrl string = ''

@description('Your own email domain. Provisioning creates it and outputs the DNS records to add (BATON_EMAIL_DOMAIN_DNS_RECORDS); mail goes out from the Azure-managed *.azurecomm.net domain until linkCustomEmailDomain. Empty: the Azure-managed domain only.')
param customEmailDomain string = ''

@description('Send from customEmailDomain. Set it only once Azure has verified the domain\'s DNS records: Communication Services refuses to link an unverified domain.')
param linkCustomEmailDomain bool = false

@description('Local part of the sender address on a custom domain; Azure-managed domains always send as DoNotReply.')
param emailSenderUsername string = 'DoNotReply'

@description('Display name recipients see for the sender.')
param emailSenderDisplayName string = 'Baton Support'

@description('Geography where Communication Services keeps email data at rest, e.g. United States, Europe, UK.')
param emailDataLocation string = 'United States'

@description('builtIn (the default): the app identity gets Communication and Email Service Owner on the Communication Services resource. custom: a narrower Baton sender role is defined, and assigned on the provision after the one that defines it (a new role definition takes a while to replicate, and an assignment made before then fails).')
@allowed([
  'builtIn'
  'custom'
])
param emailSenderRole string = 'builtIn'

@description('Whether an earlier provision of this environment defined the custom sender role; azd feeds back the output BATON_EMAIL_SENDER_ROLE_DEFINED.')
param emailSenderRoleDefined bool = false

@description('serverless (the default) or provisioned (autoscale throughput shared by Baton\'s containers). Chosen when the Cosmos DB account is created and fixed afterwards: Cosmos DB cannot turn the EnableServerless capability on or off on an existing account.')
@allowed([
  'serverless'
  'provisioned'
])
param cosmosThroughputMode string = 'serverless'

@description('The mode the account was created with, as an earlier provision reported it (azd feeds back the output BATON_COSMOS_THROUGHPUT_MODE_AT_CREATION). Empty: not created yet.')
param cosmosThroughputModeAtCreation string = ''

@minValue(1000)
@description('Autoscale maximum RU/s of the Baton database when cosmosThroughputMode is provisioned.')
param cosmosAutoscaleMaxThroughput int = 1000

@description('Node.js major version on the Flex Consumption plan.')
@allowed([
  '20'
  '22'
])
param nodeVersion string = '22'

// Flex Consumption accepts 1 to 1000; 40 was the floor only while the plan was in preview.
@minValue(1)
@maxValue(1000)
@description('Upper bound on Function App instances when it scales out.')
param maximumInstanceCount int = 40

@minValue(0)
@description('Function App instances kept warm for Durable work. 0 (the default) scales to zero; 1 lets SLA timers fire without a cold start, at the price of one always-on instance.')
param durableAlwaysReadyInstances int = 0

@description('Days of Cosmos DB continuous backup (point-in-time restore): 7 (no charge for the backup storage) or 30.')
@allowed([
  7
  30
])
param cosmosBackupRetentionDays int = 7

@description('Durable backend, chosen once: an app cannot move its running orchestrations to another later. durableTaskScheduler (recommended) or azureStorage.')
@allowed([
  'durableTaskScheduler'
  'azureStorage'
])
param durableBackend string = 'durableTaskScheduler'

@description('Durable Task Scheduler SKU: Consumption (pay per action) or Dedicated (capacity units).')
@allowed([
  'Consumption'
  'Dedicated'
])
param durableTaskSchedulerSku string = 'Consumption'

@description('Scan every uploaded attachment for malware with Microsoft Defender for Storage (billed per GB scanned).')
param attachmentMalwareScanning bool = false

@description('Email address operations alerts go to. Empty: none (the alerts still show in the portal).')
param alertEmail string = ''

@secure()
@description('Incoming webhook (e.g. a Teams workflow URL) operations alerts are posted to. Empty: none.')
param alertWebhookUrl string = ''

@minValue(1)
@description('SLA breaches within an hour above which the desk is alerted.')
param slaBreachesPerHourAlertThreshold int = 5

@minValue(1)
@description('Minutes the oldest unsent email may wait before the outbox alert fires.')
param outboxOldestPendingMinutesAlertThreshold int = 15

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}
var entraIdAuthority = '${environment().authentication.loginEndpoint}${tenant().tenantId}'
// Letters and digits only, as the Durable storage provider requires; one task hub per environment.
var taskHubName = 'baton${resourceToken}'
// Refused here with a message naming the way out, rather than by Cosmos DB mid-deployment.
var checkedCosmosThroughputMode = empty(cosmosThroughputModeAtCreation) || cosmosThroughputModeAtCreation == cosmosThroughputMode
  ? cosmosThroughputMode
  : fail('The Cosmos DB account was created ${cosmosThroughputModeAtCreation} and cannot become ${cosmosThroughputMode}: set BATON_COSMOS_THROUGHPUT_MODE back to ${cosmosThroughputModeAtCreation}, or create a new environment and move the data.')

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module appIdentity 'core/user-assigned-identity.bicep' = {
  name: 'app-identity'
  scope: rg
  params: {
    name: 'id-baton-${resourceToken}'
    location: location
    tags: tags
  }
}

module monitoring 'app/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: 'log-baton-${resourceToken}'
    applicationInsightsName: 'appi-baton-${resourceToken}'
    location: location
    tags: tags
    publisherPrincipalId: appIdentity.outputs.principalId
  }
}

module storage 'app/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: 'st${resourceToken}'
    location: location
    tags: tags
    deploymentContainerName: 'app-package-${resourceToken}'
    appPrincipalId: appIdentity.outputs.principalId
    malwareScanningOnUpload: attachmentMalwareScanning
  }
}

module cosmos 'app/cosmos.bicep' = {
  name: 'cosmos'
  scope: rg
  params: {
    accountName: 'cosmos-baton-${resourceToken}'
    location: location
    tags: tags
    throughputMode: checkedCosmosThroughputMode
    autoscaleMaxThroughput: cosmosAutoscaleMaxThroughput
    appPrincipalId: appIdentity.outputs.principalId
    dataContributorPrincipalId: principalId
    continuousBackupTier: 'Continuous${cosmosBackupRetentionDays}Days'
  }
}

// One narrow sender role per environment; its id is known before it exists, so the email module
// can name it without reading an output of a module that may not be deployed.
var emailSenderRoleName = guid(rg.id, 'baton-email-sender')

module emailSenderRoleDefinition 'core/email-sender-role.bicep' = if (emailSenderRole == 'custom') {
  name: 'email-sender-role-${resourceToken}'
  params: {
    roleDefinitionName: emailSenderRoleName
    assignableResourceGroupId: rg.id
    resourceGroupName: rg.name
  }
}

// Communication and Email Service Owner: broader, but built in, so assignable on the first run.
var builtInEmailSenderRoleName = '09976791-48a7-449e-bb21-39d1a415f350'
// The custom role is assigned only once it existed before this deployment began; meanwhile none is,
// and mail waits in the outbox (it retries) until the next `azd provision`.
var emailSenderRoleDefinitionId = emailSenderRole == 'builtIn'
  ? subscriptionResourceId('Microsoft.Authorization/roleDefinitions', builtInEmailSenderRoleName)
  : (emailSenderRoleDefined ? subscriptionResourceId('Microsoft.Authorization/roleDefinitions', emailSenderRoleName) : '')

module email 'app/email.bicep' = {
  name: 'email'
  scope: rg
  params: {
    emailServiceName: 'ecs-baton-${resourceToken}'
    communicationServiceName: 'acs-baton-${resourceToken}'
    tags: tags
    dataLocation: emailDataLocation
    customDomain: customEmailDomain
    linkCustomDomain: linkCustomEmailDomain
    senderUsername: emailSenderUsername
    senderDisplayName: emailSenderDisplayName
    appPrincipalId: appIdentity.outputs.principalId
    senderRoleDefinitionId: emailSenderRoleDefinitionId
  }
}

module keyVault 'app/key-vault.bicep' = {
  name: 'key-vault'
  scope: rg
  params: {
    name: 'kv-baton-${resourceToken}'
    location: location
    tags: tags
    appPrincipalId: appIdentity.outputs.principalId
    secretsOfficerPrincipalId: principalId
  }
}

module durableTaskScheduler 'app/durable-task-scheduler.bicep' = if (durableBackend == 'durableTaskScheduler') {
  name: 'durable-task-scheduler'
  scope: rg
  params: {
    name: 'dts-baton-${resourceToken}'
    location: location
    tags: tags
    taskHubName: taskHubName
    skuName: durableTaskSchedulerSku
    appPrincipalId: appIdentity.outputs.principalId
    dashboardPrincipalId: principalId
  }
}

module api 'app/api.bicep' = {
  name: 'api'
  scope: rg
  params: {
    name: 'func-baton-${resourceToken}'
    planName: 'plan-baton-${resourceToken}'
    location: location
    tags: tags
    nodeVersion: nodeVersion
    maximumInstanceCount: maximumInstanceCount
    durableAlwaysReadyInstances: durableAlwaysReadyInstances
    identityId: appIdentity.outputs.id
    identityClientId: appIdentity.outputs.clientId
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    storageBlobEndpoint: storage.outputs.blobEndpoint
    storageQueueEndpoint: storage.outputs.queueEndpoint
    storageTableEndpoint: storage.outputs.tableEndpoint
    attachmentsBlobEndpoint: storage.outputs.blobEndpoint
    attachmentsContainerName: storage.outputs.attachmentsContainerName
    applicationInsightsConnectionString: monitoring.outputs.applicationInsightsConnectionString
    cosmosEndpoint: cosmos.outputs.endpoint
    cosmosDatabaseName: cosmos.outputs.databaseName
    emailEndpoint: email.outputs.endpoint
    emailSenderAddress: email.outputs.senderAddress
    publicBaseUrl: publicBaseUrl
    staffTokenIssuer: empty(staffTokenIssuer) ? '${entraIdAuthority}/v2.0' : staffTokenIssuer
    staffTokenAudience: staffTokenAudience
    staffTokenJwksUri: empty(staffTokenJwksUri) ? '${entraIdAuthority}/discovery/v2.0/keys' : staffTokenJwksUri
    // Sign-in always speaks to the v2.0 endpoint, whichever token version the API accepts.
    staffSignInIssuer: '${entraIdAuthority}/v2.0'
    staffSignInClientId: staffSignInClientId
    staffSignInClientSecretUri: keyVault.outputs.staffSignInClientSecretUri
    staffSessionKeySecretUri: keyVault.outputs.staffSessionKeySecretUri
    vendorApiBaseUrl: vendorApiBaseUrl
    vendorApiTokenScope: vendorApiTokenScope
    taskHubName: taskHubName
    durableBackend: durableBackend
    durableTaskSchedulerEndpoint: durableBackend == 'durableTaskScheduler' ? durableTaskScheduler!.outputs.endpoint : ''
    // Using the output also orders the app after the vault and the identity's role on it.
    vendorCallbackSecretUri: keyVault.outputs.vendorCallbackSecretUri
    teamsWebhooksSecretUri: keyVault.outputs.teamsWebhooksSecretUri
  }
}

// Resource logs and platform metrics of every data-bearing resource go to the Log Analytics workspace.
module diagnostics 'app/diagnostics.bicep' = {
  name: 'diagnostics'
  scope: rg
  params: {
    workspaceId: monitoring.outputs.logAnalyticsWorkspaceId
    cosmosAccountName: cosmos.outputs.accountName
    storageAccountName: storage.outputs.name
    keyVaultName: keyVault.outputs.name
    functionAppName: api.outputs.name
  }
}

module alerts 'app/alerts.bicep' = {
  name: 'alerts'
  scope: rg
  params: {
    location: location
    tags: tags
    applicationInsightsId: monitoring.outputs.applicationInsightsId
    actionGroupName: 'ag-baton-${resourceToken}'
    alertEmail: alertEmail
    alertWebhookUrl: alertWebhookUrl
    slaBreachesPerHourThreshold: slaBreachesPerHourAlertThreshold
    outboxOldestPendingMinutesThreshold: outboxOldestPendingMinutesAlertThreshold
  }
}

module workbook 'app/workbook.bicep' = {
  name: 'workbook'
  scope: rg
  params: {
    location: location
    tags: tags
    applicationInsightsId: monitoring.outputs.applicationInsightsId
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = api.outputs.name
output BATON_APP_URL string = api.outputs.url
output BATON_API_BASE_URL string = '${api.outputs.url}/api'
output BATON_COSMOS_ENDPOINT string = cosmos.outputs.endpoint
output BATON_EMAIL_SENDER_ADDRESS string = email.outputs.senderAddress
output BATON_EMAIL_DOMAIN_DNS_RECORDS object = email.outputs.customDomainVerificationRecords
output BATON_EMAIL_SERVICE_NAME string = email.outputs.emailServiceName
output BATON_EMAIL_SENDER_ROLE_DEFINED bool = emailSenderRole == 'custom'
output BATON_COSMOS_THROUGHPUT_MODE_AT_CREATION string = checkedCosmosThroughputMode
output BATON_TASK_HUB string = taskHubName
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output BATON_VENDOR_CALLBACK_SECRET_NAME string = keyVault.outputs.vendorCallbackSecretName
output BATON_STAFF_SIGN_IN_CLIENT_SECRET_NAME string = keyVault.outputs.staffSignInClientSecretName
output BATON_STAFF_SESSION_KEY_NAME string = keyVault.outputs.staffSessionKeyName
output BATON_TEAMS_WEBHOOKS_SECRET_NAME string = keyVault.outputs.teamsWebhooksSecretName
