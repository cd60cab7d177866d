#!/usr/bin/env bash
# Replicas on one machine: how long one more replica takes to be ready against an existing database,
# and what two replicas behind a loopback load balancer (Debian's HAProxy) serve beside one, on the same
# PostgreSQL, in one run.
#   bench/replicas.sh                 about 12 minutes on 2 cores
#   DURATION=10 WARMUP=15 bench/replicas.sh   shorter phases
# It builds the app, starts replica A (-Xmx512m, as in a container) on its own embedded PostgreSQL in
# bench/.replicas-data (deleted and recreated each run), loads the SYNTHETIC data of bench/generate.sql
# (100,000 deployments) and waits for their stored documents. Then it starts replica B against A's
# database RUNS times (3), timing launch to the first 200 from /q/health/ready (and Quarkus's own
# "started in"), and keeps the last one. Each replica is warmed up on its own (the JIT, the document
# cache), then three setups are measured with the same wrk load, for get-by-id and for a filtered list
# page of 50: A alone, directly; A alone through HAProxy (the proxy's own cost); A and B through HAProxy
# (round robin). Rate limits are off: this measures serving, not refusing.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-20}
WARMUP=${WARMUP:-30}
CONNECTIONS=${CONNECTIONS:-32}
RUNS=${RUNS:-3}
HEAP=${HEAP:-512m}
PORT=${PORT:-18100}
PORT_B=$((PORT + 1))
LB_BOTH=$((PORT + 2))
LB_ONE=$((PORT + 3))
DATA=bench/.replicas-data

need() { command -v "$1" >/dev/null 2>&1; }
for tool in wrk haproxy psql curl; do
  need "$tool" || { echo "$tool is missing: apt-get install -y wrk haproxy postgresql-client curl" >&2; exit 2; }
done
# shellcheck source=bench/service.sh
. bench/service.sh

[ "${SKIP_BUILD:-}" = 1 ] || ./mvnw -q -B package -DskipTests
rm -rf "$DATA" && mkdir -p "$DATA"
stop_everything() {
  set +e
  [ -n "${LB_ONE_PID:-}" ] && kill "$LB_ONE_PID" 2>/dev/null
  [ -n "${LB:-}" ] && kill "$LB" 2>/dev/null
  [ -n "${B:-}" ] && kill "$B" 2>/dev/null && wait "$B" 2>/dev/null
  stop_service
}
echo "starting replica A on its own embedded PostgreSQL (migrates and seeds it)..."
start=$(date +%s%N)
start_service OVERSIGHT_RATE_LIMIT_ENABLED=false OVERSIGHT_HISTORY_BACKFILL_EVERY=off -- -Xmx"$HEAP"
A_READY_MS=$(( ($(date +%s%N) - start) / 1000000 ))
trap stop_everything EXIT
PSQL=(psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d oversight)

echo "generating synthetic data (100,000 deployments)..."
"${PSQL[@]}" -f bench/generate.sql
"${PSQL[@]}" -At -c "select distinct country_code from deployment_summary order by 1" > "$DATA/countries.txt"
echo "waiting for the background renderer to store every deployment's JSON..."
for _ in $(seq 1 900); do
  stale=$("${PSQL[@]}" -At -c "select count(*) from deployment_summary s left join deployment_document d using (deployment_id) where d.revision is distinct from s.revision")
  [ "$stale" = "0" ] && break
  sleep 2
done

