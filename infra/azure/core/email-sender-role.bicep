// The narrowest role that lets an identity send email through Azure Communication Services with an
// Entra ID token (there is no built-in send-only role). Role definitions live at subscription level,
// so this module is deployed there; it may only be assigned inside Baton's resource group.

targetScope = 'subscription'

@description('The role definition\'s name (a GUID), chosen by the caller so it can refer to the role before it exists.')
param roleDefinitionName string

@description('Resource id of the resource group the role may be assigned in.')
param assignableResourceGroupId string

@description('Name of that resource group, to tell the role apart from other environments\' ones.')
param resourceGroupName string

resource senderRole 'Microsoft.Authorization/roleDefinitions@2022-04-01' = {
  name: roleDefinitionName
  properties: {
    roleName: 'Baton email sender (${resourceGroupName}, ${take(roleDefinitionName, 8)})'
    description: 'Send email through Azure Communication Services with an Entra ID token.'
    type: 'CustomRole'
    permissions: [
      {
        actions: [
          'Microsoft.Communication/CommunicationServices/Read'
          'Microsoft.Communication/CommunicationServices/Write'
          'Microsoft.Communication/EmailServices/write'
        ]
        notActions: []
      }
    ]
    assignableScopes: [
      assignableResourceGroupId
    ]
  }
}

output id string = senderRole.id
