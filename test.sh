#!/usr/bin/env bash
# The one test command: installs what the tests need, builds, runs every test project, and
# ends with one line "N passed, N failed" (", N skipped" when any) totalled over all projects.
# Exits non-zero when anything failed or did not run.
set -uo pipefail
cd "$(dirname "$0")"

bash scripts/setup.sh || exit 1

log=$(mktemp)
trap 'rm -f "$log"' EXIT
dotnet test Sanoo.slnx -c Release --nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# VSTest prints one summary per test project:
#   Passed!  - Failed:     0, Passed:    93, Skipped:     0, Total:    93, Duration: …
read -r passed failed skipped projects < <(awk '
  /(Passed|Failed)! +- +Failed: / {
    gsub(",", "");
    for (i = 1; i <= NF; i++) {
      if ($i == "Failed:") f += $(i+1);
      if ($i == "Passed:") p += $(i+1);
      if ($i == "Skipped:") s += $(i+1);
    }
    n++
  }
  END { printf "%d %d %d %d\n", p, f, s, n }' "$log")

expected=$(find tests -name '*.Tests.csproj' | wc -l)
if [ "$projects" -ne "$expected" ]; then
  echo "test.sh: $projects of $expected test projects reported results" >&2
  status=1
fi

if [ "$failed" -gt 0 ]; then
  echo "Failed tests:"
  grep -E '^\s+Failed [A-Za-z]' "$log" | sed 's/^ */  /' | sort -u
fi
line="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && line="$line, $skipped skipped"
echo "$line"
if [ "$status" -ne 0 ] || [ "$failed" -gt 0 ] || [ "$passed" -eq 0 ]; then
  exit 1
fi
