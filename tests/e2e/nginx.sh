#!/usr/bin/env bash
# The output on a real web server: Debian's nginx with the example configuration
# (deploy/nginx/metodika.conf), on 127.0.0.1. Builds the test site and the bundled site with
# --precompress, then checks (nginx_check.py) every file's Content-Type, that gzip files are sent
# to clients that accept gzip and the plain files to others, the 404 page of each language, the
# cache lifetimes and the security headers; then browses every page kind in Chromium with the
# Content-Security-Policy in force (tests/a11y/csp_check.mjs). Usage: nginx.sh METODIKA SOURCE_DIR
set -euo pipefail
metodika=$1
src=$(cd "$2" && pwd)
source "$src/tests/a11y/node.sh"   # sets $node
work=$(mktemp -d)
chmod 755 "$work"   # nginx's workers read the output
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

status=0
serve_and_check() {   # NAME OUTPUT_DIR
  local name=$1 out=$2
  mkdir -p "$work/$name-nginx/tmp"
  local port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  local user=""
  # As root, nginx's workers would run as nobody, who cannot read a private temporary folder.
  if [[ $(id -u) -eq 0 ]]; then user="user root root;"; fi
  cat > "$work/$name-nginx/nginx.conf" <<CONF
$user
daemon off;
worker_processes 1;
pid $work/$name-nginx/nginx.pid;
error_log $work/$name-nginx/error.log;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path $work/$name-nginx/tmp/body;
  proxy_temp_path $work/$name-nginx/tmp/proxy;
  fastcgi_temp_path $work/$name-nginx/tmp/fastcgi;
  uwsgi_temp_path $work/$name-nginx/tmp/uwsgi;
  scgi_temp_path $work/$name-nginx/tmp/scgi;
  server {
    listen 127.0.0.1:$port;
    root $out;
    include $src/deploy/nginx/metodika.conf;
  }
}
CONF
  /usr/sbin/nginx -t -q -c "$work/$name-nginx/nginx.conf" -e "$work/$name-nginx/error.log" ||
    { cat "$work/$name-nginx/error.log"; return 1; }
  /usr/sbin/nginx -c "$work/$name-nginx/nginx.conf" -e "$work/$name-nginx/error.log" &
  local pid=$!
  pids+=("$pid")
  for _ in $(seq 100); do
    python3 -c "import socket; socket.create_connection(('127.0.0.1',$port),0.2)" 2>/dev/null && break
    sleep 0.1
  done
  echo "== $name: nginx on 127.0.0.1:$port"
  python3 "$src/tests/e2e/nginx_check.py" "http://127.0.0.1:$port" "$out" || status=1
  "$node" "$src/tests/a11y/csp_check.mjs" "http://127.0.0.1:$port" "$out" || status=1
  kill "$pid"
}

"$metodika" build "$src/tests/sites/valid/kurzeme-json" --out "$work/kurzeme" --as-of 2026-11-22 \
  --precompress -q
"$metodika" build "$src" --out "$work/bundled" --precompress -q 2>/dev/null
serve_and_check kurzeme "$work/kurzeme"
serve_and_check bundled "$work/bundled"
exit $status
