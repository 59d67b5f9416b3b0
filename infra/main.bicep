// Radikalisering.Functions: everything the app needs in one resource group. Deployed by
// `azd up` (azure.yaml) with main.bicepparam; see README.md "Deploy" for the steps around it.
targetScope = 'subscription'

@minLength(1)
@maxLength(40)
@description('azd environment name; names the resource group and seeds the resource names.')
param environmentName string

@minLength(1)
@description('Azure region for every resource.')
param location string

@description('Client id of the Entra ID app registration (scripts/ensure-app-registration.sh) that Easy Auth validates tokens for.')
param authClientId string

@description('Mailbox the annual report is sent from (Exchange Online, scoped by scripts/Grant-MailboxScope.ps1).')
param senderMailbox string

@minLength(1)
@description('Leadership addresses that receive the annual report.')
param reportRecipients string[]

@minLength(1)
@description('IT operations addresses that receive the alerts (azd environment value OPS_ALERT_EMAILS).')
param opsAlertEmails string[]

@minValue(3)
@description('Disclosure control threshold k: published cells below it are suppressed.')
param disclosureThreshold int = 5

@minValue(1)
@description('Years after the annual report that concerns are kept.')
param retentionYearsAfterReport int = 5

@minValue(7)
@maxValue(365)
@description('Days a daily backup run is kept; deleted or overwritten blobs stay recoverable as long.')
param backupRetentionDays int = 35

@description('Name of the Key Vault secret that holds the 256-bit data key.')
param dataKeySecretName string = 'concerns-data-key'

@description('Whether the data-key secret already exists, so that read access to it can be granted (set by scripts/preprovision.sh).')
param dataKeySecretExists bool = false

@description('Replication of the storage account.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param storageSkuName string = 'Standard_ZRS'

@minValue(40)
@maxValue(1000)
@description('Most instances the Flex Consumption plan scales out to.')
param maximumInstanceCount int = 40

@allowed([
  2048
  4096
])
@description('Memory of each Flex Consumption instance in MB.')
param instanceMemoryMB int = 2048

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var identityName = 'id-${resourceToken}'
var storageAccountName = 'st${resourceToken}'
var keyVaultName = 'kv-${resourceToken}'
var applicationInsightsName = 'appi-${resourceToken}'
var tags = {
  'azd-env-name': environmentName
  application: 'radikalisering'
}

resource resourceGroup 'Microsoft.Resources/resourceGroups@2025-04-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  scope: resourceGroup
  params: {
    name: identityName
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  scope: resourceGroup
  dependsOn: [
    identity
  ]
  params: {
    logAnalyticsName: 'log-${resourceToken}'
    applicationInsightsName: applicationInsightsName
    location: location
    tags: tags
    identityName: identityName
  }
}

module storage 'modules/storage.bicep' = {
  scope: resourceGroup
  dependsOn: [
    identity
  ]
  params: {
    name: storageAccountName
    location: location
    tags: tags
    skuName: storageSkuName
    deploymentContainerName: 'app-package'
    identityName: identityName
    retentionYearsAfterReport: retentionYearsAfterReport
    auditTrailContainerName: 'audit-trail'
    backupContainerName: 'backups'
    backupRetentionDays: backupRetentionDays
  }
}

module keyVault 'modules/keyVault.bicep' = {
  scope: resourceGroup
  params: {
    name: keyVaultName
    location: location
    tags: tags
  }
}

module dataKeyAccess 'modules/dataKeyAccess.bicep' = if (dataKeySecretExists) {
  scope: resourceGroup
  dependsOn: [
    identity
    keyVault
  ]
  params: {
    keyVaultName: keyVaultName
    dataKeySecretName: dataKeySecretName
    identityName: identityName
  }
}

module functionApp 'modules/functionApp.bicep' = {
  scope: resourceGroup
  dependsOn: [
    identity
    monitoring
  ]
  params: {
    planName: 'plan-${resourceToken}'
    appName: 'func-${resourceToken}'
    location: location
    tags: tags
    identityName: identityName
    storageAccountName: storageAccountName
    deploymentContainerName: storage.outputs.deploymentContainerName
    auditTrailContainerName: storage.outputs.auditTrailContainerName
    backupContainerName: storage.outputs.backupContainerName
    applicationInsightsName: applicationInsightsName
    keyVaultUri: keyVault.outputs.uri
    dataKeySecretName: dataKeySecretName
    authClientId: authClientId
    disclosureThreshold: disclosureThreshold
    senderMailbox: senderMailbox
    reportRecipients: reportRecipients
    retentionYearsAfterReport: retentionYearsAfterReport
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
  }
}

// Needs the Function App's host name, so it runs after the app (and so after everything else).
module alerts 'modules/alerts.bicep' = {
  scope: resourceGroup
  params: {
    location: location
    tags: tags
    applicationInsightsName: applicationInsightsName
    storageAccountName: storageAccountName
    keyVaultName: keyVaultName
    functionAppHostName: functionApp.outputs.defaultHostName
    alertEmails: opsAlertEmails
    namePrefix: 'radikalisering-${resourceToken}'
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = resourceGroup.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output AZURE_FUNCTION_APP_HOST string = functionApp.outputs.defaultHostName
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_KEY_VAULT_URI string = keyVault.outputs.uri
output DATA_KEY_SECRET_NAME string = dataKeySecretName
output MANAGED_IDENTITY_NAME string = identity.outputs.name
output MANAGED_IDENTITY_PRINCIPAL_ID string = identity.outputs.principalId
output MANAGED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
