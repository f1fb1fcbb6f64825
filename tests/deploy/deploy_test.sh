#!/usr/bin/env bash
# The deployment files on real parts: promtool checks the Prometheus config and alert rules; the Airflow DAG
# compiles; a real Prometheus scrapes a running hci serve and its HTTP API returns http_requests_total; a
# real nginx with deploy/nginx/hci.conf spreads requests across two hci serve replicas and keeps answering
# when one is killed. Run by ctest:  deploy_test.sh HCI_BINARY SNAPSHOT_DIR SOURCE_DIR
set -euo pipefail
hci=$1 snapshot=$2 source=$3
work=$(mktemp -d)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2> /dev/null || true; done; wait 2> /dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
wait_for() {  # URL: until it answers 200 (60 s)
  for _ in $(seq 600); do curl -sf -o /dev/null "$1" && return 0; sleep 0.1; done
  fail "$1 never answered"
}

echo "== promtool and the Airflow DAG"
promtool check config "$source/deploy/prometheus/prometheus.yml" > /dev/null || fail "promtool check config"
promtool check rules "$source/deploy/prometheus/alerts.yml" > /dev/null || fail "promtool check rules"
python3 -m py_compile "$source/deploy/airflow/dags/hci_pipeline.py" || fail "the Airflow DAG does not compile"
python3 -c "import json; json.load(open('$source/deploy/grafana/dashboards/hci.json'))" || fail "Grafana dashboard JSON"

db="sqlite:$work/hci.db"
"$hci" --db "$db" ingest --source-dir "$snapshot" --report-dir "$work/quality" > /dev/null
serve() {  # PORT: a replica in the background
  "$hci" --db "$db" serve --port "$1" --quiet --public-read --watch 0 > "$work/serve-$1.log" 2>&1 &
  pids+=($!)
  wait_for "http://127.0.0.1:$1/ready"
}

echo "== a real Prometheus scrapes hci serve"
api=$(free_port)
serve "$api"
prom=$(free_port)
cat > "$work/prometheus.yml" <<YAML
global: { scrape_interval: 1s }
scrape_configs:
  - job_name: hci
    static_configs: [{ targets: ["127.0.0.1:$api"] }]
YAML
prometheus --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/tsdb" \
  --web.listen-address="127.0.0.1:$prom" > "$work/prometheus.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$prom/-/ready"
curl -sf -o /dev/null "http://127.0.0.1:$api/api/v1/states"
found=""
for _ in $(seq 120); do
  answer=$(curl -s "http://127.0.0.1:$prom/api/v1/query?query=http_requests_total")
  if echo "$answer" | grep -q '"__name__":"http_requests_total"'; then found=yes; break; fi
  sleep 0.5
done
[ -n "$found" ] || fail "Prometheus has no http_requests_total: $answer"
echo "ok: Prometheus returns http_requests_total scraped from hci serve"

echo "== a real nginx in front of two replicas"
second=$(free_port)
serve "$second"
web=$(free_port)
mkdir -p "$work/nginx/logs"
sed -e "s/server api1:8080/server 127.0.0.1:$api/" -e "s/server api2:8080/server 127.0.0.1:$second/" \
    -e "s/listen 80;/listen 127.0.0.1:$web;/" "$source/deploy/nginx/hci.conf" > "$work/nginx/site.conf"
cat > "$work/nginx/nginx.conf" <<CONF
worker_processes 1;
error_log $work/nginx/logs/error.log;
pid $work/nginx/nginx.pid;
events { worker_connections 256; }
http {
  access_log $work/nginx/logs/access.log;
  client_body_temp_path $work/nginx/tmp-body;
  proxy_temp_path $work/nginx/tmp-proxy;
  fastcgi_temp_path $work/nginx/tmp-fastcgi;
  uwsgi_temp_path $work/nginx/tmp-uwsgi;
  scgi_temp_path $work/nginx/tmp-scgi;
  include $work/nginx/site.conf;
}
CONF
nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -g "daemon off;" &
pids+=($!)
wait_for "http://127.0.0.1:$web/nginx-health"
requests_to() { curl -s "http://127.0.0.1:$1/metrics" | awk -F' ' '/^http_requests_total\{.*route="\/api\/v1\/hospitals\/\{id\}"/ {n += $2} END {print n + 0}'; }
for _ in $(seq 40); do curl -sf -o /dev/null "http://127.0.0.1:$web/api/v1/hospitals/450056" || fail "nginx request failed"; done
a=$(requests_to "$api"); b=$(requests_to "$second")
[ "$a" -gt 0 ] && [ "$b" -gt 0 ] || fail "requests were not spread: replica 1 answered $a, replica 2 $b"
echo "ok: nginx spread 40 requests across both replicas ($a and $b)"
kill -9 "${pids[2]}"
for _ in $(seq 30); do
  code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$web/api/v1/hospitals/450056")
  [ "$code" = 200 ] || fail "with one replica killed nginx answered $code"
done
echo "ok: with one replica killed, 30 of 30 requests still answered 200"
