#!/usr/bin/env bash
# The benchmark: one command, loopback only, every run bounded in time.
#   bench/run.sh            full run (about 18 minutes on 2 cores)
#   DURATION=10 bench/run.sh  shorter load phases (WARMUP=10: shorter warm-ups)
# It builds the app, starts it (default heap; -Xmx128m for the export) on its own embedded PostgreSQL in bench/.data (never
# your ./data), loads SYNTHETIC data (bench/generate.sql), then measures each API figure beside a
# floor measured in the same run on the same database, and prints their ratio and the target.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-15}
WARMUP=${WARMUP:-30}
PORT=${PORT:-18080}
DATA=bench/.data
CONNECTIONS=${CONNECTIONS:-16}
WRITERS=${WRITERS:-8}
ADMIN_KEY="bench-admin-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"

need() { command -v "$1" >/dev/null 2>&1; }
if ! need wrk || ! need pgbench || ! need psql; then
  echo "installing wrk, pgbench and psql (Debian packages)"
  apt-get update -qq && apt-get install -y -qq wrk postgresql-15 postgresql-client-15 >/dev/null
fi
need pgbench || export PATH=/usr/lib/postgresql/15/bin:$PATH

./mvnw -q -B package -DskipTests
rm -rf "$DATA" && mkdir -p "$DATA"
start_app() { # $1: extra JVM options
  OVERSIGHT_BOOTSTRAP_ADMIN_KEY="$ADMIN_KEY" OVERSIGHT_HISTORY_BACKFILL_EVERY=off OVERSIGHT_RATE_LIMIT_ENABLED=false OVERSIGHT_DATA_DIR="$DATA" java $1 -Dquarkus.http.port="$PORT" -jar target/quarkus-app/quarkus-run.jar \
    >> "$DATA/app.log" 2>&1 &
  APP=$!
  for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$PORT/q/health/ready" >/dev/null && return
    sleep 1
  done
  echo "the app did not get ready; see $DATA/app.log" >&2
  exit 1
}
stop_app() { kill "$APP" 2>/dev/null; wait "$APP" 2>/dev/null || true; }
trap stop_app EXIT
start_app ""
PG_PORT=$(grep -o 'embedded PostgreSQL on port [0-9]*' "$DATA/app.log" | grep -o '[0-9]*$')
PSQL=(psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d oversight)

