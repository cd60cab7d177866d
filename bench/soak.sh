#!/usr/bin/env bash
# The soak: a bounded loopback load on the packaged service, with rate limits on and idempotency answers
# expiring, and a check at the end that nothing grew or leaked.
#   bench/soak.sh                          64 connections, 2 minutes of warm-up, then 10 minutes (about 16 in all)
#   SECONDS_OF_LOAD=180 WARMUP=30 bench/soak.sh   shorter (the minute-2 sample needs at least 150 s)
# It builds the app and starts it (-Xmx512m, as in a container) on its own embedded PostgreSQL in
# bench/.soak-data (deleted and recreated each run), with rate limits high enough for the load
# (so the shared counter table is used but nothing is refused) and Idempotency-Key answers kept for
# KEEP_FOR seconds (60) and purged every second. bench/Soak.java sends the load (reads, lists, stats,
# exports of filtered pages, the change feed, creates with keys and their retries, patches with If-Match)
# and checks every answer. The JIT needs about two minutes on two cores, so a warm-up of the same load
# runs first. This script samples the service once a minute (see sample()) and checks at the end:
#   - no answer outside 2xx, 304 and the expected 412s (Soak.java's exit status, warm-up included);
#   - heap after a full GC at the end of the load within 10% of the same at minute 2;
#   - no idempotency answer outlives keep-for at any sample, and the idempotency and rate-limit
#     tables no larger at the end (after the load and one keep-for) than at minute 2;
#   - every connection of the service idle once the load has stopped.
# Everything it writes is titled "[synthetic] soak ...". Exit status 1 when a check fails.
set -euo pipefail
cd "$(dirname "$0")/.."
LOAD=${SECONDS_OF_LOAD:-600}
CONNECTIONS=${CONNECTIONS:-64}
HEAP=${HEAP:-512m}
KEEP_FOR=${KEEP_FOR:-60}
WARMUP=${WARMUP:-120}
PORT=${PORT:-18090}
DATA=bench/.soak-data
API="http://127.0.0.1:$PORT"
ADMIN_KEY="soak-admin-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
if ((LOAD < 150)); then echo "SECONDS_OF_LOAD must be at least 150 (the first sample is at minute 2)" >&2; exit 2; fi
for tool in psql jq curl jcmd; do
  command -v "$tool" >/dev/null || { echo "missing $tool; install: apt-get install -y postgresql-client jq curl" >&2; exit 2; }
done

./mvnw -q -B package -DskipTests
rm -rf "$DATA" && mkdir -p "$DATA"
. bench/service.sh
start_service OVERSIGHT_BOOTSTRAP_ADMIN_KEY="$ADMIN_KEY" \
  OVERSIGHT_RATE_LIMIT_ENABLED=true OVERSIGHT_RATE_LIMIT_PER_ADDRESS=10000000 OVERSIGHT_RATE_LIMIT_PER_KEY=10000000 \
  OVERSIGHT_IDEMPOTENCY_KEEP_FOR="${KEEP_FOR}s" OVERSIGHT_IDEMPOTENCY_PURGE_EVERY=1s -- -Xmx"$HEAP"
PSQL=(psql -X -q -At -F ' ' -h 127.0.0.1 -p "$PG_PORT" -U postgres -d oversight)

# four editor keys (the connections share them), the seed's deployments to read, eight synthetic ones to patch
for i in 1 2 3 4; do
  curl -sf -H "Authorization: Bearer $ADMIN_KEY" -H 'Content-Type: application/json' \
    -d "{\"name\":\"[synthetic] soak editor $i\",\"role\":\"editor\"}" "$API/api/v1/api-keys" | jq -r .secret
done > "$DATA/keys.txt"
EDITOR=$(head -1 "$DATA/keys.txt")
curl -sf "$API/api/v1/deployments?limit=100" | jq -r '.data[].id' > "$DATA/deployments.txt"
SOURCE=$(curl -sf "$API/api/v1/sources?limit=1" | jq -r '.data[0].id')
for i in $(seq 1 8); do
  curl -sf -H "Authorization: Bearer $EDITOR" -H 'Content-Type: application/json' "$API/api/v1/deployments" -d \
    "{\"title\":\"[synthetic] soak shared deployment $i\",\"program_type\":\"other\",\"country\":\"AD\",\"confidence\":\"low\",\"citations\":[{\"source_id\":\"$SOURCE\",\"quote\":\"[synthetic]\"}],\"change_reason\":\"[synthetic] soak setup\"}" \
    | jq -r .id
done > "$DATA/shared.txt"
echo "seed deployments: $(wc -l < "$DATA/deployments.txt"), shared synthetic deployments: $(wc -l < "$DATA/shared.txt")"

