#!/usr/bin/env bash
# Grants the app's managed identity Key Vault Secrets User on the data-key secret, using the
# same Bicep module as main.bicep (modules/dataKeyAccess.bicep). Needed once, on the first
# deployment, because the secret only exists after provisioning; later `azd provision` runs
# keep the assignment in main.bicep (DATA_KEY_SECRET_EXISTS=true). Idempotent.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/common.sh"

require_env AZURE_RESOURCE_GROUP AZURE_KEY_VAULT_NAME DATA_KEY_SECRET_NAME MANAGED_IDENTITY_NAME

az deployment group create --resource-group "$AZURE_RESOURCE_GROUP" --name data-key-access \
  --template-file "$here/../modules/dataKeyAccess.bicep" \
  --parameters keyVaultName="$AZURE_KEY_VAULT_NAME" dataKeySecretName="$DATA_KEY_SECRET_NAME" \
  identityName="$MANAGED_IDENTITY_NAME" --output none
remember DATA_KEY_SECRET_EXISTS true
log "Managed identity $MANAGED_IDENTITY_NAME may read $DATA_KEY_SECRET_NAME"
