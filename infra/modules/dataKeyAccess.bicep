// Key Vault Secrets User for the app's managed identity on the one data-key secret, not on
// the vault: the app can read that secret's versions and nothing else in the vault.
// Deployed once the secret exists (scripts/ensure-data-key.sh creates it after provisioning).

@description('Name of the Key Vault that holds the data key.')
param keyVaultName string

@description('Name of the data-key secret.')
param dataKeySecretName string

@description('Name of the Function App\'s user-assigned managed identity.')
param identityName string

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' existing = {
  name: identityName
}

resource vault 'Microsoft.KeyVault/vaults@2026-05-15' existing = {
  name: keyVaultName
}

resource dataKey 'Microsoft.KeyVault/vaults/secrets@2026-05-15' existing = {
  parent: vault
  name: dataKeySecretName
}

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(dataKey.id, identity.id, '4633458b-17de-408a-b874-0445c86b69e6')
  scope: dataKey
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}
