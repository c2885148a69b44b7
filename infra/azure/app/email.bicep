// Azure Communication Services Email: an Email service with its Azure-managed domain and, if asked
// for, the organisation's own, linked to a Communication Services resource whose access keys are
// disabled. The app identity may send through it and do nothing else.

param emailServiceName string
param communicationServiceName string
param tags object = {}

@description('Where ACS keeps email data at rest (a geography such as "United States" or "Europe").')
param dataLocation string

@description('The organisation\'s own domain to send from. Empty: the Azure-managed domain only.')
param customDomain string = ''

@description('Link the custom domain and send from it. Only once its DNS records are verified: Communication Services links verified domains only.')
param linkCustomDomain bool = false

@description('Local part of the sender address on the custom domain. The Azure-managed domain always sends as DoNotReply.')
param senderUsername string = 'DoNotReply'

@description('Display name recipients see for the sender.')
param senderDisplayName string = 'Baton Support'

@description('Principal id of the app identity.')
param appPrincipalId string

@description('Role definition (resource id) that lets the app identity send. Empty: none yet (the custom role is assigned on the provision after the one that defines it).')
param senderRoleDefinitionId string

var hasCustomDomain = !empty(customDomain)
var sendsFromCustomDomain = linkCustomDomain
  ? (hasCustomDomain ? true : fail('linkCustomDomain is true but no custom email domain is set (BATON_CUSTOM_EMAIL_DOMAIN).'))
  : false

resource emailService 'Microsoft.Communication/emailServices@2023-04-01' = {
  name: emailServiceName
  location: 'global'
  tags: tags
  properties: {
    dataLocation: dataLocation
  }
}

// Always there: it sends from the first provisioning, and while a custom domain awaits verification.
// An Azure-managed domain must be named AzureManagedDomain; it comes with the DoNotReply sender.
resource managedDomain 'Microsoft.Communication/emailServices/domains@2023-04-01' = {
  parent: emailService
  name: 'AzureManagedDomain'
  location: 'global'
  tags: tags
  properties: {
    domainManagement: 'AzureManaged'
    userEngagementTracking: 'Disabled'
  }
}

// Step one of two: the domain is created and its verificationRecords are the DNS records to add.
// Step two, once Azure has verified them, is a provision with linkCustomDomain.
resource customEmailDomain 'Microsoft.Communication/emailServices/domains@2023-04-01' = if (hasCustomDomain) {
  parent: emailService
  // ARM validates a skipped resource's name too, and an empty segment is invalid.
  name: hasCustomDomain ? customDomain : 'unused'
  location: 'global'
  tags: tags
  properties: {
    domainManagement: 'CustomerManaged'
    userEngagementTracking: 'Disabled'
  }
}

// The resource name and the username are one string, so the address is the one the operator chose.
resource customSender 'Microsoft.Communication/emailServices/domains/senderUsernames@2023-04-01' = if (hasCustomDomain) {
  parent: customEmailDomain
  name: senderUsername
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
    linkedDomains: sendsFromCustomDomain
      ? [
          managedDomain.id
          customEmailDomain.id
        ]
      : [
          managedDomain.id
        ]
    disableLocalAuth: true
  }
}

resource appSenderRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(senderRoleDefinitionId)) {
  name: guid(communicationService.id, appPrincipalId, senderRoleDefinitionId)
  scope: communicationService
  properties: {
    roleDefinitionId: senderRoleDefinitionId
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

output endpoint string = 'https://${communicationService.properties.hostName}'
// fromSenderDomain is the domain recipients see; mailFromSenderDomain is the envelope (bounce) domain,
// which for a custom domain may differ.
output senderAddress string = sendsFromCustomDomain
  ? '${senderUsername}@${customEmailDomain.properties.fromSenderDomain}'
  : 'DoNotReply@${managedDomain.properties.fromSenderDomain}'
@description('DNS records that verify the custom domain (Domain, SPF, DKIM, DKIM2, DMARC); empty without one.')
output customDomainVerificationRecords object = hasCustomDomain ? customEmailDomain.properties.verificationRecords : {}
output communicationServiceName string = communicationService.name
output emailServiceName string = emailService.name
