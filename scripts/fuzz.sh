#!/usr/bin/env bash
# Builds the libFuzzer targets (clang 14, ASan + UBSan; the `fuzz` preset) and runs each for SECONDS from its
# seed corpus (fuzz/seeds/<target>/: cuts of the real snapshot files, real query strings, cron lines and
# prediction bodies) plus every input that ever crashed (fuzz/regressions/<target>/), one target per core at
# a time. A crash stops that target with its input in build/fuzz/crashes/<target>/: fix it, then copy the
# input into fuzz/regressions/<target>/ so every test run replays it. Exits 1 when any target crashed.
#   scripts/fuzz.sh [SECONDS] [TARGET...]   (default 600 s per target, every target; CI uses 60)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(csv_reader_fuzz source_parsers_fuzz query_params_fuzz predict_body_fuzz cron_fuzz)

cmake --preset fuzz > /dev/null
cmake --build --preset fuzz -j "$(nproc)" --target "${targets[@]}"
out=build/fuzz

# Runs one target for $seconds; its summary lines go to stdout once it ends.
fuzz_one() {
  local target=$1 corpus=$out/corpus/$1
  mkdir -p "$corpus" "$out/crashes/$target"
  cp fuzz/seeds/"$target"/* "$corpus/"
  find fuzz/regressions/"$target" -type f ! -name README -exec cp {} "$corpus/" \;
  if ! "$out/fuzz/$target" "$corpus" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 \
       -artifact_prefix="$out/crashes/$target/" -print_final_stats=1 > "$out/$target.log" 2>&1; then
    echo "CRASH in $target: see $out/$target.log and $out/crashes/$target/" >&2
    tail -40 "$out/$target.log" >&2
    return 1
  fi
  echo "== $target, ${seconds}s:" $(grep -E "^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)" "$out/$target.log")
}

# One target per core at a time.
status=0
running=0
for target in "${targets[@]}"; do
  if [ "$running" -ge "$(nproc)" ]; then
    wait -n || status=1
    running=$((running - 1))
  fi
  fuzz_one "$target" &
  running=$((running + 1))
done
while [ "$running" -gt 0 ]; do
  wait -n || status=1
  running=$((running - 1))
done
exit $status
