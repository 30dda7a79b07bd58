#!/usr/bin/env bash
# Importing real elections: `sanoo import table` (decompression, parsing, definition, protocols, relation report), then
# `sanoo ingest` into a new SQLite store and `sanoo tally --db`, for Russia's 2021 Duma election and Bulgaria's of 11 July 2021,
# each step timed RUNS times (wall seconds from GNU time, and peak memory); prints every run and the medians.
# Usage: bench/import.sh [RUNS] [DATA]   (RUNS default 3; DATA default ../shared/data or $SANOO_REAL_DATA)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
runs=${1:-3}
data=${2:-${SANOO_REAL_DATA:-../shared/data}}
work=$(mktemp -d /tmp/sanoo-import-bench-XXXX)
trap 'rm -rf "$work"' EXIT
./sanoo --help >/dev/null # builds when the sources changed

# timed STEP_NAME COMMAND…: runs the command, appends "seconds peak_MB" to $work/STEP_NAME.
timed() {
  local name=$1; shift
  /usr/bin/time -f '%e %M' -o "$work/t" "$@" >/dev/null
  awk '{printf "%s %d\n", $1, $2 / 1024}' "$work/t" >> "$work/$name"
}

# election NAME TABLE MAP COUNT_FILES…
election() {
  local name=$1 table=$2 map=$3; shift 3
  for run in $(seq "$runs"); do
    rm -rf "$work/$name"
    timed "$name-import" ./sanoo import table "$table" --map "$map" --out "$work/$name"
    local files=(); for f in "$@"; do files+=("$work/$name/$f"); done
    timed "$name-ingest" ./sanoo ingest --definition "$work/$name/election.json" --db "sqlite:$work/$name/sanoo.db" "${files[@]}"
    timed "$name-tally" ./sanoo tally --db "sqlite:$work/$name/sanoo.db"
  done
  for step in import ingest tally; do
    printf '%s %-6s runs (s): %s   median %s s, peak %s MB\n' "$name" "$step" "$(cut -d' ' -f1 "$work/$name-$step" | tr '\n' ' ')" \
      "$(cut -d' ' -f1 "$work/$name-$step" | median)" "$(cut -d' ' -f2 "$work/$name-$step" | median)"
  done
}

election ru "$data/ru_dkobak_elections/2021.csv.xz" samples/ru-duma-2021/map.json cec.jsonl
election bg "$data/bg_elections_opendata_2021-07-11/41_protocols.csv.xz" samples/bg-2021/map.json \
  protocol.jsonl machine.jsonl machine-export.jsonl
echo "load average $(cut -d' ' -f1-3 /proc/loadavg)"
