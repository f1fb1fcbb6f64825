#!/usr/bin/env bash
# Load and soak (issue 8): wrk at 64 connections for 60 s on a mix of read endpoints against a release
# `hci serve` on the analysed and trained snapshot: non-2xx and socket errors, and RSS at the 10th and the
# 60th second; then slow clients (slowloris) beside ordinary traffic; then 1,000 concurrent connections.
# Results go to bench/out/soak.md.   Usage: bench/soak_benchmark.sh   (after make release)
set -euo pipefail
cd "$(dirname "$0")/.."
hci=build/release/src/cli/hci
out=bench/out
mkdir -p "$out"
db="sqlite:$out/soak.db"
rm -f "$out"/soak.db "$out"/soak.db-*
"$hci" --db "$db" ingest --report-dir "$out/quality" > /dev/null
"$hci" --db "$db" analyze > /dev/null
"$hci" --db "$db" train --models-dir "$out/models" > /dev/null
ulimit -n 4096
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$hci" --db "$db" serve --port "$port" --threads 2 --public-read --quiet > "$out/soak-serve.log" 2>&1 &
server=$!
trap 'kill $server 2> /dev/null || true' EXIT
until curl -sf -o /dev/null "http://127.0.0.1:$port/ready"; do sleep 0.2; done

rss() { awk '/VmRSS/ {print $2}' "/proc/$server/status"; }
: > "$out/soak-rss.txt"
( for s in $(seq 62); do echo "$s $(rss)" >> "$out/soak-rss.txt"; sleep 1; done ) &
sampler=$!
wrk -t2 -c64 -d60s --latency -s bench/soak/mix.lua "http://127.0.0.1:$port" > "$out/soak-wrk.txt"
wait $sampler
rss10=$(awk '$1 == 10 {print $2}' "$out/soak-rss.txt")
rss60=$(awk '$1 == 60 {print $2}' "$out/soak-rss.txt")
requests=$(awk '/requests in/ {print $1}' "$out/soak-wrk.txt")
rate=$(awk '/Requests\/sec/ {print $2}' "$out/soak-wrk.txt")
non2xx=$(awk '/Non-2xx/ {print $5}' "$out/soak-wrk.txt"); non2xx=${non2xx:-0}
sockerr=$(awk '/Socket errors/ {gsub(/,/, ""); print $4 + $6 + $8 + $10}' "$out/soak-wrk.txt"); sockerr=${sockerr:-0}
p99=$(awk '$1 == "99%" {print $2}' "$out/soak-wrk.txt")
slow=$(python3 bench/soak/slowloris.py "$port" 200 30 || true)
many=$(python3 bench/soak/many_connections.py "$port" 1000 || true)
{
  echo "| check | result |"
  echo "|---|---|"
  echo "| wrk -c64 -d60s, mix of 12 read endpoints | $requests requests, $rate req/s, p99 $p99, non-2xx $non2xx, socket errors $sockerr |"
  awk -v a="$rss10" -v b="$rss60" 'BEGIN {printf "| RSS at 10 s / 60 s | %.1f MB / %.1f MB (growth %+.1f%%) |\n", a / 1024, b / 1024, (b - a) * 100 / a}'
  echo "| 200 slowloris connections for 30 s | $slow |"
  echo "| 1,000 concurrent connections | $many |"
  echo
  echo "($(nproc) cores, $(date -u +%Y-%m-%d); hci serve --threads 2, release build)"
} | tee "$out/soak.md"
