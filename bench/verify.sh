#!/usr/bin/env bash
# The verifier at scale (loopback only): a synthetic election of STATIONS stations (default 100,000), its hand count ingested
# (one count: STATIONS log entries), served by `sanoo serve --signing-key` on 127.0.0.1 and checked by `sanoo verify --url`
# RUNS times (fresh state each run), then published with `sanoo publish` and checked by `sanoo verify --dir` (SKIP_DIR=1: --url
# only). SIGNED=1: the machine count instead, signed by a device key per station (`generate synthetic --signed-machine`), the keys
# enrolled first (a register record per station): the verifier then checks an Ed25519 signature per entry against the register.
# Wall time, CPU time (user + system) and peak RSS from /usr/bin/time -v, and the server's CPU time while each verify ran (the
# server shares the cores); with --timings the verifier prints its own phases. The whole-election exports (ERR JSON and XML,
# protocols.csv, a folder's compressed copies) are held to the replay only with EXPORTS=1 (otherwise --skip-exports, so the
# figures compare with earlier builds'; the server writes each ERR report for the request, which costs far more than the check).
# Usage: bench/verify.sh [STATIONS] [RUNS]   (SANOO=path/to/sanoo.dll to time another build; BEFORE=path/to/sanoo.dll to time an
# earlier build's verify too, run for run beside this one's, on the same store and server; KEEP=folder keeps the generated
# election, store and commission key there and uses them again on the next run with the same KEEP: a million signed counts take
# a quarter of an hour to generate and ingest, the verify a minute; PAGES=all: a live server's every page's HTML, not the share
# of the districts' a round reads by default, for this build and BEFORE's alike: leave it out when BEFORE has no --pages).
# The verifier runs with DOTNET_GCConserveMemory=9 (it starts itself again with it) unless the variable is set: export
# DOTNET_GCConserveMemory=0 to time it without, as builds before 7a8b85b ran. SITE=folder: the published copy is written there
# (without its compressed copies: a million stations' publish is about an hour and 30 GB so) and kept; a folder that already
# holds one is verified as it is, not published again; it must be of KEEP's store and key (`sanoo publish --db
# sqlite:KEEP/store.db --signing-key KEEP/c.key --no-compressed-copies --out SITE`). SKIP_URL=1: the --dir runs only.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
stations=${1:-100000}
runs=${2:-3}
command -v /usr/bin/time >/dev/null || { apt-get update -qq; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null; }
command -v bc >/dev/null || { apt-get update -qq; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq bc >/dev/null; }
[ -n "${SANOO:-}" ] || ./sanoo --help >/dev/null
dll=${SANOO:-.build/cli/sanoo.dll}
work=$(mktemp -d /tmp/sanoo-verify-bench-XXXX)
kept=${KEEP:-$work}
mkdir -p "$kept"
port=$(free_port)
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

if [ -f "$kept/ready" ]; then
  echo "== the election, store and key kept in $kept (KEEP) are used again"
elif [ "${SIGNED:-}" = 1 ]; then
  dotnet "$dll" generate synthetic --stations "$stations" --signed-machine --out "$work/election" >/dev/null
  : > "$work/none.jsonl" # stores the definition only: the one count measured is the machine's
  dotnet "$dll" ingest --definition "$work/election/election.json" --db "sqlite:$work/store.db" "$work/none.jsonl" >/dev/null
  dotnet "$dll" keys enrol --db "sqlite:$work/store.db" --keys "$work/election/devices.jsonl" >/dev/null
  dotnet "$dll" ingest --db "sqlite:$work/store.db" "$work/election/machine.jsonl" >/dev/null
else
  dotnet "$dll" generate synthetic --stations "$stations" --out "$work/election" >/dev/null
  dotnet "$dll" ingest --definition "$work/election/election.json" --db "sqlite:$work/store.db" "$work/election/hand.jsonl" >/dev/null
