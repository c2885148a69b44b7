// Azure Communication Services Email: an Email service with one sending domain (Azure-managed by
// default, or the organisation's own), linked to a Communication Services resource whose access
// keys are disabled. The app identity may send through it and do nothing else.

param emailServiceName string
param communicationServiceName string
param tags object = {}

@description('Where ACS keeps email data at rest (a geography such as "United States" or "Europe").')
param dataLocation string

@description('The organisation\'s own domain to send from (needs DNS verification after deployment). Empty: an Azure-managed *.azurecomm.net domain.')
param customDomain string = ''

@description('Local part of the sender address on a custom domain. Azure-managed domains always send as DoNotReply.')
param senderUsername string = 'DoNotReply'

@description('Display name recipients see for the sender.')
param senderDisplayName string = 'Baton Support'

@description('Principal id of the app identity.')
param appPrincipalId string

@description('Role definition (resource id) that lets the app identity send: the narrow Baton sender role, or the built-in Communication and Email Service Owner.')
param senderRoleDefinitionId string

var useCustomDomain = !empty(customDomain)

resource emailService 'Microsoft.Communication/emailServices@2023-04-01' = {
  name: emailServiceName
  location: 'global'
  tags: tags
  properties: {
    dataLocation: dataLocation
  }
}

// An Azure-managed domain must be named AzureManagedDomain.
resource domain 'Microsoft.Communication/emailServices/domains@2023-04-01' = {
  parent: emailService
  name: useCustomDomain ? customDomain : 'AzureManagedDomain'
  location: 'global'
  tags: tags
  properties: {
    domainManagement: useCustomDomain ? 'CustomerManaged' : 'AzureManaged'
    userEngagementTracking: 'Disabled'
  }
}

resource customSender 'Microsoft.Communication/emailServices/domains/senderUsernames@2023-04-01' = if (useCustomDomain) {
  parent: domain
  name: toLower(senderUsername)
  properties: {
    username: senderUsername
    displayName: senderDisplayName
  }
}

resource communicationService 'Microsoft.Communication/communicationServices@2025-05-01' = {
  name: communicationServiceName
  location: 'global'
  tags: tags
  properties: {
    dataLocation: dataLocation
    linkedDomains: [
      domain.id
    ]
    disableLocalAuth: true
  }
}

resource appSenderRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(communicationService.id, appPrincipalId, senderRoleDefinitionId)
  scope: communicationService
  properties: {
    roleDefinitionId: senderRoleDefinitionId
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

output endpoint string = 'https://${communicationService.properties.hostName}'
output senderAddress string = useCustomDomain
  ? '${senderUsername}@${customDomain}'
  : 'DoNotReply@${domain.properties.mailFromSenderDomain}'
output communicationServiceName string = communicationService.name
