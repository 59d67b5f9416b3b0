#!/usr/bin/env bash
# Creates or updates (idempotently, by uniqueName upsert) the two Entra ID app registrations:
#  - radikalisering-<env>-api: the resource Easy Auth validates tokens for. It exposes the
#    delegated scope user_impersonation and the three app roles of docs/design.md (Access) with fixed ids,
#    so role assignments survive re-runs. Its service principal requires assignment, so only
#    users given a role can get a token at all.
#  - radikalisering-<env>-connector: the OAuth client of the Power Platform custom connector.
# Sets AUTH_CLIENT_ID (the API) and CONNECTOR_CLIENT_ID in the azd environment.
# Needs: az login as a user who may create app registrations (Application Developer or
# Cloud Application Administrator).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/common.sh"

require_env AZURE_ENV_NAME

# Fixed ids: an app role's id must not change once users are assigned to it.
concerns_read_write_role_id=ccdddf45-e99c-491c-b0f2-921fcfaef977
reports_read_role_id=aa42ce8e-846e-41f7-abd4-453a18c220e9
reports_admin_role_id=9d47a1dd-3a53-4e17-8c24-594ed255a8de
user_impersonation_scope_id=cbf70872-c001-49a6-93aa-ddfc47d4f0c3

api_unique_name="radikalisering-${AZURE_ENV_NAME}-api"
connector_unique_name="radikalisering-${AZURE_ENV_NAME}-connector"

upsert_application() {
  az rest --method PATCH --url "$graph/applications(uniqueName='$1')" \
    --headers "Content-Type=application/json" "Prefer=create-if-missing" --body "$2" --output none
}

application_field() {
  az rest --method GET --url "$graph/applications(uniqueName='$1')?\$select=$2" --query "$2" -o tsv
}

ensure_service_principal() {
  local app_id=$1
  if [ -z "$(az rest --method GET --url "$graph/servicePrincipals?\$filter=appId eq '$app_id'&\$select=id" --query 'value[0].id' -o tsv)" ]; then
    az rest --method POST --url "$graph/servicePrincipals" \
      --headers "Content-Type=application/json" --body "{\"appId\":\"$app_id\"}" --output none
  fi
  az rest --method PATCH --url "$graph/servicePrincipals(appId='$app_id')" \
    --headers "Content-Type=application/json" --body "$2" --output none
}

log "Entra ID app registration $api_unique_name"
upsert_application "$api_unique_name" "$(cat <<JSON
{
  "displayName": "Radikalisering ($AZURE_ENV_NAME) API",
  "signInAudience": "AzureADMyOrg",
  "api": {
    "requestedAccessTokenVersion": 2,
    "oauth2PermissionScopes": [
      {
        "id": "$user_impersonation_scope_id",
        "value": "user_impersonation",
        "type": "User",
        "isEnabled": true,
        "adminConsentDisplayName": "Access the radicalisation statistics API",
        "adminConsentDescription": "Lets the Power Platform connector call the API as the signed-in user; the user's app roles decide what is allowed.",
        "userConsentDisplayName": "Access the radicalisation statistics API",
        "userConsentDescription": "Lets the app call the API as you."
      }
    ]
  },
  "appRoles": [
    {
      "id": "$concerns_read_write_role_id",
      "value": "Concerns.ReadWrite",
      "displayName": "TK staff: record and correct concerns",
      "description": "Record, read, correct and delete concerns.",
      "allowedMemberTypes": ["User"],
      "isEnabled": true
    },
    {
      "id": "$reports_read_role_id",
      "value": "Reports.Read",
      "displayName": "Leadership: read the published statistics",
      "description": "Read the published (suppressed) annual statistics.",
      "allowedMemberTypes": ["User"],
      "isEnabled": true
    },
    {
      "id": "$reports_admin_role_id",
      "value": "Reports.Admin",
      "displayName": "Operations: compile and send the annual report",
      "description": "Compile and send the annual report on demand.",
      "allowedMemberTypes": ["User", "Application"],
      "isEnabled": true
    }
  ]
}
JSON
)"
api_app_id=$(application_field "$api_unique_name" appId)
upsert_application "$api_unique_name" "{\"identifierUris\": [\"api://$api_app_id\"]}"
ensure_service_principal "$api_app_id" '{"appRoleAssignmentRequired": true}'

log "Entra ID app registration $connector_unique_name"
upsert_application "$connector_unique_name" "$(cat <<JSON
{
  "displayName": "Radikalisering ($AZURE_ENV_NAME) Power Platform connector",
  "signInAudience": "AzureADMyOrg",
  "web": {
    "redirectUris": ["https://global.consent.azure-apim.net/redirect"]
  },
  "requiredResourceAccess": [
    {
      "resourceAppId": "$api_app_id",
      "resourceAccess": [{ "id": "$user_impersonation_scope_id", "type": "Scope" }]
    }
  ]
}
JSON
)"
connector_app_id=$(application_field "$connector_unique_name" appId)
ensure_service_principal "$connector_app_id" '{"appRoleAssignmentRequired": false}'

remember AUTH_CLIENT_ID "$api_app_id"
remember CONNECTOR_CLIENT_ID "$connector_app_id"