fi
if [ ! -f "$kept/ready" ]; then
  dotnet "$dll" keys new --commission --out "$work/c.key" | grep -oE '[A-Za-z0-9+/]{43}=' | head -1 > "$work/c.pub"
  if [ "$kept" != "$work" ]; then rm -rf "$work/election"; mv "$work"/store.db* "$work/c.key" "$work/c.pub" "$kept/"; touch "$kept/ready"; fi
fi
key=$(cat "$kept/c.pub")
if [ "$kept" != "$work" ]; then cp "$kept"/store.db* "$work/"; cp "$kept/c.key" "$work/c.key"; fi
dotnet "$dll" serve --db "sqlite:$work/store.db" --signing-key "$work/c.key" --urls "http://127.0.0.1:$port" \
  --reads-per-second 1000000 > "$work/serve.log" 2>&1 &
server=$!
until curl -sf "http://127.0.0.1:$port/api/v1/tree-head" >/dev/null; do sleep 0.5; done
echo "== issue 21's target at 1,000,000 stations: VERIFIED in under 60 s wall and under 1,024 MB peak RSS"
echo "== $stations stations${SIGNED:+ (signed machine count)}, $(curl -s "http://127.0.0.1:$port/api/v1/tree-head" | python3 -c 'import json,sys; print(json.load(sys.stdin)["treeSize"])') entries, served on 127.0.0.1; load average $(cut -d' ' -f1-3 /proc/loadavg)"

server_cpu() { # the server's CPU seconds so far (user + system), 0 when none runs
  if [ -n "$server" ] && [ -r "/proc/$server/stat" ]; then
    awk -v tck="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / tck}' "/proc/$server/stat"
  else echo 0; fi
}

measure() { # DLL LABEL ARGS…: one verify, fresh state
  local build=$1 label=$2; shift 2
  rm -f "$work/state.json"
  local before_server; before_server=$(server_cpu)
  /usr/bin/time -v -o "$work/time.txt" dotnet "$build" verify "$@" --commission-key "$key" --state "$work/state.json" > "$work/verify.log" 2>&1 || true
  local served; served=$(echo "$(server_cpu) - $before_server" | bc)
  local verdict; verdict=$(grep -oE '(NOT )?VERIFIED' "$work/verify.log" | head -1)
  local wall; wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time.txt")
  local rss; rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f MB", $2/1024}' "$work/time.txt")
  local cpu; cpu=$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {printf "%.1f s", u+s}' "$work/time.txt")
  local serving=""; [ -z "$server" ] || serving=", the server's CPU meanwhile $served s"
  echo "  $label: ${verdict:-no verdict}, wall $wall, CPU $cpu, peak RSS $rss$serving; load average $(cut -d' ' -f1 /proc/loadavg)"
  grep -E "^  (phase|timings)|^Pages' HTML" "$work/verify.log" | sed 's/^/    /' || true
}

both() { # LABEL ARGS…: this build, then the earlier one if BEFORE is set
  local label=$1; shift
  local exports=--skip-exports; [ "${EXPORTS:-}" != 1 ] || exports=""
  measure "$dll" "$label" "$@" $exports --timings
  [ -z "${BEFORE:-}" ] || measure "$BEFORE" "$label (before)" "$@" $exports
}
# shellcheck disable=SC2086 # PAGES=all adds two words; builds before --pages must run without it
[ "${SKIP_URL:-}" = 1 ] || for run in $(seq "$runs"); do both "verify --url run $run" --url "http://127.0.0.1:$port" --skip-images ${PAGES:+--pages $PAGES}; done
kill "$server"; server=""
[ "${SKIP_DIR:-}" = 1 ] && exit 0
site=${SITE:-$work/site}
if [ -n "${SITE:-}" ] && [ -f "$site/api/v1/tree-head.json" ]; then
  echo "== the folder published in $site (SITE) is verified as it is"
else
  start=$(date +%s)
  dotnet "$dll" publish --db "sqlite:$work/store.db" --out "$site" --signing-key "$work/c.key" ${SITE:+--no-compressed-copies} >/dev/null
  echo "  (publish: $(( $(date +%s) - start )) s)"
fi
for run in $(seq "$runs"); do both "verify --dir run $run" --dir "$site" --skip-images; done
