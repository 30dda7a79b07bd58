#!/usr/bin/env bash
# Reopening a store: `sanoo serve` started on an existing store, timed until /readyz answers 200 (the definition read, the
# log replayed, the store's self-check and the first snapshot done), with the server's CPU time and peak memory then.
# Usage: bench/reopen.sh STORE [RUNS] [SANOO_DLL]   (STORE as for --db, e.g. sqlite:/tmp/big/store.db; RUNS default 3;
# SANOO_DLL default: this checkout's build, to compare with an earlier build's sanoo.dll).
# A store of 1,000,000 stations: ./sanoo generate synthetic --stations 1000000 --out DIR, then
# ./sanoo ingest --definition DIR/election.json --db sqlite:DIR/store.db DIR/hand.jsonl
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
store=$1
runs=${2:-3}
dll=${3:-}
if [ -z "$dll" ]; then
  ./sanoo --help >/dev/null # builds when the sources changed
  dll=.build/cli/sanoo.dll
fi
ticks=$(getconf CLK_TCK)
times=()
for run in $(seq "$runs"); do
  port=$(free_port)
  start=$(date +%s.%N)
  dotnet "$dll" serve --db "$store" --urls "http://127.0.0.1:$port" >/tmp/sanoo-reopen-$$.log 2>&1 &
  pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/readyz" || true)" = 200 ]; do
    kill -0 "$pid" 2>/dev/null || { cat /tmp/sanoo-reopen-$$.log >&2; exit 1; }
    sleep 0.05
  done
  ready=$(date +%s.%N)
  cpu=$(awk -v t="$ticks" '{printf "%.2f", ($14 + $15) / t}' "/proc/$pid/stat")
  peak=$(awk '/VmHWM/ {printf "%d", $2 / 1024}' "/proc/$pid/status")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  wall=$(echo "$ready - $start" | bc)
  times+=("$wall")
  printf 'run %d: ready after %.2f s wall, %s s CPU (user + system), peak RSS %s MB\n' "$run" "$wall" "$cpu" "$peak"
done
printf 'median of %d: %.2f s until /readyz answered ready (load average %s)\n' "$runs" "$(printf '%s\n' "${times[@]}" | median)" \
  "$(cut -d' ' -f1-3 /proc/loadavg)"
rm -f /tmp/sanoo-reopen-$$.log
