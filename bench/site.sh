#!/usr/bin/env bash
# Benchmarks of the results site (loopback only) on the kg-2021 sample, both counts stored:
#   1. sanoo publish: time to write the whole static site (median of RUNS), pages and size;
#   2. page sizes, raw and gzip-compressed, of a national, a district and a station page;
#   3. reads with wrk: the live server's pages vs nginx serving the same bytes (saved from it, with its gzip and Brotli forms
#      beside), without and with a browser's Accept-Encoding.
# PIN=1 holds each server to one core and wrk to the other (bench/common.sh); INLINE_IO=1 starts the server with --inline-io
# (reads already answered sent from the network threads, docs/operations.md). nginx sends the server's security, CORS and cache
# headers too (NGINX_HEADERS=bare: not, bench/common.sh).
# Usage: [PIN=1] [INLINE_IO=1] [NGINX_HEADERS=bare] bench/site.sh [RUNS]   (default 3). Needs wrk and nginx (installed if missing, as root).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
runs=${1:-3}
need_wrk_and_nginx
work=$(mktemp -d /tmp/sanoo-site-bench-XXXX)
chmod 755 "$work"
port=$(free_port); static=$(free_port)
server=""
cleanup() { # the server writes its checkpoint as it stops: wait for it before the folder goes
  if [ -n "$server" ]; then kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true; fi
  nginx -p "$work" -c "$work/nginx.conf" -s stop 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

./sanoo generate kg-2021 --out "$work/kg" >/dev/null
# The machine count is a signed source: enrol the sample's device keys, then ingest its signed lines (each verified).
./sanoo ingest --definition "$work/kg/election.json" --db "sqlite:$work/store.db" "$work/kg/hand.jsonl" >/dev/null
./sanoo keys enrol --db "sqlite:$work/store.db" --keys "$work/kg/devices.jsonl" >/dev/null
./sanoo ingest --db "sqlite:$work/store.db" "$work/kg/machine.jsonl" >/dev/null

echo "== sanoo publish (kg-2021: 2,494 stations, 3 languages) =="
for run in $(seq "$runs"); do
  start=$(date +%s.%N)
  ./sanoo publish --db "sqlite:$work/store.db" --out "$work/site" > "$work/publish.log"
  python3 -c "print(round($(date +%s.%N) - $start, 2))"
done | median | sed 's/^/  median seconds: /'
grep -o 'Published.*' "$work/publish.log" | sed 's/^/  /'

echo "== page sizes (bytes: raw, gzip -6) =="
for page in en/index.html ru/area/d01/index.html ky/station/s0001/index.html en/data.csv; do
  echo "  $page: $(wc -c < "$work/site/$page"), $(gzip -6 -c "$work/site/$page" | wc -c)"
done

echo "== reads: live server pages vs nginx serving the same bytes, precompressed beside (.gz, .br) =="
./sanoo serve --db "sqlite:$work/store.db" --urls "http://127.0.0.1:$port" --reads-per-second 100000000 ${INLINE_IO:+--inline-io} > "$work/serve.log" 2>&1 &
server=$!
until curl -sf "http://127.0.0.1:$port/api/v1/status" >/dev/null; do sleep 0.2; done
pages="/en/ /ru/station/s0001/"
for page in $pages; do
  mkdir -p "$work/live$page"
  save_with_codings "http://127.0.0.1:$port$page" "$work/live${page}index.html"   # rendered and compressed once, then kept
done
cat > "$work/nginx.conf" <<CONF
$(nginx_load_brotli)
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx.error.log;
events { worker_connections 1024; }
http {
  access_log off;
  types { text/html html; text/csv csv; application/json json; text/css css; text/javascript js; image/png png; }
  $(nginx_precompressed)
  server {
    listen 127.0.0.1:$static; root $work/live; index index.html; etag on;
    $(nginx_same_headers "http://127.0.0.1:$port/en/")
  }
}
CONF
$server_on nginx -p "$work" -c "$work/nginx.conf"
for page in $pages; do
  compare_reads "$page" "http://127.0.0.1:$port$page" "http://127.0.0.1:$static$page" "$runs" "$server"
done
