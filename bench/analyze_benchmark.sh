#!/usr/bin/env bash
# `hci analyze` (release build) against the same work in pandas / SciPy / scikit-learn
# (bench/pandas_analyze.py), on the bundled snapshot, same database, same run.
# Each command runs RUNS times under /usr/bin/time -v; medians go to bench/out/analyze.md.
# Usage: bench/analyze_benchmark.sh   (after `make release`; RUNS=5 by default)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-5}
hci=build/release/src/cli/hci
python=/usr/bin/python3   # Debian's python3 with python3-pandas, python3-scipy, python3-sklearn
out=bench/out
mkdir -p "$out"
source bench/lib/timing.sh

rm -f "$out"/analyze.db "$out"/analyze.db-*
"$hci" --db "sqlite:$out/analyze.db" ingest --report-dir "$out/quality" > /dev/null

results="$out/analyze-raw.txt"
: > "$results"
run_timed hci "$hci" --db "sqlite:$out/analyze.db" analyze >> "$results"
run_timed pandas "$python" bench/pandas_analyze.py "$out/analyze.db" >> "$results"

{
  echo "| tool | median wall s | median peak RSS MB |"
  echo "|---|---:|---:|"
  for tool in hci pandas; do
    awk -v t="$tool" -v w="$(median_of "$results" "$tool" 2)" -v r="$(median_of "$results" "$tool" 3)" \
      'BEGIN {printf "| %s | %.2f | %.0f |\n", t, w, r / 1024}'
  done
  awk -v h="$(median_of "$results" hci 2)" -v p="$(median_of "$results" pandas 2)" \
      -v hr="$(median_of "$results" hci 3)" -v pr="$(median_of "$results" pandas 3)" \
    'BEGIN {printf "\nhci analyze is %.1fx faster than pandas/SciPy and uses %.2f of its peak memory.\n", p / h, hr / pr}'
  echo "($runs runs each, medians; $(nproc) cores; $(date -u +%Y-%m-%d))"
} | tee "$out/analyze.md"
