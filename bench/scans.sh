#!/usr/bin/env bash
# Benchmark: drawing the demo's scans of paper protocols (kg-2021 sample, party-list machine counts), as `sanoo demo` does for
# every count it sends. Usage: bench/scans.sh [STATIONS] [RUNS]   (default 200 stations, 5 runs). Prints each run and the median.
set -euo pipefail
cd "$(dirname "$0")/.."
stations=${1:-200}
runs=${2:-5}
work=$(mktemp -d /tmp/sanoo-scans-bench-XXXX)
trap 'rm -rf "$work"' EXIT
dotnet build bench/Sanoo.Bench -c Release -o "$work/bin" --nologo -v quiet >/dev/null
dotnet "$work/bin/Sanoo.Bench.dll" scans "$stations" "$runs"