# one sample, under load: the service's connections by state (before the pause); the idempotency and rate-limit
# tables' rows and bytes; idempotency answers older than keep-for plus 5 s (the purge runs every second, so
# any such row is one the purge missed); sources created in the last keep-for (what the table should hold).
# Then a quiet moment: the clients pause, in-flight requests finish, and the heap after a full GC is read
# (the least of two) before the load resumes, so the figure is what the service keeps between requests.
sample() { # $1: label
  local conns tables heap used
  conns=$("${PSQL[@]}" -c "select coalesce(string_agg(replace(state, ' ', '_') || '=' || n, ','), 'none') from (select state, count(*) n
    from pg_stat_activity where datname = 'oversight' and pid <> pg_backend_pid() and backend_type = 'client backend'
    group by state order by state) s")
  tables=$("${PSQL[@]}" -c "select (select count(*) from idempotency_record), pg_total_relation_size('idempotency_record'),
    (select count(*) from rate_limit_window), pg_total_relation_size('rate_limit_window'),
    (select count(*) from idempotency_record where created_at < now() - interval '$KEEP_FOR seconds' - interval '5 seconds'),
    (select count(*) from source where created_at > now() - interval '$KEEP_FOR seconds')")
  touch "$DATA/pause"
  sleep 3
  heap=
  for _ in 1 2; do
    jcmd "$APP" GC.run >/dev/null
    used=$(jcmd "$APP" GC.heap_info | grep -o 'used [0-9]*K' | head -1 | grep -o '[0-9]*')
    if [ -z "$heap" ] || [ "$used" -lt "$heap" ]; then heap=$used; fi
  done
  rm -f "$DATA/pause"
  echo "$1 $heap $tables $conns" >> "$DATA/samples.txt"
}
: > "$DATA/samples.txt"
sampler() {
  for t in $(seq 60 60 $((LOAD - 10))) $((LOAD - 10)); do
    sleep $((t - $(date +%s) + START)) 2>/dev/null || true
    sample "$t"
  done
}
run_load() { # $1: seconds
  java bench/Soak.java "$API" "$1" "$CONNECTIONS" "$DATA/keys.txt" "$DATA/deployments.txt" "$DATA/shared.txt" "$DATA/pause"
}
set +e
echo "warm-up: $CONNECTIONS connections for $WARMUP s (its answers are checked too; nothing is sampled)"
run_load "$WARMUP" > "$DATA/warm-up.txt"
WARM_STATUS=$?
tail -2 "$DATA/warm-up.txt"
echo "load: $CONNECTIONS connections for $LOAD s (sampled every minute, in $DATA/samples.txt)"
START=$(date +%s)
sampler &
SAMPLER=$!
run_load "$LOAD"
LOAD_STATUS=$?
wait "$SAMPLER"
set -e
sleep 5
sample after
echo "waiting keep-for ($KEEP_FOR s) and 5 s more: every idempotency answer of the load should then be gone"
sleep $((KEEP_FOR + 5))
sample drained
echo
printf '%-8s %14s %9s %11s %8s %9s %6s %8s   %s\n' seconds "heap after GC" "idem rows" "idem bytes" "rl rows" "rl bytes" stale "creates" "connections"
while read -r s h ir ib rr rb x c n; do
  printf '%-8s %12s K %9s %11s %8s %9s %6s %8s   %s\n' "$s" "$h" "$ir" "$ib" "$rr" "$rb" "$x" "$c" "$n"
done < "$DATA/samples.txt"
echo "(creates: sources created in the last keep-for, which the idempotency table should hold; stale: answers"
echo " older than keep-for plus 5 s, which the purge should have deleted)"

failed=0
check() { # $1: pass (0/1) $2: what
  if [ "$1" = 1 ]; then echo "PASS  $2"; else echo "FAIL  $2"; failed=1; fi
}
at() { awk -v k="$1" -v f="$2" '$1 == k { print $f }' "$DATA/samples.txt"; }
END_AT=$((LOAD - 10))
check "$([ "$WARM_STATUS" = 0 ] && [ "$LOAD_STATUS" = 0 ] && echo 1 || echo 0)" \
  "every answer of the warm-up and the load 2xx, 304 or an expected 412 (Soak.java)"
check "$(awk -v a="$(at 120 2)" -v b="$(at $END_AT 2)" 'BEGIN { d = (b - a) / a; print (d <= 0.10 && d >= -0.10) ? 1 : 0 }')" \
  "heap after a full GC at the end of the load $(at $END_AT 2) K within 10% of minute 2's $(at 120 2) K"
check "$(awk '{ if ($7 != 0) bad = 1 } END { print bad ? 0 : 1 }' "$DATA/samples.txt")" \
  "no idempotency answer outlived keep-for at any sample (stale: $(awk '{ printf "%s ", $7 }' "$DATA/samples.txt"))"
check "$([ "$(at drained 3)" -le "$(at 120 3)" ] && echo 1 || echo 0)" \
  "idempotency rows at the end $(at drained 3) <= minute 2's $(at 120 3) (under load at the end: $(at $END_AT 3) for $(at $END_AT 8) creates in keep-for; minute 2: $(at 120 3) for $(at 120 8))"
check "$([ "$(at drained 5)" -le "$(at 120 5)" ] && [ "$(at $END_AT 5)" -le "$(at 120 5)" ] && echo 1 || echo 0)" \
  "rate-limit rows at the end $(at drained 5) and at the end of the load $(at $END_AT 5) <= minute 2's $(at 120 5)"
check "$(at after 9 | grep -qvE '(^|,)(active|idle_in_transaction)' && echo 1 || echo 0)" \
  "5 s after the load every connection of the service is idle ($(at after 9); under load at minute 2: $(at 120 9))"
check "$([ "$(at 120 5)" -gt 0 ] && echo 1 || echo 0)" "the shared rate-limit counters were used ($(at 120 5) rows at minute 2)"
exit $failed