rps() { grep 'Requests/sec' | awk '{print $2}'; }
tps() { grep -E '^tps' | head -1 | awk '{print $3}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
results=()
report() { results+=("$(printf '%-22s %12s %12s %7s   %s' "$1" "$2" "$3" "$4" "$5")"); }
# a latency percentile of wrk --latency output, in ms
pct() { grep -E "^ +$1%" | awk '{v=$2; if (v ~ /us$/) {sub(/us$/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v*=1000}; printf "%.1f", v}'; }
non2xx() { grep -o 'Non-2xx or 3xx responses: [0-9]*' | grep -o '[0-9]*$' || echo 0; }

# The write phase: WRITERS editors through the API, creating sources and merge-patching one
# deployment each (their own, so no 412 is expected), on whatever the registry holds now.
API="http://127.0.0.1:$PORT"
EDITOR_KEY=$(curl -sf -H "Authorization: Bearer $ADMIN_KEY" -H 'Content-Type: application/json' \
  -d '{"name":"[synthetic] benchmark editor","role":"editor"}' "$API/api/v1/api-keys" | grep -o '"secret":"[^"]*"' | cut -d'"' -f4)
SEED_SOURCE=$(curl -sf "$API/api/v1/sources?limit=1" | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
write_phase() { # $1: label
  local ids="$DATA/writers-$1.txt" out
  : > "$ids"
  for i in $(seq 1 "$WRITERS"); do
    curl -sf -H "Authorization: Bearer $EDITOR_KEY" -H 'Content-Type: application/json' "$API/api/v1/deployments" -d \
      "{\"title\":\"[synthetic] benchmark writer $i ($1)\",\"program_type\":\"other\",\"country\":\"AD\",\"confidence\":\"low\",\"citations\":[{\"source_id\":\"$SEED_SOURCE\",\"quote\":\"[synthetic]\"}],\"change_reason\":\"[synthetic] benchmark writer\"}" \
      | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4 >> "$ids"
  done
  BENCH_KEY="$EDITOR_KEY" wrk -t"$WRITERS" -c"$WRITERS" -d"${WARMUP}s" -s bench/create_source.lua "$API" >/dev/null
  out=$(BENCH_KEY="$EDITOR_KEY" wrk -t"$WRITERS" -c"$WRITERS" -d"${DURATION}s" --latency -s bench/create_source.lua "$API")
  report "source creates ($1)" "$(echo "$out" | rps)" "-" "-" "p50 $(echo "$out" | pct 50) ms, p99 $(echo "$out" | pct 99) ms, non-2xx $(echo "$out" | non2xx); $WRITERS writers"
  eval "CREATES_$1=$(echo "$out" | rps)"
  out=$(BENCH_KEY="$EDITOR_KEY" BENCH_DEPLOYMENTS="$ids" wrk -t"$WRITERS" -c"$WRITERS" -d"${DURATION}s" --latency -s bench/patch_deployment.lua "$API")
  report "deployment patches ($1)" "$(echo "$out" | rps)" "-" "-" "p50 $(echo "$out" | pct 50) ms, p99 $(echo "$out" | pct 99) ms, non-2xx $(echo "$out" | non2xx); $WRITERS writers"
  eval "PATCHES_$1=$(echo "$out" | rps)"
}
echo "writes on the seed alone..."
write_phase seed

echo "generating synthetic data (100,000 deployments, 1,000,000 camera counts)..."
start=$(date +%s)
"${PSQL[@]}" -f bench/generate.sql
echo "generated in $(( $(date +%s) - start )) s"
"${PSQL[@]}" -c "create table if not exists bench_country as select code, (row_number() over (order by code) - 1)::int as i from country"
"${PSQL[@]}" -At -c "select distinct country_code from deployment_summary order by 1" > "$DATA/countries.txt"

echo "waiting for the background renderer to store every deployment's JSON..."
start=$(date +%s)
for _ in $(seq 1 900); do
  stale=$("${PSQL[@]}" -At -c "select count(*) from deployment_summary s left join deployment_document d using (deployment_id) where d.revision is distinct from s.revision")
  [ "$stale" = "0" ] && break
  sleep 2
done
echo "documents ready in $(( $(date +%s) - start )) s (left: $stale)"

echo "writes at 100,000 deployments..."
write_phase large
floor=$(pgbench -n -c "$WRITERS" -j 2 -T "$DURATION" -f bench/source_create.pgbench -h 127.0.0.1 -p "$PG_PORT" -U postgres oversight 2>/dev/null | tps)
report "source creates (large)" "$CREATES_large" "$floor" "$(ratio "$CREATES_large" "$floor")" "target >= 0.3 of pgbench: the source row and its revision row"
report "creates large/seed" "$CREATES_large" "$CREATES_seed" "$(ratio "$CREATES_large" "$CREATES_seed")" "target >= 0.8"
floor=$(pgbench -n -c "$WRITERS" -j 2 -T "$DURATION" -f bench/deployment_patch.pgbench -h 127.0.0.1 -p "$PG_PORT" -U postgres oversight 2>/dev/null | tps)
report "deployment patches (large)" "$PATCHES_large" "$floor" "$(ratio "$PATCHES_large" "$floor")" "floor: the summary update and its revision row"
report "patches large/seed" "$PATCHES_large" "$PATCHES_seed" "$(ratio "$PATCHES_large" "$PATCHES_seed")" "target >= 0.8"

# Every API phase is measured warm: the JIT compiles each path while its own warm-up runs (on two
# contended cores a cold path ran at a third to a half of its speed for its first 15-30 s).
echo "warming up (${WARMUP}s per phase)..."
wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" -s bench/get_by_id.lua "http://127.0.0.1:$PORT" >/dev/null
BENCH_COUNTRIES="$DATA/countries.txt" wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" -s bench/list_page.lua "http://127.0.0.1:$PORT" >/dev/null
wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" -s bench/stats.lua "http://127.0.0.1:$PORT" >/dev/null

echo "get-by-id..."
api=$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" -s bench/get_by_id.lua "http://127.0.0.1:$PORT" | rps)
floor=$(pgbench -n -c "$CONNECTIONS" -j 2 -T "$DURATION" -f bench/pk.pgbench -h 127.0.0.1 -p "$PG_PORT" -U postgres oversight 2>/dev/null | tps)
report "get-by-id (req/s)" "$api" "$floor" "$(ratio "$api" "$floor")" "target >= 0.35 of pgbench PK tps"

echo "filtered list page of 50..."
api=$(BENCH_COUNTRIES="$DATA/countries.txt" wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" -s bench/list_page.lua "http://127.0.0.1:$PORT" | rps)
floor=$(pgbench -n -c "$CONNECTIONS" -j 2 -T "$DURATION" -f bench/page.pgbench -h 127.0.0.1 -p "$PG_PORT" -U postgres oversight 2>/dev/null | tps)
report "list page (req/s)" "$api" "$floor" "$(ratio "$api" "$floor")" "target >= 0.5; floor: the keyset page of summary rows"
floor=$(pgbench -n -c "$CONNECTIONS" -j 2 -T "$DURATION" -f bench/page_documents.pgbench -h 127.0.0.1 -p "$PG_PORT" -U postgres oversight 2>/dev/null | tps)
report "list page (req/s)" "$api" "$floor" "$(ratio "$api" "$floor")" "target >= 0.5; floor: the same keyset page returning the documents the API sends"

echo "stats..."
api=$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" -s bench/stats.lua "http://127.0.0.1:$PORT" | rps)
report "stats by-country (req/s)" "$api" "-" "-" "target >= 1000 req/s"

echo "a write, then the stats..."
before=$(curl -s "http://127.0.0.1:$PORT/api/v1/stats/by-country?country=AD" | grep -o '"cameras":[0-9]*' | head -1)
t0=$(date +%s%N)
"${PSQL[@]}" <<'SQL'
begin;
insert into camera_count (id, deployment_id, observed_on, observed_precision, total, total_qualifier, basis)
select gen_random_uuid(), deployment_id, current_date, 'day', 999999, 'exact', 'observed'
  from deployment_summary where country_code = 'AD' and title like '[synthetic]%' limit 1
returning id \gset
insert into citation (id, claim_type, claim_id, source_id, note)
values (gen_random_uuid(), 'camera_count', :'id', '00000000-0000-4000-8000-000000000000', 'synthetic write probe');
commit;
SQL
seen=""
for _ in $(seq 1 200); do
  now=$(curl -s "http://127.0.0.1:$PORT/api/v1/stats/by-country?country=AD" | grep -o '"cameras":[0-9]*' | head -1)
  [ "$now" != "$before" ] && seen=$(( ($(date +%s%N) - t0) / 1000000 )) && break
  sleep 0.01
done
report "write -> stats (ms)" "${seen:-never}" "-" "-" "target < 1000 ms after commit"

echo "CSV export of 1,000,000 camera counts, the app restarted with -Xmx128m..."
stop_app
start_app "-Xmx128m"
PG_PORT=$(grep -o 'embedded PostgreSQL on port [0-9]*' "$DATA/app.log" | tail -1 | grep -o '[0-9]*$')
PSQL=(psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d oversight)
rows=$("${PSQL[@]}" -At -c "select count(*) from camera_count n join deployment_summary s on s.deployment_id = n.deployment_id where n.publication = 'published' and s.publication = 'published'")
t0=$(date +%s%N)
curl -s -o "$DATA/export.csv" "http://127.0.0.1:$PORT/api/v1/exports/camera-counts?format=csv"
api_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
exported=$(( $(wc -l < "$DATA/export.csv") - 1 ))
t0=$(date +%s%N)
"${PSQL[@]}" -c "\\copy ($(tr '\n' ' ' < <(grep -v '^--' bench/export_floor.sql))) to '$DATA/floor.csv' with (format csv, header true)"
floor_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
api=$(( rows * 1000 / api_ms )); floor=$(( rows * 1000 / floor_ms ))
report "CSV export (rows/s)" "$api" "$floor" "$(ratio "$api" "$floor")" "target >= 0.5 of psql \\copy, app at -Xmx128m; $exported of $rows rows"
rss=$(ps -o rss= -p $APP | awk '{printf "%d", $1/1024}')

echo
printf '%-22s %12s %12s %7s   %s\n' "measure" "API" "floor" "ratio" "target"
printf '%s\n' "${results[@]}"
echo "app resident memory after the run: ${rss} MB (heap capped at 128 MB)"
echo "machine: $(nproc) cores, $(uname -m); duration per load phase ${DURATION}s, $CONNECTIONS connections"
