#!/usr/bin/env bash
# Fetches the real election data the tests read from its public origins, into DIR (default: $SANOO_REAL_DATA, else
# ../shared/data beside the repository), with the layout of the shared copy:
#
#   scripts/fetch-real-data.sh [DIR]          fetch what is missing, check every file, say what was fetched and its licence
#   scripts/fetch-real-data.sh --check [DIR]  fetch nothing: check the files in DIR against the pinned checksums
#
# What and from where is scripts/real-data.manifest: every origin is a raw file at a pinned commit, and every file is checked
# against the SHA-256 of the shared copy (of its decompressed content for .xz files, which are recompressed here). Some
# files were compiled or derived by hand (the Kyrgyz facts and names, expected_seats.json, the boundary files): nothing
# public holds those bytes, so this script cannot fetch them, says so, and the tests that need them are skipped as "not
# fetched". It never runs under CI, where the data folder is given.
#
# How the pins were found (no download was possible where this was written): the stored text of the upstream file, read at
# its commit, hashed to the shared copy's SHA-256 for bg riks.csv, 20_local_candidates.csv and LICENSE, and votelib
# sk_nr_2020.csv and cz_psp_2021.csv; it had the shared copy's exact length (in characters, decompressed for .xz) for the
# other Bulgarian files, the other votelib files but sk_prez_2019.csv, the NIST JSON Schema and dkobak's data/README.md.
# dkobak's data/2021.csv.zip (binary) and votelib's sk_prez_2019.csv could not be read: their pins are unconfirmed, and the
# checksum says whether they hold.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
manifest="$root/scripts/real-data.manifest"

check_only=false
if [ "${1:-}" = "--check" ]; then
  check_only=true
  shift
fi
dir=${1:-${SANOO_REAL_DATA:-$root/../shared/data}}

if [ "${CI:-}" = "true" ] && ! $check_only; then
  echo "fetch-real-data: not under CI: there the data folder is given (SANOO_REAL_DATA or ../shared/data)" >&2
  exit 1
fi
for tool in sha256sum xz; do
  command -v "$tool" >/dev/null || { echo "fetch-real-data: '$tool' is required" >&2; exit 1; }
done

# The SHA-256 the manifest pins for a file: of its bytes, or of its decompressed content for .xz.
pinned() {
  case "$1" in
    *.xz) echo "$3" ;;
    *) echo "$2" ;;
  esac
}

actual() {
  case "$1" in
    *.xz) xz -dc "$1" | sha256sum | cut -c1-64 ;;
    *) sha256sum "$1" | cut -c1-64 ;;
  esac
}

download() {
  if command -v curl >/dev/null; then
    curl -fsSL --retry 3 -o "$2" "$1"
  elif command -v wget >/dev/null; then
    wget -q -O "$2" "$1"
  else
    echo "fetch-real-data: curl or wget is required" >&2
    return 1
  fi
}

unzip_member() {
  if command -v unzip >/dev/null; then
    unzip -p "$1" "$2"
  elif command -v python3 >/dev/null; then
    python3 -c 'import sys, zipfile; sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]))' "$1" "$2"
  else
    echo "fetch-real-data: unzip (or python3) is required" >&2
    return 1
  fi
}

# Fetches one file into $dir/$path through a temporary file; fails when the content is not the pinned one.
fetch() {
  local path=$1 sha=$2 content=$3 how=$4 url=$5 tmp
  tmp=$(mktemp -d)
  download "$url" "$tmp/download" || { rm -rf "$tmp"; echo "  download failed: $url" >&2; return 1; }
  case "$how" in
    copy) mv "$tmp/download" "$tmp/content" ;;
    xz) mv "$tmp/download" "$tmp/content" ;;
    zip-xz:*) unzip_member "$tmp/download" "${how#zip-xz:}" >"$tmp/content" ;;
  esac
  local want got
  case "$how" in
    copy) want=$sha ;;
    *) want=$content ;;
  esac
  got=$(sha256sum "$tmp/content" | cut -c1-64)
  if [ "$got" != "$want" ]; then
    echo "  checksum mismatch for $path from $url: $got, pinned $want" >&2
    rm -rf "$tmp"
    return 1
  fi
  mkdir -p "$(dirname "$dir/$path")"
  case "$how" in
    copy) mv "$tmp/content" "$dir/$path" ;;
    *) xz -9 -c "$tmp/content" >"$tmp/compressed" && mv "$tmp/compressed" "$dir/$path" ;;
  esac
  rm -rf "$tmp"
}

$check_only || mkdir -p "$dir"
echo "real election data in $dir"
fetched=0 present=0 failed=0 bad=0 unavailable=0
declare -A licences=()
while read -r kind path rest; do
  case "$kind" in
    licence) licences[$path]=$rest; continue ;;
    file) ;;
    *) continue ;;
  esac
  read -r sha content how origin <<<"$rest"
  if [ -f "$dir/$path" ]; then
    if [ "$(actual "$dir/$path")" = "$(pinned "$path" "$sha" "$content")" ]; then
      present=$((present + 1))
    else
      echo "  $path: does not match its pinned SHA-256" >&2
      bad=$((bad + 1))
    fi
    continue
  fi
  if [ "$how" = "none" ]; then
    echo "  not fetched: $path: $origin"
    unavailable=$((unavailable + 1))
  elif $check_only; then
    echo "  missing: $path (from $origin)"
    failed=$((failed + 1))
  elif fetch "$path" "$sha" "$content" "$how" "$origin"; then
    echo "  fetched $path from $origin"
    fetched=$((fetched + 1))
  else
    failed=$((failed + 1))
  fi
done <"$manifest"

echo "$fetched fetched, $present already there and checked, $unavailable with no public origin, $((failed + bad)) failed"
if [ "$fetched" -gt 0 ] || [ "$present" -gt 0 ]; then
  echo "licences:"
  for folder in $(printf '%s\n' "${!licences[@]}" | sort); do
    [ -d "$dir/$folder" ] && echo "  $folder: ${licences[$folder]}"
  done
fi
if [ "$unavailable" -gt 0 ]; then
  echo "tests that need a file not fetched are skipped outside CI (\"real election data not fetched\")"
fi
[ "$failed" -eq 0 ] && [ "$bad" -eq 0 ]
