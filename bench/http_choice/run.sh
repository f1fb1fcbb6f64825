#!/usr/bin/env bash
# Chooses the HTTP library by measurement: the same minimal JSON endpoint on Boost.Beast and on
# cpp-httplib, under wrk at -c1 and -c64, against nginx serving the same bytes as a static file.
# Usage: bench/http_choice/run.sh [RUNS] [SECONDS]   (writes bench/out/http_choice.md)
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/lib/nginx_static.sh
source bench/lib/wrk_run.sh
RUNS="${1:-3}"
SECONDS_PER_RUN="${2:-10}"
OUT=bench/out
BIN="$OUT/http_choice"
mkdir -p "$BIN"

g++ -O2 -std=c++20 -o "$BIN/beast_minimal" bench/http_choice/beast_minimal.cpp -pthread
g++ -O2 -std=c++20 -o "$BIN/httplib_minimal" bench/http_choice/httplib_minimal.cpp -pthread -lcpp-httplib
printf '%s' '{"status":"ok","service":"hci"}' > "$BIN/minimal.json"

"$BIN/beast_minimal" 18081 2 & BEAST=$!
"$BIN/httplib_minimal" 18082 8 & HTTPLIB8=$!
"$BIN/httplib_minimal" 18083 64 & HTTPLIB64=$!
nginx_static_start "$PWD/$BIN" 18084
trap 'kill $BEAST $HTTPLIB8 $HTTPLIB64 2>/dev/null; nginx_static_stop' EXIT
sleep 1

declare -A URLS=(
  [nginx-static]="http://127.0.0.1:18084/minimal.json"
  [beast-2-threads]="http://127.0.0.1:18081/"
  [httplib-8-threads]="http://127.0.0.1:18082/"
  [httplib-64-threads]="http://127.0.0.1:18083/"
)
{
  echo "| server | connections | req/s (median of $RUNS) | p50 ms | p99 ms | errors |"
  echo "|---|---|---|---|---|---|"
  for connections in 1 64; do
    for name in nginx-static beast-2-threads httplib-8-threads httplib-64-threads; do
      rps=(); p50=(); p99=(); errors=0
      for _ in $(seq "$RUNS"); do
        read -r r a b e < <(wrk_run "$connections" "$SECONDS_PER_RUN" "${URLS[$name]}")
        rps+=("$r"); p50+=("$a"); p99+=("$b"); errors=$((errors + e))
      done
      echo "| $name | $connections | $(median "${rps[@]}") | $(median "${p50[@]}") | $(median "${p99[@]}") | $errors |"
    done
  done
} | tee "$OUT/http_choice.md"
