#!/usr/bin/env bash
# Benchmark: the forensic analyses (integer-percentage tests with their Monte Carlo, distributions, flags) of a synthetic
# election's hand count over the whole map, the snapshot already frozen, as the server computes them once per snapshot.
# Usage: bench/forensics.sh [STATIONS] [RUNS] [CHANGED]   (default 100000 stations, 5 runs). Prints each run and the median.
# With CHANGED, times instead the reports a refresh after CHANGED new protocols remakes (every area above those stations), as a
# new process makes them and as one that kept the earlier snapshot's null draws does (the server, sanoo publish --watch).
# With FLAGS=1, times instead the stations' flags over the whole map that every publish and snapshot asks for, and the
# discrepancy ledger beside them (RUNS of each; fails when the flags alone differ from the report's). With LEDGER=1, times instead
# the discrepancy ledger of both counts at every station (RUNS times) and prints the memory it holds.
set -euo pipefail
cd "$(dirname "$0")/.."
stations=${1:-100000}
runs=${2:-5}
work=$(mktemp -d /tmp/sanoo-forensics-bench-XXXX)
trap 'rm -rf "$work"' EXIT
dotnet build bench/Sanoo.Bench -c Release -o "$work/bin" --nologo -v quiet >/dev/null
if [ "${LEDGER:-0}" = 1 ]; then
  dotnet "$work/bin/Sanoo.Bench.dll" ledger "$stations" "$runs"
elif [ "${FLAGS:-0}" = 1 ]; then
  dotnet "$work/bin/Sanoo.Bench.dll" forensics-flags "$stations" "$runs"
elif [ -n "${3:-}" ]; then
  dotnet "$work/bin/Sanoo.Bench.dll" forensics-refresh "$stations" "$3"
else
  dotnet "$work/bin/Sanoo.Bench.dll" forensics "$stations" "$runs"
fi
