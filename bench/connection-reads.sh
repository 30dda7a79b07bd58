#!/usr/bin/env bash
# Reads already answered from the snapshot, answered at the connection (the default) against the same reads
# through Kestrel's HTTP layer (`sanoo serve --no-connection-reads`), turn about, on one store (loopback only). Each turn starts the server held to
# core 1, warms it with wrk for 5 s, then times wrk on core 0 (one thread, 64 connections, 10 s) asking for the national
# results compressed (Accept-Encoding: gzip, br), and prints the rate and the server's user and system processor time per read
# from /proc: on a noisy shared machine the processor a read costs moves less than the rate.
# Usage: bench/connection-reads.sh [PAIRS]   (default 3; the store is the demo's, made once in $WORK, default /tmp/sanoo-reads)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
need_wrk_and_nginx
pairs=${1:-3}
work=${WORK:-/tmp/sanoo-reads}
port=$(free_port)
url="http://127.0.0.1:$port/api/v1/results"
if [ ! -f "$work/sanoo.db" ]; then
  ./sanoo demo --speed max --dir "$work" --urls "http://127.0.0.1:$port" --exit-when-done > /dev/null
fi
tick=$(getconf CLK_TCK)
for turn in $(seq 1 "$pairs"); do
  for mode in connection kestrel; do
    flag=""
    [ "$mode" = kestrel ] && flag=--no-connection-reads
    taskset -c 1 ./sanoo serve --db "sqlite:$work/sanoo.db" --signing-key "$work/commission.key" --urls "http://127.0.0.1:$port" \
      --reads-per-second 100000000 $flag > "$work/serve.log" 2>&1 &
    pid=$!
    until curl -sf -o /dev/null "http://127.0.0.1:$port/readyz"; do sleep 1; done
    taskset -a -p -c 1 "$pid" > /dev/null
    curl -s -o /dev/null -H 'Accept-Encoding: gzip, br' "$url"
    taskset -c 0 wrk -t1 -c64 -d5s -H 'Accept-Encoding: gzip, br' "$url" > /dev/null
    read -r u0 s0 < <(awk '{print $14, $15}' "/proc/$pid/stat")
    out=$(taskset -c 0 wrk -t1 -c64 -d10s -H 'Accept-Encoding: gzip, br' "$url")
    read -r u1 s1 < <(awk '{print $14, $15}' "/proc/$pid/stat")
    total=$(awk '/requests in/ {print $1}' <<<"$out")
    rate=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    echo "turn $turn $mode: $rate reads/s; server processor a read: user $(echo "scale=1; ($u1-$u0)*1000000/$tick/$total" | bc) µs," \
      "system $(echo "scale=1; ($s1-$s0)*1000000/$tick/$total" | bc) µs"
    kill "$pid"
    wait "$pid" 2> /dev/null || true
  done
done
