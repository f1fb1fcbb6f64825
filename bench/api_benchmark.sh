#!/usr/bin/env bash
# REST API throughput: hci serve against nginx serving the identical response bytes as static files
# (the ceiling on this machine) and FastAPI + uvicorn (2 workers, uvloop, httptools) serving the same
# endpoints from memory, all in the same run, with wrk at -c1 and -c64. hci runs twice: with its
# response cache (the default) and with --cache-mb 0, so every request is computed. FastAPI runs
# twice too: computing each answer as the seed did, and returning pre-rendered bytes (its best case).
# Usage: bench/api_benchmark.sh [RUNS] [SECONDS]   (needs a release build: make release)
# Writes bench/out/api.md; medians over RUNS runs of SECONDS each.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/nginx_static.sh
source bench/lib/wrk_run.sh
RUNS="${1:-3}"
SECONDS_PER_RUN="${2:-8}"
HCI=build/release/src/cli/hci
OUT=bench/out
WORK="$(mktemp -d)"
HCI_PORT=18180 NGINX_PORT=18181 FASTAPI_PORT=18182 UNCACHED_PORT=18183
mkdir -p "$OUT"

cleanup() {
  kill "${HCI_PID:-}" "${UNCACHED_PID:-}" "${FASTAPI_PID:-}" 2>/dev/null || true
  nginx_static_stop
  rm -rf "$WORK"
}
trap cleanup EXIT

wait_for() { for _ in $(seq 100); do curl -fs "$1" >/dev/null 2>&1 && return 0; sleep 0.2; done; echo "no answer from $1" >&2; exit 1; }

"$HCI" --db "sqlite:$WORK/hci.db" ingest --source-dir data/snapshot >/dev/null
"$HCI" --db "sqlite:$WORK/hci.db" apikey create --name bench --scopes read,export 2>/dev/null | tail -1 > "$WORK/key"
"$HCI" --db "sqlite:$WORK/hci.db" serve --port $HCI_PORT --threads 2 --public-read --quiet >/dev/null &
HCI_PID=$!
"$HCI" --db "sqlite:$WORK/hci.db" serve --port $UNCACHED_PORT --threads 2 --public-read --quiet --cache-mb 0 >/dev/null &
UNCACHED_PID=$!
wait_for "http://127.0.0.1:$HCI_PORT/ready"
wait_for "http://127.0.0.1:$UNCACHED_PORT/ready"

# The exact bytes hci answers become nginx's static files and FastAPI's data.
declare -A ENDPOINTS=(
  [list]="/api/v1/hospitals?state=TX&limit=50"
  [detail]="/api/v1/hospitals/450056"
  [states]="/api/v1/states"
  [summary]="/api/v1/dashboard/summary"
)
mkdir -p "$WORK/static"
for name in "${!ENDPOINTS[@]}"; do curl -fs "http://127.0.0.1:$HCI_PORT${ENDPOINTS[$name]}" > "$WORK/static/$name.json"; done
curl -fs -H "Authorization: Bearer $(cat "$WORK/key")" "http://127.0.0.1:$HCI_PORT/api/v1/export/hospitals?format=json" \
  > "$WORK/all_hospitals.json"
cp "$WORK/static/states.json" "$WORK/static/summary.json" "$WORK/"
nginx_static_start "$WORK/static" $NGINX_PORT
(cd bench && HCI_BENCH_DATA="$WORK" /usr/bin/python3 -m uvicorn fastapi_app:app --port $FASTAPI_PORT \
  --workers 2 --loop uvloop --http httptools --log-level warning --no-access-log) &
FASTAPI_PID=$!
wait_for "http://127.0.0.1:$FASTAPI_PORT/api/v1/states"

url_for() {
  case "$1" in
    nginx) echo "http://127.0.0.1:$NGINX_PORT/$2.json" ;;
    hci) echo "http://127.0.0.1:$HCI_PORT${ENDPOINTS[$2]}" ;;
    hci-uncached) echo "http://127.0.0.1:$UNCACHED_PORT${ENDPOINTS[$2]}" ;;
    fastapi) echo "http://127.0.0.1:$FASTAPI_PORT${ENDPOINTS[$2]}" ;;
    fastapi-raw) echo "http://127.0.0.1:$FASTAPI_PORT/raw/$2" ;;
  esac
}

{
  echo "| endpoint | connections | server | req/s | p50 ms | p99 ms | errors | req/s vs nginx | p99 vs nginx |"
  echo "|---|---|---|---|---|---|---|---|---|"
  for name in list detail states summary; do
    for connections in 1 64; do
      declare -A RPS=() P99=()
      for server in nginx hci hci-uncached fastapi fastapi-raw; do
        rps=(); p50=(); p99=(); errors=0
        for _ in $(seq "$RUNS"); do
          read -r r a b e < <(wrk_run "$connections" "$SECONDS_PER_RUN" "$(url_for $server $name)")
          rps+=("$r"); p50+=("$a"); p99+=("$b"); errors=$((errors + e))
        done
        RPS[$server]=$(median "${rps[@]}"); P99[$server]=$(median "${p99[@]}")
        ratio=$(awk -v a="${RPS[$server]}" -v b="${RPS[nginx]}" 'BEGIN { printf "%.2f", a / b }')
        p99ratio=$(awk -v a="${P99[$server]}" -v b="${P99[nginx]}" 'BEGIN { printf "%.2f", a / b }')
        echo "| ${ENDPOINTS[$name]} | $connections | $server | ${RPS[$server]} | $(median "${p50[@]}") | ${P99[$server]} | $errors | $ratio | $p99ratio |"
      done
    done
  done
} | tee "$OUT/api.md"
