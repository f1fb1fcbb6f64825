# Sourced by benchmarks: serve one directory of static files with nginx on a loopback port.
#   nginx_static_start DIR PORT   starts nginx (2 workers, keep-alive, no access log) in the background
#   nginx_static_stop             stops it and removes its temporary prefix
# Response bytes are served as written, with the content type given by the file's extension.

nginx_static_start() {
  local root="$1" port="$2"
  NGINX_PREFIX="$(mktemp -d)"
  mkdir -p "$NGINX_PREFIX/logs"
  cat > "$NGINX_PREFIX/nginx.conf" <<CONF
worker_processes 2;
pid $NGINX_PREFIX/nginx.pid;
error_log $NGINX_PREFIX/logs/error.log warn;
user root;
events { worker_connections 4096; }
http {
  types { application/json json; text/csv csv; }
  default_type application/json;
  access_log off;
  keepalive_requests 1000000;
  client_body_temp_path $NGINX_PREFIX/body;
  proxy_temp_path $NGINX_PREFIX/proxy;
  fastcgi_temp_path $NGINX_PREFIX/fastcgi;
  uwsgi_temp_path $NGINX_PREFIX/uwsgi;
  scgi_temp_path $NGINX_PREFIX/scgi;
  server {
    listen 127.0.0.1:$port;
    root $root;
    location / { try_files \$uri \$uri.json =404; }
  }
}
CONF
  nginx -p "$NGINX_PREFIX" -c "$NGINX_PREFIX/nginx.conf"
}

nginx_static_stop() {
  [ -n "${NGINX_PREFIX:-}" ] || return 0
  nginx -p "$NGINX_PREFIX" -c "$NGINX_PREFIX/nginx.conf" -s stop 2>/dev/null || true
  sleep 0.3
  rm -rf "$NGINX_PREFIX"
  NGINX_PREFIX=""
}
