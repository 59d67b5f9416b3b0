#!/usr/bin/env bash
# Verifies the tamper-evident audit trail without trusting the app: recomputes every record's
# SHA-256 and checks that each record names the hash of the one before it, then that no event
# (operation id, "op") is in the trail twice and, given the AuditLog table's rows of the same period,
# that every row has a record and every record a row (docs/operations.md "Verifying the audit
# trail"). Prints the first broken link, or each duplicate and gap, and exits 1; exits 0 when intact.
#
#   verify-audit-trail.sh [--audit-log F] FROM TO        days (yyyy-mm-dd, UTC) to download from the
#                                        audit-trail container with your own Entra ID login (az login;
#                                        you need Storage Blob Data Reader on the storage account) and check
#   verify-audit-trail.sh [--audit-log F] --directory D  check blobs already downloaded to D (paths
#                                        under D are blob names)
#   --audit-log F                        a file of the AuditLog rows' RowKeys (or operation ids), one
#                                        a line, of the period the blobs cover
#
# Line format (Radikalisering.Core/AuditTrail/AuditChain.cs): "<sha256 of record> <record JSON>\n";
# the record starts with "seq" and carries "prev", the previous record's hash. The first record's
# "prev" is the SHA-256 of the blob's name.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/common.sh"

sha256() { printf '%s' "$1" | sha256sum | cut -c1-64; }

broken() { printf 'broken: %s line %s: %s\n' "$1" "$2" "$3"; exit 1; }

# verify_blob NAME FILE: adds the blob's records to $records, or reports the first broken link.
verify_blob() {
  local name=$1 file=$2 previous line hash json number=0
  previous=$(sha256 "$name")
  if [ -s "$file" ] && [ "$(tail -c1 "$file" | wc -l)" -eq 0 ]; then
    broken "$name" "$(($(wc -l <"$file") + 1))" truncated
  fi
  while IFS= read -r line; do
    number=$((number + 1))
    hash=${line:0:64}
    json=${line:65}
    if [ "${#line}" -le 65 ] || [ "${line:64:1}" != " " ] || ! [[ $hash =~ ^[0-9a-f]{64}$ ]] \
      || ! [[ $json =~ \"prev\":\"([0-9a-f]{64})\" ]]; then
      broken "$name" "$number" malformed
    fi
    [ "$(sha256 "$json")" = "$hash" ] || broken "$name" "$number" hash-mismatch
    [[ $json =~ \"prev\":\"([0-9a-f]{64})\" ]]
    [ "${BASH_REMATCH[1]}" = "$previous" ] || broken "$name" "$number" previous-hash-mismatch
    [[ $json =~ ^\{\"seq\":([0-9]+), ]] && [ "${BASH_REMATCH[1]}" = "$number" ] || broken "$name" "$number" sequence-mismatch
    if [[ $json =~ ^\{\"seq\":[0-9]+,\"op\":\"([0-9a-f-]{36})\" ]]; then
      operation_id "${BASH_REMATCH[1]}" >>"$events"
    fi
    previous=$hash
  done <"$file"
  records=$((records + number))
}

# operation_id ID: a GUID or an AuditLog RowKey (reverse ticks, '-', the id) as 32 lowercase hex digits.
operation_id() { printf '%s\n' "$1" | tr -d '-' | tr 'A-F' 'a-f' | grep -oE '[0-9a-f]{32}$' || true; }

# check_events: each operation id in the trail twice, and (with --audit-log) each gap between trail and table.
check_events() {
  local found=0 id
  while IFS= read -r id; do
    printf 'duplicate: %s\n' "$id"
    found=1
  done < <(LC_ALL=C sort "$events" | uniq -d)
  if [ -n "$audit_log" ]; then
    while IFS= read -r line; do operation_id "$line"; done <"$audit_log" | LC_ALL=C sort -u >"$events.table"
    LC_ALL=C sort -u "$events" >"$events.trail"
    while IFS= read -r id; do
      printf 'missing from trail: %s\n' "$id"
      found=1
    done < <(LC_ALL=C comm -23 "$events.table" "$events.trail")
    while IFS= read -r id; do
      printf 'missing from audit log: %s\n' "$id"
      found=1
    done < <(LC_ALL=C comm -13 "$events.table" "$events.trail")
  fi
  [ "$found" -eq 0 ] || exit 1
}

records=0
events=$(mktemp)
download=""
trap 'rm -rf "$events" "$events.table" "$events.trail" ${download:+"$download"}' EXIT
verify_directory() {
  local directory=$1 blobs=0 file
  while IFS= read -r file; do
    verify_blob "${file#"$directory"/}" "$file"
    blobs=$((blobs + 1))
  done < <(find "$directory" -type f | LC_ALL=C sort)
  check_events
  echo "intact: $blobs blobs, $records records"
}

audit_log=""
if [ "${1:-}" = "--audit-log" ]; then
  [ -f "${2:-}" ] || fail "usage: $0 --audit-log FILE (FROM TO | --directory DIRECTORY)"
  audit_log=$2
  shift 2
fi

if [ "${1:-}" = "--directory" ]; then
  [ -d "${2:-}" ] || fail "usage: $0 --directory DIRECTORY"
  verify_directory "${2%/}"
  exit 0
fi

[ $# -eq 2 ] || fail "usage: $0 [--audit-log FILE] FROM TO (yyyy-mm-dd) | [--audit-log FILE] --directory DIRECTORY"
require_env AZURE_STORAGE_ACCOUNT_NAME
from=$(date -u -d "$1" +%F) || fail "FROM is not a date: $1"
to=$(date -u -d "$2" +%F) || fail "TO is not a date: $2"
download=$(mktemp -d)
day=$from
while [[ ! $day > $to ]]; do
  log "downloading ${day//-//}"
  az storage blob download-batch --account-name "$AZURE_STORAGE_ACCOUNT_NAME" --auth-mode login \
    --source "${AUDIT_TRAIL_CONTAINER:-audit-trail}" --destination "$download" --pattern "${day//-//}/*" --output none
  day=$(date -u -d "$day + 1 day" +%F)
done
verify_directory "$download"
