#!/usr/bin/env bash
# Loading the snapshot (1x) and the 100x input into PostgreSQL (COPY, PostGIS geography and GIST index
# maintained) against SQLite, same run, same hci release build. A throw-away PostgreSQL 15 + PostGIS 3
# server is started for the run (scripts/pg-test-server.sh). Medians of RUNS runs go to bench/out/postgres.md.
# Usage: bench/postgres_benchmark.sh   (after `make release`; RUNS=3 by default)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-3}
hci=build/release/src/cli/hci
out=bench/out
mkdir -p "$out"
[ -d "$out/big" ] || bash bench/make_big_snapshot.sh "$out/big" 100
source bench/lib/timing.sh

server="$out/postgres-server"
bash scripts/pg-test-server.sh start "$server" > /dev/null
trap 'bash scripts/pg-test-server.sh stop "$server"' EXIT
admin=$(cat "$server/uri")
pg_db="${admin%/*}/hci_bench"

fresh_postgres() {
  psql -q "$admin" -c "DROP DATABASE IF EXISTS hci_bench WITH (FORCE)" -c "CREATE DATABASE hci_bench"
  "$hci" --db "$pg_db" db migrate > /dev/null
}
fresh_sqlite() {
  rm -f "$out"/pgbench.db "$out"/pgbench.db-*
  "$hci" --db "sqlite:$out/pgbench.db" db migrate > /dev/null
}

results="$out/postgres-raw.txt"
: > "$results"
for scale in 1x 100x; do
  dir=data/snapshot
  [ "$scale" = 100x ] && dir=$out/big
  before_run=fresh_postgres run_timed "postgres-$scale" "$hci" --db "$pg_db" ingest --source-dir "$dir" --report-dir "$out/quality" >> "$results"
  before_run=fresh_sqlite run_timed "sqlite-$scale" "$hci" --db "sqlite:$out/pgbench.db" ingest --source-dir "$dir" --report-dir "$out/quality" >> "$results"
done

{
  echo "| input | store | median wall s | median peak RSS MB (hci) |"
  echo "|---|---|---:|---:|"
  for scale in 1x 100x; do
    for store in sqlite postgres; do
      awk -v s="$scale" -v t="$store" -v w="$(median_of "$results" "$store-$scale" 2)" -v r="$(median_of "$results" "$store-$scale" 3)" \
        'BEGIN {printf "| %s | %s | %.2f | %.0f |\n", s, t, w, r / 1024}'
    done
    awk -v s="$scale" -v p="$(median_of "$results" "postgres-$scale" 2)" -v q="$(median_of "$results" "sqlite-$scale" 2)" \
      'BEGIN {printf "\n%s: PostgreSQL load takes %.2fx the SQLite time.\n\n", s, p / q}'
  done
  echo "($runs runs each, medians; $(nproc) cores; $(date -u +%Y-%m-%d))"
} | tee "$out/postgres.md"
