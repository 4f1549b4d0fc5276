#!/usr/bin/env bash
# Cron-ready incremental re-index. Example crontab line (every night at 02:30):
#
#   30 2 * * *  /path/to/hoidap/scripts/reindex-cron.sh
#
# Runs `.venv/bin/hoidap reindex --json` from the repository folder, so settings come from the
# environment and the repository's .env (HOIDAP_CORPUS_DIR, HOIDAP_INDEX_DIR, HOIDAP_EMBED_MODEL…).
# Appends one line per run to $HOIDAP_REINDEX_LOG (default var/log/reindex.log):
#
#   <timestamp> exit=<status> <JSON summary, or {"error": "..."} when hoidap printed none>
#
# Silent when everything was indexed; otherwise prints the summary and hoidap's messages on
# stderr and exits with hoidap's status (1 = some files failed or another re-index is running,
# 3 = index unusable, 4 = cannot write the index: disk full or read-only), so cron mails the admin.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

log="${HOIDAP_REINDEX_LOG:-var/log/reindex.log}"
hoidap="${HOIDAP_BIN:-.venv/bin/hoidap}"
python="${HOIDAP_PYTHON:-.venv/bin/python}"
mkdir -p "$(dirname "$log")"

errors="$(mktemp)"
trap 'rm -f "$errors"' EXIT

status=0
summary="$("$hoidap" reindex --json 2>"$errors")" || status=$?

if [[ -z "$summary" ]]; then
    # No summary (lock busy, missing corpus, crash): log the last message as a JSON string.
    summary="$(tail -n 5 "$errors" | "$python" -c \
        'import json, sys; print(json.dumps({"error": sys.stdin.read().strip()}, ensure_ascii=False))')"
fi
printf '%s exit=%d %s\n' "$(date '+%Y-%m-%dT%H:%M:%S%z')" "$status" "$summary" >>"$log"

if [[ $status -ne 0 ]]; then
    {
        echo "hoidap reindex failed (exit $status) in $repo; summary: $summary"
        grep -v '^embedding: ' "$errors" || true
    } >&2
fi
exit "$status"
