#!/usr/bin/env bash
# Refreshes the Public Suffix List that Containment ships (src/Containment.Core/Net/public_suffix_list.dat).
# Run by a human, then review the diff and commit it: the list decides which wildcards are refused
# (*.co.uk, *.s3.amazonaws.com, *.github.io ...), so a change to it is a policy change.
#
#   scripts/refresh-public-suffix-list.sh                      download https://publicsuffix.org/list/public_suffix_list.dat
#   scripts/refresh-public-suffix-list.sh FILE COMMIT DATE     use a local copy (e.g. `git show` of publicsuffix/list)
#
# The shipped file keeps the rules and the ICANN/PRIVATE section markers, drops comments and blank lines,
# and starts with a header naming its source, commit (or sha256 of the download) and date.
set -euo pipefail
cd "$(dirname "$0")/.."
out=src/Containment.Core/Net/public_suffix_list.dat
url=https://publicsuffix.org/list/public_suffix_list.dat
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
if [[ $# -ge 3 ]]; then
  cp "$1" "$tmp"
  source_line="https://github.com/publicsuffix/list/blob/$2/public_suffix_list.dat"
  version="commit $2"
  date="$3"
else
  curl --fail --silent --show-error --location --max-filesize 4000000 "$url" -o "$tmp"
  source_line="$url"
  version="sha256 $(sha256sum "$tmp" | cut -d' ' -f1)"
  date=$(date -u +%Y-%m-%d)
fi
grep -q '===BEGIN ICANN DOMAINS===' "$tmp" && grep -q '===BEGIN PRIVATE DOMAINS===' "$tmp" || { echo "not a Public Suffix List: $tmp" >&2; exit 1; }
{
  echo "// Public Suffix List, ICANN and PRIVATE sections, comments removed."
  echo "// This Source Code Form is subject to the terms of the Mozilla Public License, v. 2.0."
  echo "// If a copy of the MPL was not distributed with this file, You can obtain one at https://mozilla.org/MPL/2.0/."
  echo "// source: $source_line"
  echo "// version: $version"
  echo "// date: $date"
  echo "// refresh: scripts/refresh-public-suffix-list.sh"
  # Rules are the first whitespace-free token of a line (publicsuffix.org/list/ "format").
  awk '/===(BEGIN|END) (ICANN|PRIVATE) DOMAINS===/ { print; next } /^\/\// || NF == 0 { next } { print $1 }' "$tmp"
} > "$out"
echo "wrote $out ($(grep -vc '^//' "$out") rules, $version, $date)"
