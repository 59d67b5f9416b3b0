#!/usr/bin/env bash
# Generates the 256-bit data key (docs/design.md, Encryption) into Key Vault if the secret does not exist.
#   ensure-data-key.sh            create the secret if absent; never overwrites
#   ensure-data-key.sh --rotate   add a new version (key rotation, README.md "Rotate the data key")
# The key is made by `openssl rand` and piped to Key Vault through a private temporary file;
# it never appears on a command line, in a log or in a deployment.
# Writing a secret needs Key Vault Secrets Officer. The vault grants no standing write access,
# so the script gives the signed-in operator that role on the vault for the duration of the
# write and removes it again (the operator must be allowed to assign roles: Owner or
# User Access Administrator on the resource group).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/common.sh"

require_env AZURE_RESOURCE_GROUP AZURE_KEY_VAULT_NAME DATA_KEY_SECRET_NAME

rotate=false
case "${1:-}" in
  "") ;;
  --rotate) rotate=true ;;
  *) fail "usage: $0 [--rotate]" ;;
esac

if ! $rotate && data_key_secret_exists; then
  log "Data key $DATA_KEY_SECRET_NAME already exists in $AZURE_KEY_VAULT_NAME; left unchanged"
  exit 0
fi

secrets_officer_role=b86a8fe4-44ce-4948-aee5-eccb2c155cd7
vault_id=$(az keyvault show --name "$AZURE_KEY_VAULT_NAME" --resource-group "$AZURE_RESOURCE_GROUP" --query id -o tsv)
operator_id=$(az ad signed-in-user show --query id -o tsv)
temporary_assignment=
if [ -z "$(az role assignment list --assignee "$operator_id" --role "$secrets_officer_role" --scope "$vault_id" --query '[0].id' -o tsv)" ]; then
  temporary_assignment=$(az role assignment create --assignee-object-id "$operator_id" --assignee-principal-type User \
    --role "$secrets_officer_role" --scope "$vault_id" --query id -o tsv)
fi
key_file=$(mktemp)
chmod 600 "$key_file"
cleanup() {
  rm -f "$key_file"
  if [ -n "$temporary_assignment" ]; then
    az role assignment delete --ids "$temporary_assignment" --output none ||
      log "Remove the temporary role assignment $temporary_assignment by hand"
  fi
}
trap cleanup EXIT

openssl rand -base64 32 | tr -d '\n' >"$key_file"

# A new role assignment takes a while to reach Key Vault; retry for up to five minutes.
for attempt in $(seq 1 30); do
  if az keyvault secret set --vault-name "$AZURE_KEY_VAULT_NAME" --name "$DATA_KEY_SECRET_NAME" \
    --file "$key_file" --encoding utf-8 --content-type "application/octet-stream; base64" \
    --query id -o tsv >/dev/null 2>&1; then
    if $rotate; then log "Data key rotated: new version of $DATA_KEY_SECRET_NAME"; else log "Data key $DATA_KEY_SECRET_NAME created"; fi
    exit 0
  fi
  log "Waiting for the temporary Key Vault role assignment to take effect ($attempt/30)"
  sleep 10
done
fail "could not write $DATA_KEY_SECRET_NAME to $AZURE_KEY_VAULT_NAME"
