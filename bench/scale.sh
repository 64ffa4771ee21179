#!/usr/bin/env bash
# Scale benchmark for whole processes: runs a containment command on generated librechat.yaml files with
# 100, 1,000 and 10,000 custom endpoints (and a tenth as many MCP servers) and prints, per size, the median
# wall time, CPU time (user+sys, less sensitive to a busy machine) and peak RSS, then the 10k/1k ratios.
# Goals (issue 7): 10,000 endpoints under 1 s and 200 MiB; 10k at most 12x the time of 1k.
#
# Usage: bench/scale.sh [--runs N] [--bin PATH] [--sizes "100 1000 10000"] [--mcp] [--mcp-suite] [-- COMMAND ARGS...]
#   COMMAND defaults to `plan --config {}`; `{}` is replaced by the generated file.
#   --bin defaults to a fresh scripts/publish.sh build (the shipped form).
#   --mcp: sizes count MCP servers (no custom endpoints) instead of endpoints.
#   --mcp-suite (issue 10 item 9): the rows for emit (each target), compile and lint --format sarif at
#   1k/10k/100k MCP servers (override with --sizes); peak RSS is GNU time's.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
runs=3
bin=""
sizes="100 1000 10000"
mcp=0
suite=0
cmd=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --bin) bin="$2"; shift 2 ;;
    --sizes) sizes="$2"; shift 2 ;;
    --mcp) mcp=1; shift ;;
    --mcp-suite) mcp=1; suite=1; shift ;;
    --) shift; cmd=("$@"); break ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "scale: unknown argument '$1'" >&2; exit 2 ;;
  esac
done
if [ "$suite" = 1 ]; then
  # One run of this script per row, sharing one build; each row prints its own table.
  [ "$sizes" = "100 1000 10000" ] && sizes="1000 10000 100000"
  self=("$0" --runs "$runs" --sizes "$sizes" --mcp)
  [ -n "$bin" ] || { bin="$("$repo/scripts/publish.sh" "$(mktemp -d)/containment")" || exit 1; }
  self+=(--bin "$bin")
  for target in pulumi aviatrix-crd terraform; do
    "${self[@]}" -- emit --settings "$repo/Pulumi.dev.yaml" --config "{}" --target "$target" --out "{}.$target"
  done
  "${self[@]}" -- compile-with-config "{}"
  "${self[@]}" -- lint --config "{}" --format sarif
  exit 0
fi
[ ${#cmd[@]} -gt 0 ] || cmd=(plan --config "{}")
[ -x /usr/bin/time ] || { echo "scale: needs GNU time (/usr/bin/time; apt-get install time)" >&2; exit 2; }

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if [ -z "$bin" ]; then
  bin="$("$repo/scripts/publish.sh" "$work/containment" 2>"$work/publish.log")" || { cat "$work/publish.log" >&2; exit 1; }
  grep '^publish:' "$work/publish.log" >&2 || true
fi
dotnet build "$repo/bench/Containment.Benchmarks" -c Release -o "$work/gen" >/dev/null

median() { sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), runs per size: $runs, command: ${cmd[*]}"
printf '%-8s %10s %12s %10s %10s %8s\n' size "file KiB" "wall ms" "cpu ms" "RSS MiB" exit
declare -A wall cpu
for n in $sizes; do
  file="$work/librechat-$n.yaml"
  if [ "$mcp" = 1 ]; then
    "$work/gen/Containment.Benchmarks" generate 0 "$file" "$n"
  else
    "$work/gen/Containment.Benchmarks" generate "$n" "$file"
  fi
  argv=()
  for a in "${cmd[@]}"; do argv+=("${a//\{\}/$file}"); done
  if [ "${argv[0]}" = compile-with-config ]; then
    # compile reads its settings from Pulumi's environment, as under `pulumi preview`.
    # The config must sit inside the project root (CT5050), so the root is the scratch folder with Pulumi.yaml.
    cp "$repo/Pulumi.yaml" "$work/Pulumi.yaml"
    export PULUMI_STACK=dev PULUMI_ROOT_DIRECTORY="$work"
    PULUMI_CONFIG="{\"containment:librechatConfig\":\"$(basename "$file")\",\"containment:cloudProvider\":\"aws\",\"containment:cluster\":\"{\\\"id\\\":\\\"arn:aws:eks:eu-west-1:111122223333:cluster/bench\\\"}\"}"
    export PULUMI_CONFIG
    argv=(compile)
  fi
  : >"$work/t"
  rc=0
  for ((r = 0; r < runs; r++)); do
    # GNU time gives CPU and peak RSS (10 ms resolution); wall time comes from the nanosecond clock.
    s=$(date +%s%N)
    /usr/bin/time -f '%U %S %M' -o "$work/t1" "$bin" "${argv[@]}" >/dev/null 2>"$work/err" || rc=$?
    e=$(date +%s%N)
    echo "$(((e - s) / 1000)) $(cat "$work/t1")" >>"$work/t"
  done
  w=$(awk '{ print $1 / 1000 }' "$work/t" | median)
  c=$(awk '{ print ($2 + $3) * 1000 }' "$work/t" | median)
  m=$(awk '{ print $4 / 1024 }' "$work/t" | median)
  wall[$n]=$w; cpu[$n]=$c
  printf '%-8s %10d %12.0f %10.0f %10.1f %8s\n' "$n" "$(($(stat -c %s "$file") / 1024))" "$w" "$c" "$m" "$rc"
  [ "$rc" = 0 ] || head -3 "$work/err" >&2
done
if [ -n "${wall[1000]:-}" ] && [ -n "${wall[10000]:-}" ]; then
  awk -v a="${wall[10000]}" -v b="${wall[1000]}" -v c="${cpu[10000]}" -v d="${cpu[1000]}" \
    'BEGIN { printf "10k/1k: wall %.1fx, cpu %s (goal: at most 12x)\n", a / b, (d > 0 ? sprintf("%.1fx", c / d) : "n/a (1k under the 10 ms resolution)") }'
fi
