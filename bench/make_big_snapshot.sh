#!/usr/bin/env bash
# Builds a benchmark source directory: the real snapshot with the CMS hospital file replicated N times.
# Every copy keeps the real rows but gets fresh, unique 6-character Facility IDs (base 36), so the
# uniqueness rule holds. The output is generated here, never committed.
# Usage: bench/make_big_snapshot.sh OUT_DIR [COPIES]   (default 100)
set -euo pipefail
out=${1:?usage: make_big_snapshot.sh OUT_DIR [COPIES]}
copies=${2:-100}
snapshot="$(cd "$(dirname "$0")/../data/snapshot" && pwd)"

rm -rf "$out"
mkdir -p "$out"
cp -r "$snapshot"/. "$out"/
cms="$out/cms/Hospital_General_Information.csv"
head -n 1 "$snapshot/cms/Hospital_General_Information.csv" > "$cms"
awk -v copies="$copies" '
  function base36(n,   digits, s) {
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"; s = ""
    do { s = substr(digits, n % 36 + 1, 1) s; n = int(n / 36) } while (n > 0)
    while (length(s) < 6) s = "0" s
    return s
  }
  NR > 1 { rows[++count] = $0 }
  END {
    id = 0
    for (copy = 0; copy < copies; copy++)
      for (i = 1; i <= count; i++) print base36(id++) substr(rows[i], index(rows[i], ","))
  }' "$snapshot/cms/Hospital_General_Information.csv" >> "$cms"
echo "$cms: $(($(wc -l < "$cms") - 1)) rows, $(du -m "$cms" | cut -f1) MB"
