// The Durable Task Scheduler: Microsoft's managed backend for Durable Functions, with the task hub
// the app runs its lifecycles in and the Durable Task Data Contributor role for the app identity on
// that task hub only. It accepts identities only (no keys, no connection secrets). The deployer may
// get the same role to use the scheduler's dashboard.

param name string
param location string
param tags object = {}

@description('Task hub name; the app\'s host.json names it through BATON_TASK_HUB.')
param taskHubName string

@description('Consumption (pay per action) or Dedicated (reserved capacity units).')
@allowed([
  'Consumption'
  'Dedicated'
])
param skuName string = 'Consumption'

@minValue(1)
@maxValue(3)
@description('Capacity units of a Dedicated scheduler (3 for high availability).')
param dedicatedCapacity int = 1

@description('Principal id of the app identity.')
param appPrincipalId string

@description('Optional principal (the deployer) that may open the scheduler dashboard. Empty: none.')
param dashboardPrincipalId string = ''

// Built-in "Durable Task Data Contributor": every data operation on task hubs (what a Durable
// Functions app needs to start, run and query orchestrations).
var durableTaskDataContributorRoleId = '0ad04412-c4d5-4796-b79c-f76d14c8d402'

resource scheduler 'Microsoft.DurableTask/schedulers@2025-11-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    sku: skuName == 'Dedicated'
      ? {
          name: skuName
          capacity: dedicatedCapacity
        }
      : {
          name: skuName
        }
    // An empty list refuses every caller; access is still by Entra ID token and role only.
    ipAllowlist: [
      '0.0.0.0/0'
    ]
  }
}

resource taskHub 'Microsoft.DurableTask/schedulers/taskHubs@2025-11-01' = {
  parent: scheduler
  name: taskHubName
}

resource appTaskHubAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(taskHub.id, appPrincipalId, durableTaskDataContributorRoleId)
  scope: taskHub
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', durableTaskDataContributorRoleId)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource dashboardAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(dashboardPrincipalId)) {
  name: guid(taskHub.id, dashboardPrincipalId, durableTaskDataContributorRoleId)
  scope: taskHub
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', durableTaskDataContributorRoleId)
    principalId: dashboardPrincipalId
  }
}

output name string = scheduler.name
output endpoint string = scheduler.properties.endpoint
output taskHubName string = taskHub.name
