#!/usr/bin/env bash
# Benchmark: the forensic analyses (integer-percentage tests with their Monte Carlo, distributions, flags) of a synthetic
# election's hand count over the whole map, the snapshot already frozen, as the server computes them once per snapshot.
# Usage: bench/forensics.sh [STATIONS] [RUNS]   (default 100000 stations, 5 runs). Prints each run and the median.
set -euo pipefail
cd "$(dirname "$0")/.."
stations=${1:-100000}
runs=${2:-5}
work=$(mktemp -d /tmp/sanoo-forensics-bench-XXXX)
trap 'rm -rf "$work"' EXIT
dotnet build bench/Sanoo.Bench -c Release -o "$work/bin" --nologo -v quiet >/dev/null
dotnet "$work/bin/Sanoo.Bench.dll" forensics "$stations" "$runs"
