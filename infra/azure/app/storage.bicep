// The storage account behind the Functions runtime, the Durable task hub (queues, tables, blobs),
// the Flex Consumption deployment package and ticket attachments (a container of their own).
// Shared keys are off: the app identity gets data roles on it instead.

param name string
param location string
param tags object = {}

@description('Blob container that holds the deployment package azd uploads.')
param deploymentContainerName string

@description('Principal id of the app identity.')
param appPrincipalId string

@description('The container ticket attachments are kept in (one prefix per ticket inside it).')
param attachmentsContainerName string = 'attachments'

@description('Scan every uploaded blob for malware with Microsoft Defender for Storage (billed per GB scanned).')
param malwareScanningOnUpload bool = false

@description('Most gigabytes Defender scans a month on this account; -1 for no cap.')
param malwareScanningCapGBPerMonth int = 5000

// Blob owner: the host takes leases and the Flex platform reads the package; queue and table
// contributors: the Durable task hub's control/work-item queues and history/instance tables.
var storageBlobDataOwnerRoleId = 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
var storageQueueDataContributorRoleId = '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
var storageTableDataContributorRoleId = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
var appDataRoles = [
  storageBlobDataOwnerRoleId
  storageQueueDataContributorRoleId
  storageTableDataContributorRoleId
]

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: deploymentContainerName
  properties: {
    publicAccess: 'None'
  }
}

resource attachmentsContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: attachmentsContainerName
  properties: {
    publicAccess: 'None'
  }
}

// Read, write and delete attachment blobs (upload, download, a ticket's purge), stated on the
// container itself so the grant survives if the account-wide owner role above is ever narrowed.
// Files are served through the app, never by SAS, so no Storage Blob Delegator role is needed.
var storageBlobDataContributorRoleId = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'

resource attachmentsRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(attachmentsContainer.id, appPrincipalId, storageBlobDataContributorRoleId)
  scope: attachmentsContainer
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataContributorRoleId)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// Defender for Storage on this account only, when asked for: each upload is scanned and the
// verdict written to the blob's index tags and Defender's alerts; the subscription's plan is untouched.
resource defenderForStorage 'Microsoft.Security/defenderForStorageSettings@2022-12-01-preview' = if (malwareScanningOnUpload) {
  name: 'current'
  scope: storage
  properties: {
    isEnabled: true
    overrideSubscriptionLevelSettings: true
    malwareScanning: {
      onUpload: {
        isEnabled: true
        capGBPerMonth: malwareScanningCapGBPerMonth
      }
    }
    sensitiveDataDiscovery: {
      isEnabled: false
    }
  }
}

resource appDataRoleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in appDataRoles: {
    name: guid(storage.id, appPrincipalId, roleId)
    scope: storage
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
      principalId: appPrincipalId
      principalType: 'ServicePrincipal'
    }
  }
]

output name string = storage.name
output blobEndpoint string = storage.properties.primaryEndpoints.blob
output queueEndpoint string = storage.properties.primaryEndpoints.queue
output tableEndpoint string = storage.properties.primaryEndpoints.table
output attachmentsContainerName string = attachmentsContainer.name
output deploymentContainerUrl string = '${storage.properties.primaryEndpoints.blob}${deploymentContainer.name}'
