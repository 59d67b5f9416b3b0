#!/usr/bin/env bash
# The app sends the annual report with Graph sendMail as its managed identity. That permission
# is granted by Exchange Online RBAC for Applications, scoped to the sender mailbox
# (Grant-MailboxScope.ps1). An Entra ID (Graph) Mail.Send application permission on the same
# identity would be tenant-wide and, because both grants add up, would make the mailbox scope
# meaningless. This script checks that no such Entra ID grant exists and, with --remove,
# removes it. Needs: az login with permission to read (and to remove: Privileged Role
# Administrator or Cloud Application Administrator) app role assignments.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/common.sh"

require_env MANAGED_IDENTITY_PRINCIPAL_ID

graph_app_id=00000003-0000-0000-c000-000000000000
graph_sp_id=$(az rest --method GET --url "$graph/servicePrincipals(appId='$graph_app_id')?\$select=id" --query id -o tsv)
mail_send_role_id=$(az rest --method GET --url "$graph/servicePrincipals(appId='$graph_app_id')?\$select=appRoles" \
  --query "appRoles[?value=='Mail.Send'].id | [0]" -o tsv)
grants=$(az rest --method GET --url "$graph/servicePrincipals/$MANAGED_IDENTITY_PRINCIPAL_ID/appRoleAssignments" \
  --query "value[?resourceId=='$graph_sp_id' && appRoleId=='$mail_send_role_id'].id" -o tsv)

if [ -z "$grants" ]; then
  log "No tenant-wide Graph Mail.Send grant on the managed identity (as intended)"
  exit 0
fi
if [ "${1:-}" != "--remove" ]; then
  fail "the managed identity has a tenant-wide Graph Mail.Send grant; run $0 --remove"
fi
for grant in $grants; do
  az rest --method DELETE --url "$graph/servicePrincipals/$MANAGED_IDENTITY_PRINCIPAL_ID/appRoleAssignments/$grant" --output none
done
log "Removed the tenant-wide Graph Mail.Send grant; Grant-MailboxScope.ps1 grants the scoped one"