# One more replica against the existing (migrated, seeded, loaded) database: launch to ready.
ready_ms=()
for run in $(seq 1 "$RUNS"); do
  [ -n "${B:-}" ] && { kill "$B"; wait "$B" 2>/dev/null || true; }
  log="$DATA/b-$run.log"
  start=$(date +%s%N)
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/oversight" QUARKUS_DATASOURCE_USERNAME=postgres \
    QUARKUS_DATASOURCE_PASSWORD=postgres OVERSIGHT_RATE_LIMIT_ENABLED=false OVERSIGHT_HISTORY_BACKFILL_EVERY=off \
    java -Xmx"$HEAP" -Dquarkus.http.port="$PORT_B" -jar target/quarkus-app/quarkus-run.jar > "$log" 2>&1 &
  B=$!
  until curl -sf "http://127.0.0.1:$PORT_B/q/health/ready" >/dev/null; do
    kill -0 "$B" 2>/dev/null || { echo "replica B exited; see $log" >&2; exit 1; }
    sleep 0.05
  done
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  ready_ms+=("$ms")
  echo "replica B run $run: ready $ms ms after launch (Quarkus: $(grep -o 'started in [0-9.]*s' "$log" | head -1))"
done
median_ready=$(printf '%s\n' "${ready_ms[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')

haproxy_config() { # $1: port, then the replicas' ports
  local port=$1; shift
  printf 'global\n  maxconn 4096\ndefaults\n  mode http\n  timeout connect 2s\n  timeout client 60s\n  timeout server 60s\n'
  printf 'frontend api\n  bind 127.0.0.1:%s\n  default_backend replicas\nbackend replicas\n  balance roundrobin\n' "$port"
  printf '  option httpchk GET /q/health/ready\n'
  for p in "$@"; do printf '  server r%s 127.0.0.1:%s check inter 1s\n' "$p" "$p"; done
}
haproxy_config "$LB_BOTH" "$PORT" "$PORT_B" > "$DATA/both.cfg"
haproxy_config "$LB_ONE" "$PORT" > "$DATA/one.cfg"
haproxy -f "$DATA/both.cfg" -db > "$DATA/haproxy-both.log" 2>&1 &
LB=$!
haproxy -f "$DATA/one.cfg" -db > "$DATA/haproxy-one.log" 2>&1 &
LB_ONE_PID=$!
sleep 2

rps() { grep 'Requests/sec' | awk '{print $2}'; }
pct() { grep -E "^ +$1%" | awk '{v=$2; if (v ~ /us$/) {sub(/us$/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v*=1000}; printf "%.1f", v}'; }
non2xx() { grep -o 'Non-2xx or 3xx responses: [0-9]*' | grep -o '[0-9]*$' || echo 0; }
load() { # $1: script, $2: seconds, $3: target URL
  BENCH_COUNTRIES="$DATA/countries.txt" wrk -t2 -c"$CONNECTIONS" -d"$2s" --latency -s "bench/$1" "$3"
}
echo "warming up each replica on its own (${WARMUP}s per path)..."
for port in "$PORT" "$PORT_B"; do
  for script in get_by_id.lua list_page.lua; do load "$script" "$WARMUP" "http://127.0.0.1:$port" >/dev/null; done
done

results=()
for script in get_by_id.lua list_page.lua; do
  for setup in "A alone, direct:$PORT" "A alone, HAProxy:$LB_ONE" "A and B, HAProxy:$LB_BOTH"; do
    echo "$script, ${setup%%:*}..."
    out=$(load "$script" "$DURATION" "http://127.0.0.1:${setup##*:}")
    results+=("$(printf '%-16s %-20s %9s req/s   p50 %6s ms   p99 %7s ms   non-2xx %s' "${script%.lua}" "${setup%%:*}" \
      "$(echo "$out" | rps)" "$(echo "$out" | pct 50)" "$(echo "$out" | pct 99)" "$(echo "$out" | non2xx)")")
  done
done

echo
echo "replica A (empty database: migrate and seed): ready $A_READY_MS ms after launch (polled every second)"
echo "one more replica against the existing database: ready ${ready_ms[*]} ms after launch (median $median_ready ms)"
echo "wrk -t2 -c$CONNECTIONS, ${DURATION}s per row, after ${WARMUP}s of warm-up per replica and path; 2 cores shared by wrk, HAProxy, the JVMs and PostgreSQL:"
printf '%s\n' "${results[@]}"
