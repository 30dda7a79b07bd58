#!/usr/bin/env bash
# Benchmark of sanoo publish at scale, on a synthetic election of N stations (hand count only, one language):
#   1. a full publish into an empty folder (time, pages, files, size on disk, bytes per station);
#   2. a second publish with nothing new (must write nothing);
#   3. a refresh after REFRESH new protocols (held back from the first ingest) by a new process: time, pages made, files written;
#   4. sanoo publish --watch kept running over the folder, and two rounds, each after REFRESH more new protocols: what a round
#      costs when the store and the manifest stay open (its stages, CPU and wall time, as the watch prints them). The first
#      round after the watch starts also compiles the code that makes pages; the second is what every later round costs. The
#      watch is paused (SIGSTOP) while each batch is stored, so that a round sees the whole batch, not half of it.
# Usage: bench/publish.sh [STATIONS] [REFRESH] [PUBLISH OPTIONS…]   (defaults 100000 and 1000), e.g.
#   bench/publish.sh 100000 1000 --exports-every 10   (the refresh leaves open data and the ledger of the first publish)
# SANOO_DLL=path/to/sanoo.dll runs another build's publish (to compare before and after on the same machine).
# PUBLISH_WORK=folder puts the store and the site there and keeps them (default: a temporary folder, removed at the end).
# KEEP=folder keeps the generated election's store (as first ingested), key and held-back protocols there and uses them again on
# the next run with the same KEEP: at a million stations generating and ingesting take longer than a refresh's measure.
# TRACE=folder also records the refresh's process with dotnet-trace (its default profile: CPU samples) into folder/refresh.nettrace;
# its CPU and peak RSS are then those of the process under the trace.
# Each step prints its wall time and its CPU time (user + system, which a shared machine's load does not inflate).
# Each publish also prints its peak RSS, the CPU per station of the election, the load average (a shared machine's wall times
# are noise), the time to open the store and each stage's wall and CPU time. A million stations wrote 45.8 GB into the folder
# (one language, with the copies: 12 million files, which ext4's 4 KB blocks made about 70 GB of disk) before a station's small
# data files lost their copies (about 8 million files and 55 GB of disk since; the script refuses to start without 62 KB a station
# free) and takes some 56 minutes of 2 idle cores for the first publish (docs/performance.md).
# Give --exports-every more minutes than the first publish takes (--exports-every 120 at a million stations): the refresh
# would otherwise write the files of the whole election again (the ERR report is 7.9 GB at a million stations).
set -euo pipefail
cd "$(dirname "$0")/.."
stations=${1:-100000}
refresh=${2:-1000}
extra=("${@:3}")
sanoo=(./sanoo)
if [ -n "${SANOO_DLL:-}" ]; then sanoo=("$(command -v dotnet)" "$SANOO_DLL"); fi
if [ -n "${PUBLISH_WORK:-}" ]; then
  work=$PUBLISH_WORK
  mkdir -p "$work"
  [ -z "$(ls -A "$work")" ] || { echo "$work is not empty." >&2; exit 1; }
else
  work=$(mktemp -d "${TMPDIR:-/tmp}/sanoo-publish-bench-XXXX")
  trap 'rm -rf "$work"' EXIT
fi
# The folder takes about 55 KB of disk a station with its copies (4 KB blocks; docs/performance.md) and the store about 1 KB (the
# generated protocols, about 2 KB, are removed once stored): refuse to start without 62 KB a station.
need=$((stations * 62 / 1000))
free=$(df -Pm "$work" | awk 'NR == 2 { print $4 }')
if [ "$free" -lt "$need" ]; then
  echo "Not enough disk under $work: $free MB free, about $need MB needed for $stations stations." >&2
  exit 1
fi
seconds() { python3 -c "import sys; print(round(float(sys.argv[2]) - float(sys.argv[1]), 2))" "$1" "$(date +%s.%N)"; }
# Runs sanoo publish into the folder, its output in $1, and prints its wall and CPU seconds.
publish() {
  local log=$1 start traced=()
  if [ -n "${TRACE:-}" ] && [ "$log" = "$work/refresh.log" ]; then
    mkdir -p "$TRACE"
    traced=("${DOTNET_TRACE:-$HOME/.dotnet/tools/dotnet-trace}" collect --show-child-io --output "$TRACE/refresh.nettrace" --)
  fi
  start=$(date +%s.%N)
  /usr/bin/time -f '%U %S %M' -o "$work/cpu" "${traced[@]}" "${sanoo[@]}" publish --db "sqlite:$work/store.db" --out "$work/site" \
    --signing-key "$work/commission.key" "${extra[@]}" > "$log"
  read -r user system rss < "$work/cpu"
  echo "  seconds: $(seconds "$start") wall, $user user + $system system CPU; peak RSS $((rss / 1024)) MB; load average $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "  CPU per station of the election: $(python3 -c "print(round(($user + $system) * 1000 / $stations, 2))") ms"
}
# What a publish said, less its progress lines and the closing advice.
said() { grep -v -E '^  [0-9,]+ of [0-9,]+ pages made|^Tree head signed|sanoo verify' "$1" | sed 's/^/  /'; }

