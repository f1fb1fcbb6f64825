#!/usr/bin/env bash
# End-to-end ingest benchmark: hci (release build) against pandas and DuckDB, same run. pandas reads the
# sources the Python stack had (no CMS measure files), so its 1x figure covers less work than hci's.
# Inputs: the real snapshot (1x, every source including the 442k-row HCAHPS survey) and the snapshot with
# its CMS hospital file replicated 100x (generated). DuckDB (npm @duckdb/node-api, bench/duckdb/) does the
# same reads, typing and joins of the 1x snapshot into a DuckDB file.
# Each command runs RUNS times under /usr/bin/time -v; the median wall time and median peak RSS are
# written to bench/out/ingest.md, to be copied into bench/RESULTS.md.
# Usage: bench/ingest_benchmark.sh   (after `make release`; RUNS=5 by default)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-5}
hci=build/release/src/cli/hci
python=/usr/bin/python3   # Debian's python3 with python3-pandas
out=bench/out
mkdir -p "$out"
[ -d "$out/big" ] || bash bench/make_big_snapshot.sh "$out/big" 100

[ -d bench/duckdb/node_modules ] || (cd bench/duckdb && npm ci --no-audit --no-fund --silent)

source bench/lib/timing.sh
before_run='rm -f "$out"/bench.db "$out"/bench.db-*'

results="$out/raw.txt"
: > "$results"
for scale in 1x 100x; do
  dir=data/snapshot
  [ "$scale" = 100x ] && dir=$out/big
  run_timed "hci-$scale" "$hci" --db "sqlite:$out/bench.db" ingest --source-dir "$dir" --report-dir "$out/quality" >> "$results"
  run_timed "pandas-$scale" "$python" bench/pandas_ingest.py "$dir" "$out/bench.db" >> "$results"
done
run_timed "duckdb-1x" node bench/duckdb/duckdb_ingest.mjs data/snapshot "$out/bench.duckdb" >> "$results"

cms_rows_big=$(($(wc -l < "$out/big/cms/Hospital_General_Information.csv") - 1))
cms_mb_big=$(du -m "$out/big/cms/Hospital_General_Information.csv" | cut -f1)
{
  echo "| input | tool | median wall s | median peak RSS MB | CMS rows/s | CMS MB/s |"
  echo "|---|---|---:|---:|---:|---:|"
  for scale in 1x 100x; do
    rows=5421; mb=1.4
    [ "$scale" = 100x ] && rows=$cms_rows_big && mb=$cms_mb_big
    for tool in hci pandas; do
      wall=$(median_of "$results" "$tool-$scale" 2)
      rss=$(median_of "$results" "$tool-$scale" 3)
      awk -v s="$scale" -v t="$tool" -v w="$wall" -v r="$rss" -v n="$rows" -v m="$mb" \
        'BEGIN {printf "| %s | %s | %.2f | %.0f | %.0f | %.1f |\n", s, t, w, r / 1024, n / w, m / w}'
    done
  done
  for scale in 1x 100x; do
    hw=$(median_of "$results" "hci-$scale" 2)
    pw=$(median_of "$results" "pandas-$scale" 2)
    hr=$(median_of "$results" "hci-$scale" 3)
    pr=$(median_of "$results" "pandas-$scale" 3)
    awk -v s="$scale" -v hw="$hw" -v pw="$pw" -v hr="$hr" -v pr="$pr" \
      'BEGIN {printf "\n%s: hci is %.1fx faster than pandas and uses %.2f of its peak memory.", s, pw / hw, hr / pr}'
  done
  hw=$(median_of "$results" "hci-1x" 2)
  dw=$(median_of "$results" "duckdb-1x" 2)
  hr=$(median_of "$results" "hci-1x" 3)
  dr=$(median_of "$results" "duckdb-1x" 3)
  awk -v hw="$hw" -v dw="$dw" -v hr="$hr" -v dr="$dr" \
    'BEGIN {printf "\n1x: DuckDB %.2f s, %.0f MB; hci is %.2fx faster than DuckDB and uses %.2f of its peak memory.", dw, dr / 1024, dw / hw, hr / dr}'
  echo
  echo "($runs runs each, medians; $(nproc) cores; $(date -u +%Y-%m-%d))"
} | tee "$out/ingest.md"
