# Sourced by benchmarks: run wrk and print one line "req_per_s p50_ms p99_ms errors".
#   wrk_run CONNECTIONS SECONDS URL [extra wrk args...]
# errors = socket errors (connect, read, write, timeout) + non-2xx/3xx responses.

wrk_run() {
  local connections="$1" seconds="$2" url="$3"
  shift 3
  local threads=2
  [ "$connections" -lt 2 ] && threads=1
  wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency "$@" "$url" | awk '
    function ms(value) {
      if (value ~ /us$/) return substr(value, 1, length(value) - 2) / 1000
      if (value ~ /ms$/) return substr(value, 1, length(value) - 2) + 0
      if (value ~ /s$/) return substr(value, 1, length(value) - 1) * 1000
      return value
    }
    $1 == "50%" { p50 = ms($2) }
    $1 == "99%" { p99 = ms($2) }
    $1 == "Requests/sec:" { rps = $2 }
    /Socket errors/ { gsub(/,/, ""); errors += $4 + $6 + $8 + $10 }
    /Non-2xx or 3xx/ { errors += $5 }
    END { printf "%.0f %.3f %.3f %d\n", rps, p50, p99, errors + 0 }'
}

# Median of the numbers given as arguments.
median() {
  printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
