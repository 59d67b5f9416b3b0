#!/usr/bin/env bash
# azd preprovision hook: what main.bicep needs before it can run.
#  1. The operator's settings are present (REPORT_SENDER_MAILBOX, REPORT_RECIPIENTS, OPS_ALERT_EMAILS).
#  2. The Entra ID app registrations exist (ensure-app-registration.sh sets AUTH_CLIENT_ID).
#  3. DATA_KEY_SECRET_EXISTS says whether the data-key secret exists yet, so that main.bicep
#     grants the app read access to it (on a first deployment postprovision.sh does that).
# Idempotent: safe to run on every `azd provision`.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/common.sh"

require_env AZURE_ENV_NAME REPORT_SENDER_MAILBOX REPORT_RECIPIENTS OPS_ALERT_EMAILS

bash "$here/ensure-app-registration.sh"

if [ -n "${AZURE_KEY_VAULT_NAME:-}" ] && [ -n "${AZURE_RESOURCE_GROUP:-}" ] && data_key_secret_exists; then
  remember DATA_KEY_SECRET_EXISTS true
else
  remember DATA_KEY_SECRET_EXISTS false
fi
