// The storage account: the app's tables and queue, the tamper-evident audit trail, the daily
// backups, the Functions host's own state (AzureWebJobsStorage) and the Flex Consumption
// deployment container. Shared keys are disabled, so every caller authenticates with Entra ID;
// the app's managed identity gets exactly the three data roles it needs, on this account only.
// Blobs are versioned and soft deleted, so an overwritten or deleted backup can be recovered.

@description('Name of the storage account (3-24 lowercase letters and digits).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

@description('Replication of the storage account.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param skuName string

@description('Blob container that holds the deployed app package.')
param deploymentContainerName string

@description('Name of the Function App\'s user-assigned managed identity.')
param identityName string

@minValue(1)
@description('Years after the annual report that concerns are kept; the audit trail is kept longer.')
param retentionYearsAfterReport int

@description('Append-blob container of the hash-chained audit trail.')
param auditTrailContainerName string

@description('Blob container of the daily table backups.')
param backupContainerName string

@minValue(7)
@description('Days a deleted or overwritten blob (a backup above all) stays recoverable, and days a backup run is kept.')
param backupRetentionDays int

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' existing = {
  name: identityName
}

var tableNames = [
  'Concerns'
  'AuditLog'
  'ReportSnapshots'
]

// The Functions runtime creates the matching "-poison" queue itself on the first failed message.
var queueNames = [
  'report-ready'
]

resource storageAccount 'Microsoft.Storage/storageAccounts@2026-06-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: skuName
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
    encryption: {
      keySource: 'Microsoft.Storage'
      requireInfrastructureEncryption: true
      services: {
        blob: {
          enabled: true
          keyType: 'Account'
        }
        file: {
          enabled: true
          keyType: 'Account'
        }
        table: {
          enabled: true
          keyType: 'Account'
        }
        queue: {
          enabled: true
          keyType: 'Account'
        }
      }
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2026-06-01' = {
  parent: storageAccount
  name: 'default'
  properties: {
    isVersioningEnabled: true
    deleteRetentionPolicy: {
      enabled: true
      days: backupRetentionDays
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: backupRetentionDays
    }
  }
}

// The audit trail: append blobs under a time-based retention policy that allows only protected
// appends, so nobody (the app's identity included) can change or delete an entry until the
// period is over. It runs from each blob's creation and outlasts the concerns the entries are
// about: the year they were received, plus the report's January, plus the retention years.
// Lock the policy after the first deployment (docs/operations.md): unlocked, an Azure owner could remove it.
resource auditTrailContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2026-06-01' = {
  parent: blobService
  name: auditTrailContainerName
  properties: {
    publicAccess: 'None'
  }
}

resource auditTrailImmutability 'Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies@2026-06-01' = {
  parent: auditTrailContainer
  name: 'default'
  properties: {
    immutabilityPeriodSinceCreationInDays: (retentionYearsAfterReport + 2) * 366
    allowProtectedAppendWrites: true
  }
}

// The backups: versioned and soft deleted (blob service above), not immutable, because retention
// must be able to delete an expired year from them (docs/operations.md "Backup and restore").
resource backupContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2026-06-01' = {
  parent: blobService
  name: backupContainerName
  properties: {
    publicAccess: 'None'
  }
}

// Old backup runs and old versions of any blob are removed after the retention days, so the
// backups hold no year longer than that after retention deleted it.
resource lifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2026-06-01' = {
  parent: storageAccount
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'expire-backup-runs'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: [
                'blockBlob'
              ]
              prefixMatch: [
                '${backupContainerName}/'
              ]
            }
            actions: {
              baseBlob: {
                delete: {
                  daysAfterCreationGreaterThan: backupRetentionDays
                }
              }
            }
          }
        }
        {
          name: 'expire-old-versions'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: [
                'blockBlob'
              ]
            }
            actions: {
              version: {
                delete: {
                  daysAfterCreationGreaterThan: backupRetentionDays
                }
              }
            }
          }
        }
      ]
    }
  }
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2026-06-01' = {
  parent: blobService
  name: deploymentContainerName
  properties: {
    publicAccess: 'None'
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2026-06-01' = {
  parent: storageAccount
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2026-06-01' = [
  for tableName in tableNames: {
    parent: tableService
    name: tableName
  }
]

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2026-06-01' = {
  parent: storageAccount
  name: 'default'
}

resource queues 'Microsoft.Storage/storageAccounts/queueServices/queues@2026-06-01' = [
  for queueName in queueNames: {
    parent: queueService
    name: queueName
  }
]

// Storage Table Data Contributor: the Concerns, AuditLog and ReportSnapshots tables.
resource tableDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storageAccount.id, identity.id, '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3')
  scope: storageAccount
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3')
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// Storage Queue Data Contributor: the report-ready queue and its poison queue.
resource queueDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storageAccount.id, identity.id, '974c5e8b-45b9-4653-ba55-5f855dd0fb88')
  scope: storageAccount
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '974c5e8b-45b9-4653-ba55-5f855dd0fb88')
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// Storage Blob Data Owner: required by the Functions host for AzureWebJobsStorage (leases,
// timer schedule monitor, keys) and to read the deployment package. The app's audit trail and
// backups need no more than that; the audit trail's immutability policy, not RBAC, is what keeps
// the app (or anyone) from changing it.
resource blobDataOwner 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storageAccount.id, identity.id, 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b')
  scope: storageAccount
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b')
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

output name string = storageAccount.name
output deploymentContainerName string = deploymentContainer.name
output auditTrailContainerName string = auditTrailContainer.name
output backupContainerName string = backupContainer.name
