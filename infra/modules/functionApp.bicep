// The Function App on the Flex Consumption plan (Linux, .NET 10 isolated worker), running as
// the user-assigned managed identity, behind App Service Authentication with Entra ID.
// Every configuration key of the app (docs/design.md, Configuration) is set here.

@description('Name of the Flex Consumption plan.')
param planName string

@description('Name of the Function App (also its host name).')
param appName string

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

@description('Name of the user-assigned managed identity the app runs as.')
param identityName string

@description('Name of the storage account (tables, queue, host state, deployment package).')
param storageAccountName string

@description('Blob container that holds the deployed app package.')
param deploymentContainerName string

@description('Append-blob container of the hash-chained audit trail.')
param auditTrailContainerName string

@description('Blob container of the daily table backups.')
param backupContainerName string

@description('Name of the Application Insights component.')
param applicationInsightsName string

@description('URI of the Key Vault that holds the data key.')
param keyVaultUri string

@description('Name of the data-key secret.')
param dataKeySecretName string

@description('Client id of the Entra ID app registration that Easy Auth validates tokens for.')
param authClientId string

@description('Disclosure control threshold k.')
param disclosureThreshold int

@description('Mailbox the annual report is sent from.')
param senderMailbox string

@description('Recipients of the annual report.')
param reportRecipients string[]

@description('Years after the annual report that concerns are kept.')
param retentionYearsAfterReport int

@description('Most instances the plan scales out to.')
param maximumInstanceCount int

@description('Memory of each instance in MB.')
param instanceMemoryMB int

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' existing = {
  name: identityName
}

resource storageAccount 'Microsoft.Storage/storageAccounts@2026-06-01' existing = {
  name: storageAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

var platformSettings = [
  // The Functions host's own storage, by managed identity (no connection string, no key).
  { name: 'AzureWebJobsStorage__accountName', value: storageAccount.name }
  { name: 'AzureWebJobsStorage__blobServiceUri', value: storageAccount.properties.primaryEndpoints.blob }
  { name: 'AzureWebJobsStorage__queueServiceUri', value: storageAccount.properties.primaryEndpoints.queue }
  { name: 'AzureWebJobsStorage__tableServiceUri', value: storageAccount.properties.primaryEndpoints.table }
  { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
  { name: 'AzureWebJobsStorage__clientId', value: identity.properties.clientId }
  { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: applicationInsights.properties.ConnectionString }
  { name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', value: 'ClientId=${identity.properties.clientId};Authorization=AAD' }
  // Selects the user-assigned identity for DefaultAzureCredential in the app's own code.
  { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
]

var applicationSettings = [
  { name: 'Storage__TableServiceUri', value: storageAccount.properties.primaryEndpoints.table }
  { name: 'Storage__QueueServiceUri', value: storageAccount.properties.primaryEndpoints.queue }
  { name: 'Storage__BlobServiceUri', value: storageAccount.properties.primaryEndpoints.blob }
  { name: 'Storage__AuditTrailContainer', value: auditTrailContainerName }
  { name: 'Storage__BackupContainer', value: backupContainerName }
  { name: 'KeyVault__VaultUri', value: keyVaultUri }
  { name: 'KeyVault__DataKeySecretName', value: dataKeySecretName }
  { name: 'Auth__Mode', value: 'EasyAuth' }
  { name: 'Disclosure__Threshold', value: string(disclosureThreshold) }
  { name: 'Report__SenderMailbox', value: senderMailbox }
  { name: 'Report__DeliveryMode', value: 'Graph' }
  { name: 'Retention__YearsAfterReport', value: string(retentionYearsAfterReport) }
]

// Report:Recipients is an array; .NET configuration binds it from Report__Recipients__0, __1, ...
var recipientSettings = [
  for (recipient, index) in reportRecipients: { name: 'Report__Recipients__${index}', value: recipient }
]

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
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

resource site 'Microsoft.Web/sites@2025-03-01' = {
  name: appName
  location: location
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientCertEnabled: false
    publicNetworkAccess: 'Enabled'
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      appSettings: concat(platformSettings, applicationSettings, recipientSettings)
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storageAccount.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identity.id
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

// Easy Auth: every request needs a valid Entra ID token for this app registration; anything
// else gets 401 before the code runs. The code then checks the app roles (docs/design.md, Access).
// The one exception is GET /api/health for the availability test: it says only whether storage
// and the data key are reachable.
resource authentication 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: site
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
    }
    globalValidation: {
      requireAuthentication: true
      unauthenticatedClientAction: 'Return401'
      excludedPaths: [
        '/api/health'
      ]
    }
    httpSettings: {
      requireHttps: true
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: authClientId
          openIdIssuer: '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0'
        }
        validation: {
          allowedAudiences: [
            authClientId
            'api://${authClientId}'
          ]
        }
      }
    }
    login: {
      tokenStore: {
        enabled: false
      }
    }
  }
}

// No FTP and no basic (user name and password) publishing; deployments use Entra ID.
resource ftpPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

output name string = site.name
output defaultHostName string = site.properties.defaultHostName
