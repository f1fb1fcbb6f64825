# Sourced by benchmarks: repeated timed runs and medians.
#   run_timed LABEL COMMAND...   runs COMMAND $runs times under /usr/bin/time -v, printing "LABEL seconds rss_kb"
#                                per run; $before_run (if set) is evaluated before each run.
#   median                       the median of the numbers on stdin
#   median_of FILE LABEL COLUMN  the median of COLUMN (2 = seconds, 3 = rss_kb) of LABEL's lines in FILE

run_timed() {
  local label=$1; shift
  for _ in $(seq "$runs"); do
    [ -n "${before_run:-}" ] && eval "$before_run"
    /usr/bin/time -v "$@" > /dev/null 2> "$out/time.txt" || { cat "$out/time.txt" >&2; exit 1; }
    local wall rss
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {split($2, t, ":"); print (length(t) == 3 ? t[1]*3600 + t[2]*60 + t[3] : t[1]*60 + t[2])}' "$out/time.txt")
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$out/time.txt")
    echo "$label $wall $rss"
  done
}

median() { sort -n | awk '{v[NR] = $1} END {print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2)}'; }

median_of() { awk -v l="$2" -v c="$3" '$1 == l {print $c}' "$1" | median; }
