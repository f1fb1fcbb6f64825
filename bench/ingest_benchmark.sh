#!/usr/bin/env bash
# End-to-end ingest benchmark: hci (release build) against pandas, same inputs, same run.
# Inputs: the real snapshot (1x) and the snapshot with its CMS file replicated 100x (generated).
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

# run_timed LABEL COMMAND...: prints "seconds rss_kb" for each run.
run_timed() {
  local label=$1; shift
  for _ in $(seq "$runs"); do
    rm -f "$out"/bench.db "$out"/bench.db-*
    /usr/bin/time -v "$@" > /dev/null 2> "$out/time.txt" || { cat "$out/time.txt" >&2; exit 1; }
    local wall rss
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {split($2, t, ":"); print (length(t) == 3 ? t[1]*3600 + t[2]*60 + t[3] : t[1]*60 + t[2])}' "$out/time.txt")
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$out/time.txt")
    echo "$label $wall $rss"
  done
}

median() { sort -n | awk '{v[NR] = $1} END {print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2)}'; }

results="$out/raw.txt"
: > "$results"
for scale in 1x 100x; do
  dir=data/snapshot
  [ "$scale" = 100x ] && dir=$out/big
  run_timed "hci-$scale" "$hci" --db "sqlite:$out/bench.db" ingest --source-dir "$dir" --report-dir "$out/quality" >> "$results"
  run_timed "pandas-$scale" "$python" bench/pandas_ingest.py "$dir" "$out/bench.db" >> "$results"
done

cms_rows_big=$(($(wc -l < "$out/big/cms/Hospital_General_Information.csv") - 1))
cms_mb_big=$(du -m "$out/big/cms/Hospital_General_Information.csv" | cut -f1)
{
  echo "| input | tool | median wall s | median peak RSS MB | CMS rows/s | CMS MB/s |"
  echo "|---|---|---:|---:|---:|---:|"
  for scale in 1x 100x; do
    rows=5421; mb=1.4
    [ "$scale" = 100x ] && rows=$cms_rows_big && mb=$cms_mb_big
    for tool in hci pandas; do
      wall=$(awk -v l="$tool-$scale" '$1 == l {print $2}' "$results" | median)
      rss=$(awk -v l="$tool-$scale" '$1 == l {print $3}' "$results" | median)
      awk -v s="$scale" -v t="$tool" -v w="$wall" -v r="$rss" -v n="$rows" -v m="$mb" \
        'BEGIN {printf "| %s | %s | %.2f | %.0f | %.0f | %.1f |\n", s, t, w, r / 1024, n / w, m / w}'
    done
  done
  for scale in 1x 100x; do
    hw=$(awk -v l="hci-$scale" '$1 == l {print $2}' "$results" | median)
    pw=$(awk -v l="pandas-$scale" '$1 == l {print $2}' "$results" | median)
    hr=$(awk -v l="hci-$scale" '$1 == l {print $3}' "$results" | median)
    pr=$(awk -v l="pandas-$scale" '$1 == l {print $3}' "$results" | median)
    awk -v s="$scale" -v hw="$hw" -v pw="$pw" -v hr="$hr" -v pr="$pr" \
      'BEGIN {printf "\n%s: hci is %.1fx faster than pandas and uses %.2f of its peak memory.", s, pw / hw, hr / pr}'
  done
  echo
  echo "($runs runs each, medians; $(nproc) cores; $(date -u +%Y-%m-%d))"
} | tee "$out/ingest.md"
