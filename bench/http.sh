#!/usr/bin/env bash
# Benchmarks of the server (loopback only): signed ingest over HTTP, freshness under a steady
# load, and public read throughput of the national results measured with wrk against nginx
# serving the same bytes as a static file on the same machine, with and without a browser's Accept-Encoding (nginx then
# serves the server's own gzip and Brotli bytes, saved beside the file), once the server has settled after the load and both
# have answered for 3 s untimed. The load comes from `sanoo simulate`. Signed ingest is
# printed beside this machine's Ed25519 verification ceiling measured in the same run (NSec on every core, `Sanoo.Bench
# signatures`, and `openssl speed ed25519` on every core), as a ratio, with the server's processor time per protocol.
# The first WARM_UP protocols of the burst (default 25000) are sent before it is timed: a server at an election night's peak has
# been taking protocols for a while, and its runtime has compiled the ingest path's code at its optimized tier; with the earlier
# 5,000 the timed burst still compiled some 3,000 methods (the script prints the server's compilations in the burst).
# PIN=1 times the reads with each server held to one core and wrk to the other (bench/common.sh). INLINE_IO=1 starts the server
# with --inline-io (reads already answered sent from the network threads, docs/operations.md); KESTREL_READS=1 with
# --no-connection-reads (every read through Kestrel's HTTP layer, not answered at the connection before it, the default). nginx sends the server's
# security, CORS and cache headers too (NGINX_HEADERS=bare: not, bench/common.sh).
# Usage: [WARM_UP=N] [PIN=1] [INLINE_IO=1] [KESTREL_READS=1] [NGINX_HEADERS=bare] bench/http.sh [STATIONS] [RUNS]   (defaults 60000 signed protocols: 25,000 warm-up, 25,000 timed, 10,000 at a
# steady rate; 3 wrk runs). Needs wrk and nginx (installed if missing, as root).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
stations=${1:-60000}
runs=${2:-3}
need_wrk_and_nginx
work=$(mktemp -d /tmp/sanoo-http-bench-XXXX)
chmod 755 "$work"
port=$(free_port); static=$(free_port)
server=""
cleanup() { # the server writes its checkpoint as it stops: wait for it before the folder goes
  if [ -n "$server" ]; then kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true; fi
  nginx -p "$work" -c "$work/nginx.conf" -s stop 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

./sanoo generate synthetic --stations 100000 --out "$work/election" >/dev/null
dotnet build bench/Sanoo.Bench -c Release -o "$work/bin" --nologo -v quiet >/dev/null
./sanoo serve --definition "$work/election/election.json" --db "sqlite:$work/store.db" --urls "http://127.0.0.1:$port" --writes-per-second 1000000 --reads-per-second 100000000 ${INLINE_IO:+--inline-io} ${KESTREL_READS:+--no-connection-reads} > "$work/serve.log" 2>&1 &
server=$!
until curl -sf "http://127.0.0.1:$port/api/v1/status" >/dev/null; do sleep 0.2; done

echo "== signed ingest and freshness (server: sanoo serve, SQLite, $(nproc) cores shared with the load generator) =="
./sanoo simulate --url "http://127.0.0.1:$port" --db "sqlite:$work/store.db" --stations "$stations" --concurrency 64 --rate 1000 --seconds 10 \
  --warm-up "${WARM_UP:-25000}" --server-pid "$server" | grep -v '^  [0-9]' | tee "$work/simulate.txt"
ingest=$(sed -n 's/^Signed ingest: \([0-9,]*\) protocols.*/\1/p' "$work/simulate.txt" | tr -d ,)

echo "== the Ed25519 verification ceiling of this machine, measured now =="
# (printed, then parsed: a `tee /dev/stderr` would truncate the output when stdout and stderr are one file)
ceiling=$(dotnet "$work/bin/Sanoo.Bench.dll" signatures 5)
echo "$ceiling"
nsec=$(sed -n 's/.*: \([0-9]*\) verifications\/s.*/\1/p' <<<"$ceiling")
ossl=$(openssl speed -seconds 5 -multi "$(nproc)" ed25519 2>/dev/null | awk '/^ *253 bits EdDSA/ {print $NF}')
echo "  openssl speed ed25519 on $(nproc) cores: ${ossl:-?} verifications/s"
echo "  signed ingest / ceiling: $(python3 -c "print(round($ingest/$nsec, 2))") of NSec's$([ -n "$ossl" ] && echo ", $(python3 -c "print(round($ingest/$ossl, 2))") of openssl's")"

echo "== reads: GET /api/v1/results (national results) vs nginx serving the same bytes, precompressed beside (.gz, .br) =="
mkdir -p "$work/www"
save_with_codings "http://127.0.0.1:$port/api/v1/results" "$work/www/results.json"
echo "  body: $(wc -c < "$work/www/results.json") bytes, $(wc -c < "$work/www/results.json.gz") gzip$([ -f "$work/www/results.json.br" ] && echo ", $(wc -c < "$work/www/results.json.br") brotli")"
cat > "$work/nginx.conf" <<CONF
$(nginx_load_brotli)
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx.error.log;
events { worker_connections 1024; }
http {
  access_log off;
  $(nginx_precompressed)
  server {
    listen 127.0.0.1:$static;
    root $work/www;
    location / {
      default_type application/json; etag on;
      $(nginx_same_headers "http://127.0.0.1:$port/api/v1/results")
    }
  }
}
CONF
$server_on nginx -p "$work" -c "$work/nginx.conf"
compare_reads /api/v1/results "http://127.0.0.1:$port/api/v1/results" "http://127.0.0.1:$static/results.json" "$runs" "$server"
