#!/usr/bin/env bash
# Several servers on one PostgreSQL behind nginx (loopback only). For each count of servers in SERVERS (default "1 2 3"): a new
# PostgreSQL database, a synthetic 100,000-station definition, that many `sanoo serve --db postgres:…` on 127.0.0.1, nginx
# balancing reads and writes over them (least_conn, keep-alive), then `sanoo simulate` through nginx: STATIONS signed counts from
# 64 devices at once, then 1,000/s for 10 s with freshness measured until EVERY server shows each receipt. Afterwards every server
# must answer the same tree head (size and root) and the same national results bytes; then wrk reads the national results
# through nginx. Everything (PostgreSQL, servers, nginx, load generator, wrk) shares this machine's cores.
# Usage: bench/servers.sh [STATIONS] [SERVERS]   (defaults 40000 and "1 2 3"). Run as root: PostgreSQL runs as postgres; nginx
# and wrk are installed from Debian when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
stations=${1:-40000}
counts=${2:-1 2 3}
need_wrk_and_nginx
pg=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
[ -x "$pg/initdb" ] || { apt-get update -qq; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; pg=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1); }
./sanoo --help >/dev/null
work=$(mktemp -d /tmp/sanoo-servers-bench-XXXX)
chmod 755 "$work"
chown postgres:postgres "$work"
pgport=$(free_port)
servers=()
stop_servers() { for pid in "${servers[@]}"; do kill "$pid" 2>/dev/null || true; done; for pid in "${servers[@]}"; do wait "$pid" 2>/dev/null || true; done; servers=(); }
stop_nginx() { [ -f "$work/nginx.pid" ] && nginx -p "$work" -c "$work/nginx.conf" -s stop 2>/dev/null || true; sleep 0.2; }
cleanup() {
  stop_servers; stop_nginx
  runuser -u postgres -- "$pg/pg_ctl" -D "$work/pg" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
runuser -u postgres -- "$pg/initdb" -D "$work/pg" -A trust -U sanoo >/dev/null
runuser -u postgres -- "$pg/pg_ctl" -D "$work/pg" -o "-p $pgport -k $work -c listen_addresses=127.0.0.1 -c max_connections=300" \
  -l "$work/pg.log" -w start >/dev/null
./sanoo generate synthetic --stations 100000 --out "$work/election" >/dev/null
key=$(./sanoo keys new --commission --out "$work/c.key" | grep -oE '[A-Za-z0-9+/]{43}=' | head -1)
echo "== $("$pg/postgres" --version), 100,000-station definition, $stations signed counts; load average $(cut -d' ' -f1-3 /proc/loadavg)"

# The same bytes from every server: tree size, root and the national results (sha256), once all have caught up.
same_everywhere() {
  local n=$1 ports=("${@:2}") heads results
  for _ in $(seq 100); do
    heads=$(for p in "${ports[@]}"; do curl -sf "http://127.0.0.1:$p/api/v1/tree-head" | python3 -c 'import json,sys; h=json.load(sys.stdin); print(h["treeSize"], h["rootHash"])'; done | sort -u)
    [ "$(wc -l <<<"$heads")" = 1 ] && break
    sleep 0.1
  done
  results=$(for p in "${ports[@]}"; do curl -sf "http://127.0.0.1:$p/api/v1/results" | sha256sum | cut -c1-16; done | sort -u)
  if [ "$(wc -l <<<"$heads")" = 1 ] && [ "$(wc -l <<<"$results")" = 1 ]; then
    echo "  all $n servers: tree size and root $(cut -c1-40 <<<"$heads")…, national results sha256 $results…: the same"
  else
    echo "  SERVERS DISAGREE: heads [$heads], results [$results]"; return 1
  fi
}

for n in $counts; do
  db="postgres:Host=127.0.0.1;Port=$pgport;Username=sanoo;Database=sanoo_$n"
  runuser -u postgres -- "$pg/psql" -h 127.0.0.1 -p "$pgport" -U sanoo -d postgres -qc "CREATE DATABASE sanoo_$n" >/dev/null
  ports=()
  for i in $(seq "$n"); do
    port=$(free_port); ports+=("$port")
    definition=(); [ "$i" = 1 ] && definition=(--definition "$work/election/election.json")
    ./sanoo serve "${definition[@]}" --db "$db" --signing-key "$work/c.key" --urls "http://127.0.0.1:$port" \
      --writes-per-second 1000000 --reads-per-second 100000000 --trusted-proxy 127.0.0.1 > "$work/serve-$n-$i.log" 2>&1 &
    servers+=($!)
    until curl -sf "http://127.0.0.1:$port/readyz" >/dev/null; do sleep 0.2; done
  done
  lb=$(free_port)
  cat > "$work/nginx.conf" <<CONF
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx.error.log;
events { worker_connections 4096; }
http {
  access_log off;
  upstream sanoo {
    least_conn;
$(for p in "${ports[@]}"; do echo "    server 127.0.0.1:$p;"; done)
    keepalive 128;
  }
  server {
    listen 127.0.0.1:$lb;
    client_max_body_size 4m;
    location / {
      proxy_pass http://sanoo;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
    }
  }
}
CONF
  nginx -p "$work" -c "$work/nginx.conf"
  echo "== $n server(s) on one PostgreSQL behind nginx (127.0.0.1:$lb); load average $(cut -d' ' -f1 /proc/loadavg)"
  watch=(); for p in "${ports[@]}"; do watch+=(--watch "http://127.0.0.1:$p"); done
  ./sanoo simulate --url "http://127.0.0.1:$lb" "${watch[@]}" --db "$db" --stations "$stations" --concurrency 64 --rate 1000 --seconds 10 \
    | grep -E '^(Signed ingest|Steady|Errors)' | sed 's/^/  /'
  same_everywhere "$n" "${ports[@]}"
  echo "  reads of /api/v1/results through nginx (gzip, br): $(wrk_rate "http://127.0.0.1:$lb/api/v1/results" "Accept-Encoding: gzip, br") req/s"
  for i in "${!servers[@]}"; do
    echo "  server $((i + 1)) peak memory: $(awk '/VmHWM/ {printf "%.0f MB", $2/1024}' "/proc/${servers[$i]}/status")"
  done
  stop_nginx; stop_servers
done
