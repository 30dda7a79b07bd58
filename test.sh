#!/usr/bin/env bash
# The one test command: installs what the tests need, builds, runs every test project, and
# ends with one line "N passed, N failed" (", N skipped" when any) totalled over all projects.
# Tests that read the real election data (../shared/data or $SANOO_REAL_DATA; see
# scripts/fetch-real-data.sh) are skipped where it is not, each reason said in one line
# "N skipped: reason". Exits non-zero when anything failed or did not run, or when a test was
# skipped for any other reason; under CI (CI=true), where the data is given, any skip fails.
set -uo pipefail
cd "$(dirname "$0")"

bash scripts/setup.sh || exit 1

log=$(mktemp)
results=$(mktemp -d)
trap 'rm -rf "$log" "$results"' EXIT
dotnet test Sanoo.slnx -c Release --nologo --logger trx --results-directory "$results" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# VSTest prints one summary per test project:
#   Passed!  - Failed:     0, Passed:    93, Skipped:     0, Total:    93, Duration: …
read -r passed failed skipped projects < <(awk '
  /(Passed|Failed|Skipped)! +- +Failed: / {
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

# Each skipped test's reason, from the TRX files: "N skipped: reason", most frequent first.
reasons=$(cat "$results"/*.trx 2>/dev/null | awk '
  /outcome="NotExecuted"/ { skipped = 1 }
  skipped && /<Message>/ { sub(/.*<Message>/, ""); sub(/<\/Message>.*/, ""); print; skipped = 0 }
  /<\/UnitTestResult>/ { skipped = 0 }' | sort | uniq -c | sort -rn | sed -E 's/^ *([0-9]+) /\1 skipped: /')
if [ "$skipped" -gt 0 ]; then
  echo "${reasons:-$skipped skipped: no reason recorded}"
  if [ "${CI:-}" = "true" ]; then
    echo "test.sh: under CI every test must run, and $skipped were skipped" >&2
    status=1
  elif echo "${reasons:-x}" | grep -qv ' skipped: real election data not f'; then
    echo "test.sh: a test was skipped for a reason other than missing real election data" >&2
    status=1
  fi
fi

line="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && line="$line, $skipped skipped"
echo "$line"
if [ "$status" -ne 0 ] || [ "$failed" -gt 0 ] || [ "$passed" -eq 0 ]; then
  exit 1
fi
