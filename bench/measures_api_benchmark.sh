#!/usr/bin/env bash
# The hospital measure endpoints against nginx serving the identical response bytes as static files (the
# ceiling on this machine), in the same run, with wrk at -c1 and -c64; and how long `hci serve` takes to be
# ready with the full snapshot (its /ready load_seconds, over RUNS starts).
# Usage: bench/measures_api_benchmark.sh [RUNS] [SECONDS]   (needs a release build: make release)
# Writes bench/out/measures_api.md; medians over RUNS runs of SECONDS each.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/nginx_static.sh
source bench/lib/wrk_run.sh
RUNS="${1:-3}"
SECONDS_PER_RUN="${2:-5}"
HCI=build/release/src/cli/hci
OUT=bench/out
WORK="$(mktemp -d)"
HCI_PORT=18190 NGINX_PORT=18191
mkdir -p "$OUT"

cleanup() {
  kill "${HCI_PID:-}" 2>/dev/null || true
  nginx_static_stop
  rm -rf "$WORK"
}
trap cleanup EXIT

wait_for() { for _ in $(seq 200); do curl -fs "$1" >/dev/null 2>&1 && return 0; sleep 0.1; done; echo "no answer from $1" >&2; exit 1; }
start_hci() {
  "$HCI" --db "sqlite:$WORK/hci.db" serve --port $HCI_PORT --threads 2 --public-read --quiet >/dev/null &
  HCI_PID=$!
  wait_for "http://127.0.0.1:$HCI_PORT/ready"
}

"$HCI" --db "sqlite:$WORK/hci.db" ingest --source-dir data/snapshot >/dev/null
"$HCI" --db "sqlite:$WORK/hci.db" analyze >/dev/null
"$HCI" --db "sqlite:$WORK/hci.db" train >/dev/null
sync  # the starts below time the load, not the kernel writing back what the three steps above wrote

loads=()
for _ in $(seq "$RUNS"); do
  start_hci
  loads+=("$(curl -fs "http://127.0.0.1:$HCI_PORT/ready" | sed -E 's/.*"load_seconds":([0-9.]+).*/\1/')")
  kill "$HCI_PID"; wait "$HCI_PID" 2>/dev/null || true
done
start_hci

declare -A ENDPOINTS=(
  [detail]="/api/v1/hospitals/010001"
  [hospital_measures]="/api/v1/hospitals/010001/measures"
  [measures]="/api/v1/measures?limit=200"
  [measure_hospitals]="/api/v1/measures/READM-30-HF-HRRP/hospitals?state=TX&limit=50"
)
mkdir -p "$WORK/static"
for name in "${!ENDPOINTS[@]}"; do curl -fs "http://127.0.0.1:$HCI_PORT${ENDPOINTS[$name]}" > "$WORK/static/$name.json"; done
nginx_static_start "$WORK/static" $NGINX_PORT

url_for() {
  case "$1" in
    nginx) echo "http://127.0.0.1:$NGINX_PORT/$2.json" ;;
    hci) echo "http://127.0.0.1:$HCI_PORT${ENDPOINTS[$2]}" ;;
  esac
}

{
  echo "hci serve ready with the full snapshot (analysed and trained): median load_seconds $(median "${loads[@]}") (runs: ${loads[*]})"
  echo
  echo "| endpoint | bytes | connections | server | req/s | p50 ms | p99 ms | errors | req/s vs nginx |"
  echo "|---|---|---|---|---|---|---|---|---|"
  for name in detail hospital_measures measures measure_hospitals; do
    bytes=$(wc -c < "$WORK/static/$name.json")
    for connections in 1 64; do
      declare -A RPS=()
      for server in nginx hci; do
        rps=(); p50=(); p99=(); errors=0
        for _ in $(seq "$RUNS"); do
          read -r r a b e < <(wrk_run "$connections" "$SECONDS_PER_RUN" "$(url_for $server $name)")
          rps+=("$r"); p50+=("$a"); p99+=("$b"); errors=$((errors + e))
        done
        RPS[$server]=$(median "${rps[@]}")
        ratio=$(awk -v a="${RPS[$server]}" -v b="${RPS[nginx]}" 'BEGIN { printf "%.2f", a / b }')
        echo "| ${ENDPOINTS[$name]} | $bytes | $connections | $server | ${RPS[$server]} | $(median "${p50[@]}") | $(median "${p99[@]}") | $errors | $ratio |"
      done
    done
  done
} | tee "$OUT/measures_api.md"
