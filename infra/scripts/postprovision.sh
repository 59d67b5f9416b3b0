#!/usr/bin/env bash
# azd postprovision hook: the steps Bicep cannot do, in order. Idempotent.
#  1. Generate the data key into Key Vault if it does not exist.
#  2. On the first deployment, grant the app read access to that secret.
#  3. Check that the managed identity has no tenant-wide Graph Mail.Send grant.
#  4. Write the custom connector for this deployment.
# The Exchange Online step (Grant-MailboxScope.ps1) needs an Exchange administrator's
# interactive sign-in and is printed, not run.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/common.sh"

require_env MANAGED_IDENTITY_CLIENT_ID MANAGED_IDENTITY_PRINCIPAL_ID REPORT_SENDER_MAILBOX

bash "$here/ensure-data-key.sh"
if [ "${DATA_KEY_SECRET_EXISTS:-false}" != true ]; then
  bash "$here/grant-data-key-access.sh"
fi
bash "$here/check-mail-permission.sh"
bash "$here/render-connector.sh"

cat >&2 <<TEXT

Next, as an Exchange Online administrator (once per environment):
  pwsh infra/scripts/Grant-MailboxScope.ps1 -ManagedIdentityClientId $MANAGED_IDENTITY_CLIENT_ID \\
    -ManagedIdentityObjectId $MANAGED_IDENTITY_PRINCIPAL_ID -SenderMailbox $REPORT_SENDER_MAILBOX
Then assign the app roles to people and import the connector (README.md "Deploy").
TEXT
