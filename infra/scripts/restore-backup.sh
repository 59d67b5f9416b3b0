#!/usr/bin/env bash
# Lists the backup runs, or restores one into empty tables (docs/operations.md "Restore from
# backup"), through the app's Reports.Admin routes with your own Entra ID login. You need the
# Reports.Admin app role; the first time, `az login --scope api://$AUTH_CLIENT_ID/user_impersonation`.
#
#   restore-backup.sh          the complete runs, newest first
#   restore-backup.sh RUN      restore RUN (e.g. 20270112T020000Z-1a2b3c4d); Concerns and
#                              ReportSnapshots must be empty, else nothing is written (409)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/common.sh"

require_env AZURE_FUNCTION_APP_HOST AUTH_CLIENT_ID
api="https://$AZURE_FUNCTION_APP_HOST/api"

if [ $# -eq 0 ]; then
  az rest --method GET --url "$api/backups" --resource "api://$AUTH_CLIENT_ID" --output json
  exit 0
fi

[ $# -eq 1 ] && [[ $1 =~ ^[0-9]{8}T[0-9]{6}Z-[0-9a-f]{8}$ ]] || fail "usage: $0 [RUN], RUN as listed by $0"
log "restoring backup run $1 into the empty tables"
az rest --method POST --url "$api/backups/$1/restore" --resource "api://$AUTH_CLIENT_ID" --output json
