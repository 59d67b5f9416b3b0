#!/usr/bin/env bash
# Runs the Functions app locally on http://localhost:7071: Azurite on its default ports (data in .azurite/),
# the development key, Auth:Mode=Development and the outbox mailer, all from local.settings.json (created
# from the example on the first run). With `func` (Azure Functions Core Tools) on PATH it runs `func start`;
# otherwise the repository's worker host (tests/Radikalisering.WorkerHost) plays the Functions host.
# Ctrl+C stops everything this script started.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

app=functions/Radikalisering.Functions
settings=$app/local.settings.json
[ -f "$settings" ] || cp "$app/local.settings.json.example" "$settings"

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

pids=()
# The app first (it stops its worker), then Azurite; whatever has not exited after 15 s is killed.
stop_all() {
  trap - EXIT INT TERM
  local index pid
  for ((index = ${#pids[@]} - 1; index >= 0; index--)); do
    pid=${pids[index]}
    kill "$pid" 2>/dev/null || continue
    for _ in $(seq 1 75); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  echo "Stopped."
}
trap stop_all EXIT INT TERM

if listening 10002; then
  echo "An Azurite (or other storage emulator) already listens on 10000-10002; using it."
else
  node_modules/.bin/azurite --silent --location .azurite --skipApiVersionCheck \
    --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 >/dev/null 2>&1 &
  pids+=($!)
  for _ in $(seq 1 100); do listening 10002 && listening 10001 && break; sleep 0.2; done
  listening 10002 || { echo "Azurite did not start (run bash scripts/install.sh first)." >&2; exit 1; }
fi

if command -v func >/dev/null 2>&1; then
  host="Azure Functions Core Tools (func start)"
  outbox="$app/bin/output/outbox"
  (cd "$app" && exec func start --port 7071) &
  pids+=($!)
else
  host="the repository's worker host (no Core Tools on PATH)"
  echo "Building the app and the worker host..."
  build_log=$(mktemp)
  for project in "$app" tests/Radikalisering.WorkerHost; do
    dotnet build "$project" -c Release >"$build_log" 2>&1 || { cat "$build_log" >&2; exit 1; }
  done
  rm -f "$build_log"
  output="$app/bin/Release/net10.0"
  outbox="$output/outbox"
  dotnet tests/Radikalisering.WorkerHost/bin/Release/net10.0/Radikalisering.WorkerHost.dll \
    --app "$output" --settings "$settings" --url http://localhost:7071 &
  pids+=($!)
fi

for _ in $(seq 1 300); do listening 7071 && break; sleep 0.5; done
listening 7071 || { echo "The app did not start listening on 7071." >&2; exit 1; }

principal=$(printf '%s' '{"auth_typ":"aad","claims":[{"typ":"oid","val":"dev-user"},{"typ":"roles","val":"Concerns.ReadWrite"}]}' | base64 | tr -d '\n')
key=$(cat /proc/sys/kernel/random/uuid 2>/dev/null || uuidgen)
cat <<BANNER

The API listens on http://localhost:7071/api/ (host: $host).
Try (a new concern, 201 Created):

  curl -i http://localhost:7071/api/concerns -H "X-MS-CLIENT-PRINCIPAL: $principal" -H "Content-Type: application/json" -H "Idempotency-Key: $key" -d '{ "receivedOn": "2026-03-14", "subjectUnder18": true, "reporter": "municipalEmployee" }'

The annual report: with concerns received last year, run the January timer now (README: "The annual report, locally"):

  curl -i -X POST http://localhost:7071/admin/functions/CompileAnnualReport -H "Content-Type: application/json" -d '{"input":""}'

It lands as an .eml file in $outbox (Report:OutboxDirectory, relative to the worker's folder).
Ctrl+C stops the app and the Azurite this script started.
BANNER

wait -n "${pids[@]}"
