#!/usr/bin/env bash
# Full-scale rehearsal on this machine (loopback only):
#   1. a synthetic election of STATIONS stations (default 1,000,000) served by one `sanoo serve`
#      (SQLite), loaded by `sanoo simulate`: every station's device enrolled and sending its
#      signed machine count, a burst from 64 devices, then 1,000/s with freshness measured;
#      the server's peak memory (VmHWM) is read from /proc; the server is then stopped as an operator
#      stops it (SIGTERM) and its store reopened three times (bench/reopen.sh: time until /readyz);
#   2. the Kyrgyz 2021 night through the real API at 100× real speed (`sanoo demo --speed 100`).
# Usage: bench/rehearsal.sh [STATIONS]   (SKIP_DEMO=1: the first part only)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
stations=${1:-1000000}
work=$(mktemp -d /tmp/sanoo-rehearsal-XXXX)
port=$(free_port)
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

./sanoo generate synthetic --stations "$stations" --out "$work/election" >/dev/null
start=$(date +%s.%N)
./sanoo serve --definition "$work/election/election.json" --db "sqlite:$work/store.db" --urls "http://127.0.0.1:$port" --writes-per-second 1000000 > "$work/serve.log" 2>&1 &
server=$!
until curl -sf "http://127.0.0.1:$port/api/v1/status" >/dev/null; do sleep 0.2; done
echo "== $stations stations: server up in $(python3 -c "print(round($(date +%s.%N) - $start, 1))") s"
pid=$(pgrep -f "serve --definition $work/election/election.json" | head -1)
./sanoo simulate --url "http://127.0.0.1:$port" --db "sqlite:$work/store.db" --stations "$stations" --concurrency 64 --rate 1000 --seconds 10 --server-pid "$pid" | grep -v '^  [0-9]'
echo "  server peak memory: $(grep VmHWM /proc/"$pid"/status | awk '{print $2/1024 " MB"}')"
curl -s "http://127.0.0.1:$port/api/v1/status" | python3 -c 'import json,sys; d=json.load(sys.stdin); print("  published snapshot:", d["snapshot"], "publication:", d["publication"])'
kill "$server"; wait "$server" 2>/dev/null || true; server=""
echo "== reopening the store of $stations stations after the night (bench/reopen.sh)"
bench/reopen.sh "sqlite:$work/store.db" 3 | sed 's/^/  /'

[ "${SKIP_DEMO:-}" = 1 ] && exit 0
echo "== the Kyrgyz 2021 night at 100x real speed through the real API"
/usr/bin/time -f "  wall %e s, peak memory %M KB (demo and server in one process)" ./sanoo demo --speed 100 --exit-when-done --dir "$work/demo" --urls "http://127.0.0.1:$(free_port)" 2>&1 | grep -E 'Voters who took part|Along the way|wall|certified' | sed 's/^/  /'
