#!/usr/bin/env bash
# A throw-away PostgreSQL 15 + PostGIS 3 server for tests and benchmarks: initdb in DIR, a free loopback
# port, trust authentication on 127.0.0.1 only. Runs as the 'postgres' user when started as root
# (PostgreSQL refuses to run as root).
#   scripts/pg-test-server.sh start DIR   start it; writes DIR/uri (postgresql://postgres@127.0.0.1:PORT/postgres)
#   scripts/pg-test-server.sh stop DIR    stop it and remove DIR
#   scripts/pg-test-server.sh kill DIR    kill -9 the server (fault tests), keeping DIR for a restart
#   scripts/pg-test-server.sh restart DIR start it again on the same port after a kill
set -euo pipefail
action=${1:?start, stop, kill or restart}
dir=$(realpath -m "${2:?data directory}")  # absolute: the server runs from its own working directory
bin=/usr/lib/postgresql/15/bin

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

launch() {
  local port
  port=$(cat "$dir/port")
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off" start > /dev/null
}

case "$action" in
  start)
    rm -rf "$dir"
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
    as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C > "$dir/initdb.log"
    free_port > "$dir/port"
    launch
    echo "postgresql://postgres@127.0.0.1:$(cat "$dir/port")/postgres" > "$dir/uri"
    cat "$dir/uri"
    ;;
  restart)
    launch
    ;;
  kill)
    pid=$(head -1 "$dir/data/postmaster.pid")
    kill -9 "$pid"
    while kill -0 "$pid" 2> /dev/null; do sleep 0.1; done
    ;;
  stop)
    if [ -f "$dir/data/postmaster.pid" ]; then as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate stop > /dev/null || true; fi
    rm -rf "$dir"
    ;;
  *)
    echo "unknown action '$action'" >&2
    exit 2
    ;;
esac
