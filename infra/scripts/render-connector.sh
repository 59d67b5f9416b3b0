#!/usr/bin/env bash
# Writes the custom connector for this deployment to infra/connector/out/: the definition
# with the Function App's host name and the properties with the tenant, the connector's
# client id and the API's resource URI. Import that folder (README.md "Power Platform").
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/common.sh"

require_env AZURE_FUNCTION_APP_HOST AZURE_TENANT_ID AUTH_CLIENT_ID CONNECTOR_CLIENT_ID

source_dir="$here/../connector"
out_dir="$source_dir/out"
mkdir -p "$out_dir"

jq --arg host "$AZURE_FUNCTION_APP_HOST" '.host = $host' \
  "$source_dir/apiDefinition.swagger.json" >"$out_dir/apiDefinition.swagger.json"

jq --arg client "$CONNECTOR_CLIENT_ID" --arg tenant "$AZURE_TENANT_ID" --arg resource "api://$AUTH_CLIENT_ID" '
  .properties.connectionParameters.token.oAuthSettings |= (
    .clientId = $client
    | .properties.AzureActiveDirectoryResourceId = $resource
    | .customParameters.tenantId.value = $tenant
    | .customParameters.resourceUri.value = $resource)' \
  "$source_dir/apiProperties.json" >"$out_dir/apiProperties.json"

log "Connector for $AZURE_FUNCTION_APP_HOST written to $out_dir"