kept=(commission.key first.count later.jsonl watched.jsonl watched2.jsonl)
if [ -n "${KEEP:-}" ] && [ -f "$KEEP/watched2.jsonl" ] && [ "$(cat "$KEEP/stations" 2>/dev/null)" = "$stations/$refresh" ]; then
  echo "== the store, key and held-back protocols kept in $KEEP (KEEP) are used again"
  for file in "${kept[@]}"; do cp "$KEEP/$file" "$work/$file"; done
  cp "$KEEP"/store.db* "$work/"
else
  "${sanoo[@]}" generate synthetic --stations "$stations" --out "$work/gen" >/dev/null
  total=$(wc -l < "$work/gen/hand.jsonl")
  # One protocol is never sent: a count that completes changes what every page shows (the count's stage), so every page is made.
  # Three batches of REFRESH are held back: one for the refresh by a new process, two for the rounds of --watch.
  # (sed, not tail | head: head closing the pipe early fails the pipeline under pipefail.)
  first=$((total - 3 * refresh - 1))
  sed -n "1,${first}p" "$work/gen/hand.jsonl" > "$work/first.jsonl"
  sed -n "$((first + 1)),$((first + refresh))p" "$work/gen/hand.jsonl" > "$work/later.jsonl"
  sed -n "$((first + refresh + 1)),$((first + 2 * refresh))p" "$work/gen/hand.jsonl" > "$work/watched.jsonl"
  sed -n "$((first + 2 * refresh + 1)),$((first + 3 * refresh))p" "$work/gen/hand.jsonl" > "$work/watched2.jsonl"
  "${sanoo[@]}" ingest --definition "$work/gen/election.json" --db "sqlite:$work/store.db" "$work/first.jsonl" >/dev/null
  # Stored: the generated files are not read again (at a million stations some 2 GB the folder may need).
  rm -rf "$work/gen" "$work/first.jsonl"
  "${sanoo[@]}" keys new --commission --out "$work/commission.key" >/dev/null
  echo "$first" > "$work/first.count"
  if [ -n "${KEEP:-}" ]; then
    mkdir -p "$KEEP"
    for file in "${kept[@]}"; do cp "$work/$file" "$KEEP/$file"; done
    cp "$work"/store.db* "$KEEP/"
    echo "$stations/$refresh" > "$KEEP/stations"
  fi
fi

echo "== full publish ($stations stations, $(cat "$work/first.count") protocols) =="
publish "$work/full.log"
said "$work/full.log"
bytes=$(du -sb "$work/site" | cut -f1)
files=$(find "$work/site" -type f | wc -l)
plain=$(find "$work/site" -type f ! -name '*.gz' ! -name '*.br' -print0 | du -cb --files0-from=- | tail -1 | cut -f1)
echo "  on disk: $files files, $bytes bytes ($plain without the compressed copies)"
echo "  bytes per station: $((bytes / stations)) ($((plain / stations)) without the copies)"
station=$(ls "$work/site/en/station" | sed -n 1p)
for page in en/index.html "en/station/$station/index.html"; do
  echo "  $page: $(wc -c < "$work/site/$page") bytes, .gz $(wc -c < "$work/site/$page.gz"), .br $(wc -c < "$work/site/$page.br")"
done
echo "  manifest: $(wc -c < "$work/site/publish-manifest.json") bytes"
echo "  bytes per station by part (with copies):"
for part in '*/station' '*/area' api/v1/area-entries api/v1/results api/v1/entries api/v1/export data '*/discrepancies' '*/search'; do
  # shellcheck disable=SC2086 # the part is a glob
  size=$(cd "$work/site" && du -scb $part 2>/dev/null | tail -1 | cut -f1)
  echo "    $part: $((size / stations))"
done

echo "== publish again, nothing new =="
publish "$work/again.log"
said "$work/again.log"

echo "== refresh after $refresh new protocols =="
"${sanoo[@]}" ingest --db "sqlite:$work/store.db" "$work/later.jsonl" >/dev/null
publish "$work/refresh.log"
said "$work/refresh.log"
echo "  folder after: $(du -sb "$work/site" | cut -f1) bytes"

echo "== sanoo publish --watch, two rounds, each after $refresh more new protocols =="
# The watch opens the store and reads the manifest once; each round then costs what changed (docs/performance.md).
"${sanoo[@]}" publish --db "sqlite:$work/store.db" --out "$work/site" --signing-key "$work/commission.key" "${extra[@]}" \
  --watch --interval 1 > "$work/watch.log" 2>&1 &
watcher=$!
until grep -q '^Watching' "$work/watch.log"; do
  kill -0 "$watcher" 2>/dev/null || { cat "$work/watch.log" >&2; exit 1; }
  sleep 1
done
for batch in watched watched2; do
  kill -STOP "$watcher"
  position=$("${sanoo[@]}" ingest --db "sqlite:$work/store.db" "$work/$batch.jsonl" | sed -n -E 's/^The log now holds ([0-9,]+) .*/\1/p')
  kill -CONT "$watcher"
  until grep -q "snapshot $position:" "$work/watch.log"; do
    kill -0 "$watcher" 2>/dev/null || { cat "$work/watch.log" >&2; exit 1; }
    sleep 1
  done
done
kill "$watcher"
wait "$watcher" || true
sed -n '/^Drew the forensic/,$p' "$work/watch.log" | grep -v '^Watching' | sed 's/^/  /'
grep ' pages made, in ' "$work/watch.log" | sed -E 's/.* in ([0-9.]+) s\./\1/' \
  | awk '{ printf "  round %d: %.1f s wall\n", NR, $1 }'
