#!/usr/bin/env bash
# SQL injection sweep with sqlmap (Debian's package), at level 3 and risk 2, against the packaged service on
# a database of its own:
#   bench/sqlmap.sh                 every target (about an hour and a half on 2 cores; the deployment create, with
#                                   61 fields each tested by some 400 requests that each write a deployment, is most of it)
#   ONLY=stats bench/sqlmap.sh      only the targets whose line (method, URL) contains "stats"
#   ONLY=$'POST\t' FIELDS=lender,amount bench/sqlmap.sh   only these JSON fields of the creates (sqlmap -p)
#   PARALLEL=3 bench/sqlmap.sh      sqlmap processes at once (default 2)
# Targets (bench/sqlmap_targets.py, from the committed spec): every query parameter of every list, stats and
# export operation, each given a valid value read from the service; and every create's JSON body (the spec's
# own example without its parts' IDs, which a create leaves out; a vendor gets a new name that sqlmap changes at
# every request, since names are unique; each checked to be accepted first), where sqlmap tests every field (and, at level 3, the User-Agent and Referer headers), sent
# with an editor key (an admin key for API keys). sqlmap is told the database is PostgreSQL, so it sends
# PostgreSQL's payloads only. Rate limits are off (they would answer sqlmap's requests with 429s).
# It prints, per target, the requests sqlmap sent and whether it found an injection; then the totals. Exit
# status 1 when any parameter is injectable or sqlmap failed to run on a target.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-18091}
PARALLEL=${PARALLEL:-2}
ONLY=${ONLY:-}
FIELDS=${FIELDS:-}
DATA=bench/.sqlmap-data
API="http://127.0.0.1:$PORT"
ADMIN_KEY="sqlmap-admin-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
command -v sqlmap >/dev/null || { echo "sqlmap is missing; install it with: apt-get install -y sqlmap" >&2; exit 2; }
for tool in curl jq python3; do
  command -v "$tool" >/dev/null || { echo "missing $tool; install: apt-get install -y curl jq python3-requests" >&2; exit 2; }
done

./mvnw -q -B package -DskipTests
rm -rf "$DATA" && mkdir -p "$DATA/bodies" "$DATA/runs"
. bench/service.sh
start_service OVERSIGHT_BOOTSTRAP_ADMIN_KEY="$ADMIN_KEY" OVERSIGHT_RATE_LIMIT_ENABLED=false
EDITOR_KEY=$(curl -sf -H "Authorization: Bearer $ADMIN_KEY" -H 'Content-Type: application/json' \
  -d '{"name":"[synthetic] sqlmap editor","role":"editor"}' "$API/api/v1/api-keys" | jq -r .secret)
# two submissions, so the moderation queue has a second page and a real cursor
for i in 1 2; do
  curl -sf -H 'Content-Type: application/json' "$API/api/v1/submissions" \
    -d "{\"kind\":\"tip\",\"message\":\"[synthetic] sqlmap queue item $i\"}" >/dev/null
done
ADMIN_KEY="$ADMIN_KEY" EDITOR_KEY="$EDITOR_KEY" python3 bench/sqlmap_targets.py "$API" "$DATA/bodies" > "$DATA/targets.tsv"
if [ -n "$ONLY" ]; then grep -F "$ONLY" "$DATA/targets.tsv" > "$DATA/only.tsv" || true; mv "$DATA/only.tsv" "$DATA/targets.tsv"; fi

# one target: sqlmap in batch mode; its traffic log counts the requests it sent
one() { # $1: line number of the target
  local line method url arg role randomize run key status requests
  line=$(sed -n "${1}p" "$DATA/targets.tsv")
  IFS=$'\t' read -r method url arg role randomize <<< "$line"
  run="$DATA/runs/$1"
  mkdir -p "$run"
  local common=(--batch --level=3 --risk=2 --dbms=PostgreSQL --disable-coloring --output-dir="$run/out" -t "$run/traffic.txt"
    --timeout=30 --retries=1)
  set +e
  if [ "$method" = GET ]; then
    sqlmap "${common[@]}" -u "$url" -p "$arg" --headers="Authorization: Bearer $ADMIN_KEY" > "$run/sqlmap.log" 2>&1
  else
    key=$([ "$role" = admin ] && echo "$ADMIN_KEY" || echo "$EDITOR_KEY")
    [ "$randomize" != - ] && common+=(--randomize="$randomize")
    [ -n "$FIELDS" ] && common+=(-p "$FIELDS")
    sqlmap "${common[@]}" -u "$url" --method=POST --data="$(cat "$arg")" \
      --headers="Authorization: Bearer $key"$'\n'"Content-Type: application/json" > "$run/sqlmap.log" 2>&1
  fi
  status=$?
  set -e
  requests=$(grep -c '^HTTP request \[#' "$run/traffic.txt" 2>/dev/null || echo 0)
  if grep -q 'identified the following injection point' "$run/sqlmap.log"; then
    echo "INJECTABLE $requests $method $url ${arg##*/}"
  elif [ "$status" != 0 ] || ! grep -qE 'do not appear to be injectable|does not seem to be injectable|is not injectable' "$run/sqlmap.log"; then
    echo "ERROR $requests $method $url ${arg##*/} (sqlmap exit $status; see $run/sqlmap.log)"
  else
    echo "clean $requests $method $url ${arg##*/}"
  fi
}
export -f one
export DATA ADMIN_KEY EDITOR_KEY FIELDS
TARGETS=$(wc -l < "$DATA/targets.tsv")
echo "sqlmap (level 3, risk 2) on $TARGETS targets, $PARALLEL at a time; results in $DATA/results.txt"
START=$(date +%s)
seq 1 "$TARGETS" | xargs -P "$PARALLEL" -I{} bash -c 'one {}' | tee "$DATA/results.txt"
echo
echo "targets: $TARGETS ($(grep -c $'^GET\t' "$DATA/targets.tsv") query parameters, $(grep -c $'^POST\t' "$DATA/targets.tsv") create bodies)"
echo "requests sent by sqlmap: $(awk '{ n += $2 } END { print n }' "$DATA/results.txt") in $(( $(date +%s) - START )) s"
echo "injectable: $(grep -c '^INJECTABLE' "$DATA/results.txt" || true); sqlmap errors: $(grep -c '^ERROR' "$DATA/results.txt" || true)"
! grep -qE '^(INJECTABLE|ERROR)' "$DATA/results.txt"
