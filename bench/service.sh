# Sourced by bench/soak.sh and bench/sqlmap.sh (not run by itself).
# start_service [VAR=value ...] [-- JVM options]: starts the packaged service (target/quarkus-app) on port $PORT with
# its own embedded PostgreSQL in $DATA, stops it when the script exits, waits until it is ready, and sets APP (its
# process) and PG_PORT (its PostgreSQL's port, from its log).
start_service() {
  local environment=() jvm=()
  while [ $# -gt 0 ] && [ "$1" != -- ]; do environment+=("$1"); shift; done
  if [ "${1:-}" = -- ]; then shift; jvm=("$@"); fi
  env OVERSIGHT_DATA_DIR="$DATA" "${environment[@]}" java "${jvm[@]}" -Dquarkus.http.port="$PORT" \
    -jar target/quarkus-app/quarkus-run.jar >> "$DATA/app.log" 2>&1 &
  APP=$!
  trap stop_service EXIT
  for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$PORT/q/health/ready" >/dev/null && break
    sleep 1
  done
  curl -sf "http://127.0.0.1:$PORT/q/health/ready" >/dev/null || { echo "the app did not get ready; see $DATA/app.log" >&2; exit 1; }
  PG_PORT=$(grep -o 'embedded PostgreSQL on port [0-9]*' "$DATA/app.log" | grep -o '[0-9]*$')
}
stop_service() { kill "$APP" 2>/dev/null; wait "$APP" 2>/dev/null || true; }
