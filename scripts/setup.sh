#!/usr/bin/env bash
# Installs what Sanoo's build and tests need on a fresh Debian machine (run as root there).
# Safe to run again: it only installs what is missing. NuGet packages are restored by dotnet.
set -euo pipefail

if ! command -v dotnet >/dev/null 2>&1; then
  echo "setup: the .NET 10 SDK is required (https://dot.net); 'dotnet' is not on PATH." >&2
  exit 1
fi

# Debian packages the tests need:
#   postgresql  storage tests start their own server on a loopback port
#   chromium    browser tests drive it with Playwright (never 'playwright install': it downloads)
#   nginx       the published static site is served by it in the browser tests
#   fonts-dejavu-core  sanoo protocol-sheet and the share previews draw Cyrillic names with DejaVu Sans (tests check a font was found)
packages=(postgresql chromium nginx fonts-dejavu-core)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "setup: please install as root: apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  echo "setup: installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
