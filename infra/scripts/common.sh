# Shared helpers for the deployment scripts; sourced, not run.
# Every script reads its inputs from the environment: azd exports the azd environment
# (.azure/<env>/.env, including the Bicep outputs) to hooks, and outside azd
# `set -a; source .azure/<env>/.env; set +a` gives the same.

graph=https://graph.microsoft.com/v1.0

log() { printf '==> %s\n' "$*" >&2; }
fail() { printf 'error: %s\n' "$*" >&2; exit 1; }

require_env() {
  local name
  for name in "$@"; do
    [ -n "${!name:-}" ] || fail "$name is not set (azd env set $name <value>)"
  done
}

# Records a value in the azd environment when running under azd, so later hooks and
# `azd provision` see it; outside azd it is only printed.
remember() {
  if command -v azd >/dev/null 2>&1 && [ -n "${AZURE_ENV_NAME:-}" ]; then
    azd env set "$1" "$2" >/dev/null
  fi
  export "$1=$2"
  log "$1=$2"
}

# The ARM resource id of the data-key secret (a control-plane resource: reading it needs no
# access to the secret's value).
data_key_secret_id() {
  local subscription
  subscription=$(az account show --query id -o tsv)
  printf '/subscriptions/%s/resourceGroups/%s/providers/Microsoft.KeyVault/vaults/%s/secrets/%s' \
    "$subscription" "$AZURE_RESOURCE_GROUP" "$AZURE_KEY_VAULT_NAME" "$DATA_KEY_SECRET_NAME"
}

data_key_secret_exists() {
  az resource show --ids "$(data_key_secret_id)" --query id -o tsv >/dev/null 2>&1
}
