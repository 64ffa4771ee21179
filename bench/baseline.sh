#!/usr/bin/env bash
# Whole-process benchmark of `containment baseline` (issue 15): generates a busy gateway's DCF log of N lines
# (default 1,000,000: permits, L4 and L7 would-be denies, enforced denies, other programs, truncated JSON) and
# runs the shipped binary on it under GNU time, printing wall time, CPU time and peak RSS for each format.
# Goal: 1,000,000 lines under 10 s and 300 MiB on a 2-core machine.
#
# Usage: bench/baseline.sh [--lines N] [--bin PATH] [--runs N]
#   --bin defaults to a fresh scripts/publish.sh build (Native AOT, ReadyToRun without clang).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
lines=1000000
bin=""
runs=3
while [ $# -gt 0 ]; do
  case "$1" in
    --lines) lines="$2"; shift 2 ;;
    --bin) bin="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "baseline: unknown argument '$1'" >&2; exit 2 ;;
  esac
done
[ -x /usr/bin/time ] || { echo "baseline: needs GNU time (/usr/bin/time; apt-get install time)" >&2; exit 2; }

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if [ -z "$bin" ]; then
  bin="$("$repo/scripts/publish.sh" "$work/containment" 2>"$work/publish.log")" || { cat "$work/publish.log" >&2; exit 1; }
  grep '^publish:' "$work/publish.log" >&2 || true
fi
dotnet build "$repo/bench/Containment.Benchmarks" -c Release -o "$work/gen" >/dev/null
log="$work/gateway.log"
"$work/gen/Containment.Benchmarks" generate-logs "$lines" "$log"
gzip -k -1 "$log"

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), lines: $lines, log: $(($(stat -c %s "$log") / 1048576)) MiB, runs: $runs"
printf '%-14s %10s %10s %10s %6s\n' input "wall ms" "cpu ms" "RSS MiB" exit
for input in "$log" "$log.gz"; do
  for format in json; do
    : >"$work/t"
    rc=0
    for ((r = 0; r < runs; r++)); do
      s=$(date +%s%N)
      (cd "$repo" && /usr/bin/time -f '%U %S %M' -o "$work/t1" "$bin" baseline --stack dev --logs "$input" --format "$format" >/dev/null 2>"$work/err") || rc=$?
      e=$(date +%s%N)
      echo "$(((e - s) / 1000000)) $(cat "$work/t1")" >>"$work/t"
    done
    sort -n "$work/t" | awk -v name="$(basename "$input")" -v rc="$rc" 'NR == 1 { best = $0 } { n++ ; a[n] = $0 } END {
      split(a[int((n + 1) / 2)], m, " "); printf "%-14s %10d %10.0f %10.1f %6s\n", name, m[1], (m[2] + m[3]) * 1000, m[4] / 1024, rc }'
    [ "$rc" = 0 ] || head -3 "$work/err" >&2
  done
done
