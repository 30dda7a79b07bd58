#!/usr/bin/env bash
# Benchmark: the night's progress series (stations counted and leading shares over time) of a synthetic election's hand count,
# for the whole map and for one district, the snapshot already frozen, as the server computes each once per snapshot.
# Usage: bench/progress.sh [STATIONS] [RUNS]   (default 100000 stations, 5 runs). Prints each run and the medians.
set -euo pipefail
cd "$(dirname "$0")/.."
stations=${1:-100000}
runs=${2:-5}
work=$(mktemp -d /tmp/sanoo-progress-bench-XXXX)
trap 'rm -rf "$work"' EXIT
dotnet build bench/Sanoo.Bench -c Release -o "$work/bin" --nologo -v quiet >/dev/null
dotnet "$work/bin/Sanoo.Bench.dll" progress "$stations" "$runs"
echo "load average $(cut -d' ' -f1-3 /proc/loadavg)"
