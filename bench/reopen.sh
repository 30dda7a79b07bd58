#!/usr/bin/env bash
# Reopening a store: `sanoo serve` started on an existing store, timed until /readyz answers 200 (the definition read, the
# log replayed or adopted from its checkpoint, the store's self-check and the first snapshot done), with the server's CPU time
# and peak memory then. Each run starts the server twice, alternately: from the last checkpoint (as a restart does) and with
# --full-replay (the whole log replayed and checked), and prints the medians of both.
# Usage: bench/reopen.sh STORE [RUNS] [SANOO_DLL]   (STORE as for --db, e.g. sqlite:/tmp/big/store.db; RUNS default 3;
# SANOO_DLL default: this checkout's build, to compare with an earlier build's sanoo.dll, which knows no --full-replay: set
# MODES=plain to start it as it is).
# The server writes a checkpoint at each clean shutdown (and every 100,000 entries), so the store is written to: use a copy.
# A store without one gets it from a first start and stop, not counted.
# A store of 1,000,000 stations: ./sanoo generate synthetic --stations 1000000 --out DIR, then
# ./sanoo ingest --definition DIR/election.json --db sqlite:DIR/store.db DIR/hand.jsonl
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
store=$1
runs=${2:-3}
dll=${3:-}
modes=${MODES:-checkpoint full}
if [ -z "$dll" ]; then
  ./sanoo --help >/dev/null # builds when the sources changed
  dll=.build/cli/sanoo.dll
fi
ticks=$(getconf CLK_TCK)
log=/tmp/sanoo-reopen-$$.log

# Starts the server (extra options in $1), waits until ready; prints "WALL CPU PEAK_MB FROM" (with the server's "Opened in …"
# line: the definition's and the log's share of the open, the collections and their pause) and stops it cleanly.
start_once() {
  local port pid start ready cpu peak from opened
  port=$(free_port)
  start=$(date +%s.%N)
  # shellcheck disable=SC2086
  dotnet "$dll" serve --db "$store" --urls "http://127.0.0.1:$port" $1 >"$log" 2>&1 &
  pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/readyz" || true)" = 200 ]; do
    kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; exit 1; }
    sleep 0.05
  done
  ready=$(date +%s.%N)
  cpu=$(awk -v t="$ticks" '{printf "%.2f", ($14 + $15) / t}' "/proc/$pid/stat")
  peak=$(awk '/VmHWM/ {printf "%d", $2 / 1024}' "/proc/$pid/status")
  kill "$pid"; wait "$pid" 2>/dev/null || true # SIGTERM: a clean shutdown, which writes a checkpoint
  from=$(grep -o 'checkpoint at log position [0-9,]*\( and register record [0-9,]*\)\?\|checkpoint was refused\|whole log was replayed' "$log" | head -1 || true)
  opened=$(grep -o 'Opened in .* paused' "$log" | head -1 || true) # the log's own split and the collector's count (not in earlier builds)
  printf '%s %s %s %s%s\n' "$(echo "$ready - $start" | bc)" "$cpu" "$peak" "${from:-(no checkpoint line)}" "${opened:+; $opened}"
}

if [[ "$store" == sqlite:* ]] && [[ "$modes" == *checkpoint* ]] && [ ! -f "${store#sqlite:}.checkpoint.json" ]; then
  echo "no checkpoint beside ${store#sqlite:} yet: a first start and stop writes one (not counted)"
  start_once "--full-replay" >/dev/null
fi

declare -A walls cpus peaks
for run in $(seq "$runs"); do
  for mode in $modes; do
    case $mode in
      checkpoint) options="" ;;
      full) options="--full-replay" ;;
      *) options="" ;;
    esac
    read -r wall cpu peak from < <(start_once "$options")
    walls[$mode]+="$wall "; cpus[$mode]+="$cpu "; peaks[$mode]+="$peak "
    printf 'run %d, %s: ready after %.2f s wall, %s s CPU (user + system), peak RSS %s MB (%s)\n' \
      "$run" "$mode" "$wall" "$cpu" "$peak" "$from"
  done
done
for mode in $modes; do
  printf '%s, median of %d: %.2f s until /readyz answered ready, %s s CPU, peak RSS %s MB\n' "$mode" "$runs" \
    "$(printf '%s\n' ${walls[$mode]} | median)" "$(printf '%s\n' ${cpus[$mode]} | median)" "$(printf '%s\n' ${peaks[$mode]} | median)"
done
printf 'load average %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
rm -f "$log"
