#!/usr/bin/env bash
# Installs what a local run and the tests need on a fresh clone: Azurite (npm ci) and the NuGet packages.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -L node_modules ]; then
  # A linked node_modules is shared with other checkouts: npm ci would empty it for all of them.
  echo "node_modules links to $(readlink node_modules); using it as it is"
else
  npm ci --no-audit --no-fund --loglevel=error
fi
dotnet restore Radikalisering.Functions.sln
echo "Installed. Run the app: bash scripts/run-local.sh"
