// Cosmos DB for NoSQL: the account (serverless unless throughput is asked for), the `baton`
// database and its containers, and data-plane access for the app identity. Keys are disabled, so
// the managed identity is the only way in.

param accountName string
param location string
param tags object = {}

@description('serverless (pay per request, the default) or provisioned (autoscale throughput shared by the containers). Fixed when the account is created: Cosmos DB cannot switch an existing account between the two.')
@allowed([
  'serverless'
  'provisioned'
])
param throughputMode string = 'serverless'

@description('Autoscale maximum RU/s for the database when throughputMode is provisioned.')
@minValue(1000)
param autoscaleMaxThroughput int = 1000

@description('Principal id of the app identity.')
param appPrincipalId string

@description('Continuous backup (point-in-time restore) window: Continuous7Days (free) or Continuous30Days.')
@allowed([
  'Continuous7Days'
  'Continuous30Days'
])
param continuousBackupTier string = 'Continuous7Days'

@description('Optional principal (the deployer) that may read and write data, e.g. to seed the organisation configuration. Empty: none.')
param dataContributorPrincipalId string = ''

var databaseName = 'baton'

// Mirrors shared/store/containers.ts; test/unit/infra checks the two agree.
var containers = [
  {
    name: 'tickets'
    partitionKeyPath: '/ticketNumber'
    indexingPolicy: {
      indexingMode: 'consistent'
      automatic: true
      includedPaths: [
        {
          path: '/*'
        }
      ]
      excludedPaths: [
        {
          path: '/timeline/*'
        }
      ]
      compositeIndexes: [
        [
          {
            path: '/queueId'
            order: 'ascending'
          }
          {
            path: '/slaNextDueAt'
            order: 'ascending'
          }
        ]
        [
          {
            path: '/status'
            order: 'ascending'
          }
          {
            path: '/slaNextDueAt'
            order: 'ascending'
          }
        ]
      ]
    }
  }
  {
    name: 'idempotency'
    partitionKeyPath: '/id'
    indexingPolicy: {
      indexingMode: 'consistent'
      automatic: true
      includedPaths: []
      excludedPaths: [
        {
          path: '/*'
        }
      ]
    }
  }
  {
    name: 'outbox'
    partitionKeyPath: '/id'
    indexingPolicy: {
      indexingMode: 'consistent'
      automatic: true
      includedPaths: [
        {
          path: '/*'
        }
      ]
      excludedPaths: []
      compositeIndexes: [
        [
          {
            path: '/status'
            order: 'ascending'
          }
          {
            path: '/nextAttemptAt'
            order: 'ascending'
          }
        ]
      ]
    }
  }
  {
    name: 'config'
    partitionKeyPath: '/id'
    indexingPolicy: {
      indexingMode: 'consistent'
      automatic: true
      includedPaths: [
        {
          path: '/*'
        }
      ]
      excludedPaths: []
    }
  }
  {
    name: 'conversations'
    partitionKeyPath: '/id'
    indexingPolicy: {
      indexingMode: 'consistent'
      automatic: true
      includedPaths: [
        {
          path: '/purgeAt/?'
        }
      ]
      excludedPaths: [
        {
          path: '/*'
        }
      ]
    }
    // TTL on, no default: each conversation's own `ttl` says when Cosmos DB deletes it.
    defaultTtl: -1
  }
]

// Built-in "Cosmos DB Built-in Data Contributor": read and write items, no control-plane rights.
var dataContributorRoleDefinitionId = '00000000-0000-0000-0000-000000000002'

resource account 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' = {
  name: accountName
  location: location
  tags: tags
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    consistencyPolicy: {
      defaultConsistencyLevel: 'Session'
    }
    locations: [
      {
        locationName: location
        failoverPriority: 0
        isZoneRedundant: false
      }
    ]
    capabilities: throughputMode == 'serverless'
      ? [
          {
            name: 'EnableServerless'
          }
        ]
      : []
    // Point-in-time restore of the account, a database or a container to any second of the window
    // (README: "Restoring Cosmos DB"). Periodic backup would only keep two snapshots four hours apart.
    backupPolicy: {
      type: 'Continuous'
      continuousModeProperties: {
        tier: continuousBackupTier
      }
    }
    disableLocalAuth: true
    disableKeyBasedMetadataWriteAccess: true
    minimalTlsVersion: 'Tls12'
    publicNetworkAccess: 'Enabled'
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-11-15' = {
  parent: account
  name: databaseName
  properties: {
    resource: {
      id: databaseName
    }
    options: throughputMode == 'provisioned'
      ? {
          autoscaleSettings: {
            maxThroughput: autoscaleMaxThroughput
          }
        }
      : {}
  }
}

// One at a time, for the same account lock as the role assignments below.
@batchSize(1)
resource databaseContainers 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-11-15' = [
  for container in containers: {
    parent: database
    name: container.name
    properties: {
      resource: {
        id: container.name
        partitionKey: {
          paths: [
            container.partitionKeyPath
          ]
          kind: 'Hash'
          version: 2
        }
        indexingPolicy: container.indexingPolicy
        defaultTtl: container.?defaultTtl
      }
    }
  }
]

// Scoped to the account, as the built-in role is meant to be used: the SDK reads the account's
// metadata at `/` (regions, and with BATON_COSMOS_ENDPOINT_DISCOVERY on, their endpoints), which a
// database scope would refuse with 403. The account holds nothing but Baton's database.
//
// Cosmos DB takes an exclusive lock on the account for each role assignment and each container
// write and answers 412 "another operation in progress" to a concurrent one, so these run one after
// another: containers, then the app's assignment, then the deployer's.
resource appDataAccess 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-11-15' = {
  parent: account
  name: guid(account.id, appPrincipalId, dataContributorRoleDefinitionId)
  properties: {
    roleDefinitionId: '${account.id}/sqlRoleDefinitions/${dataContributorRoleDefinitionId}'
    principalId: appPrincipalId
    scope: account.id
  }
  dependsOn: [
    databaseContainers
  ]
}

resource deployerDataAccess 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-11-15' = if (!empty(dataContributorPrincipalId)) {
  parent: account
  name: guid(account.id, dataContributorPrincipalId, dataContributorRoleDefinitionId)
  properties: {
    roleDefinitionId: '${account.id}/sqlRoleDefinitions/${dataContributorRoleDefinitionId}'
    principalId: dataContributorPrincipalId
    scope: account.id
  }
  dependsOn: [
    appDataAccess
  ]
}

output accountName string = account.name
output endpoint string = account.properties.documentEndpoint
output databaseName string = database.name
