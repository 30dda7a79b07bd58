#!/usr/bin/env bash
# Benchmark: `sanoo tally` over a synthetic election, and `sanoo check` of its definition.
# Usage: [LEVELS=L] [GROUPINGS=G] bench/tally.sh [STATIONS] [RUNS]   (default 100000 stations, 5 runs, 4 levels, no grouping)
# Prints the median wall time and the largest peak memory of the runs. Needs GNU time.
set -euo pipefail
cd "$(dirname "$0")/.."
stations=${1:-100000}
runs=${2:-5}
dir=$(mktemp -d "/tmp/sanoo-bench-$stations-XXXX")
trap 'rm -rf "$dir"' EXIT

./sanoo --version >/dev/null   # build once, outside the timings
./sanoo generate synthetic --stations "$stations" --levels "${LEVELS:-4}" --groupings "${GROUPINGS:-0}" --out "$dir" >/dev/null
protocols=$(( $(wc -l < "$dir/hand.jsonl") + $(wc -l < "$dir/machine.jsonl") ))
echo "synthetic election: $stations stations on ${LEVELS:-4} levels with ${GROUPINGS:-0} groupings, $protocols protocols, $(du -sh "$dir" | cut -f1) on disk"

measure() { # name, command...
  local name=$1; shift
  local times=() rss=0
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %M" -o "$dir/time" "$@" >/dev/null
    read -r t m < "$dir/time"
    times+=("$t")
    [ "$m" -gt "$rss" ] && rss=$m
  done
  median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}')
  printf '%-28s median %6.2f s  (runs: %s)  peak RSS %d MB\n' "$name" "$median" "${times[*]}" $((rss / 1024))
}

measure "check definition" ./sanoo check "$dir/election.json"
measure "tally machine + hand" ./sanoo tally "$dir/election.json" "$dir/machine.jsonl" "$dir/hand.jsonl"
