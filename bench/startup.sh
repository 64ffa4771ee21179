#!/usr/bin/env bash
# Whole-process start-up benchmark: times `containment` commands against a trivial `dotnet new console`
# app (framework-dependent Release build, the baseline a .NET user expects), alternating in the same run
# so machine noise hits both sides alike, and prints medians and the ratio of medians.
#
# Usage: bench/startup.sh [--rounds N] [--bin PATH] [--config FILE] [--env NAME=VALUE]... [COMMAND...]
#   COMMAND   one string per command, e.g. "compile" "plan --config infra/librechat.yaml" (the defaults);
#             put commands that start with "-" after "--".
#             Commands run in a scratch Pulumi-project folder whose infra/librechat.yaml is --config.
#   --bin     an existing containment executable; default: build one with scripts/publish.sh (Native AOT,
#             or ReadyToRun without clang), i.e. the form we ship.
#   --config  librechat.yaml to read; default: the repo's infra/librechat.yaml (the upstream example).
#   --env     extra environment for the containment commands (PULUMI_STACK=dev, PULUMI_CONFIG=...).
#   --allow-fail  time commands even when they exit non-zero (for trying `lint` or `--help` early).
# Uses hyperfine when installed (one short hyperfine run per round, so rounds still alternate),
# else a bash loop over `date +%s%N`. Goal (issue 7): compile within 2x the trivial app.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
rounds=20
bin=""
config="$repo/infra/librechat.yaml"
allow_fail=0
extra_env=()
commands=()
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds="$2"; shift 2 ;;
    --bin) bin="$2"; shift 2 ;;
    --config) config="$2"; shift 2 ;;
    --env) extra_env+=("$2"); shift 2 ;;
    --allow-fail) allow_fail=1; shift ;;
    --) shift; commands+=("$@"); break ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) commands+=("$1"); shift ;;
  esac
done
[ ${#commands[@]} -gt 0 ] || commands=("compile" "plan --config infra/librechat.yaml")
[ -f "$config" ] || { echo "startup: config '$config' not found (pass --config FILE)" >&2; exit 2; }

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The baseline: exactly what `dotnet new console` + `dotnet build -c Release` gives.
echo "startup: building the trivial console app" >&2
(cd "$work" && dotnet new console -o trivial -n trivial >/dev/null && dotnet build trivial -c Release -o trivial/out >/dev/null)
trivial="$work/trivial/out/trivial"

if [ -z "$bin" ]; then
  echo "startup: publishing containment" >&2
  bin="$("$repo/scripts/publish.sh" "$work/containment" 2>"$work/publish.log")" || { cat "$work/publish.log" >&2; exit 1; }
  grep '^publish:' "$work/publish.log" >&2 || true
fi
bin="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")"

# A scratch Pulumi project: the compiler runs with the project folder as working directory.
project="$work/project"
mkdir -p "$project/infra"
cp "$config" "$project/infra/librechat.yaml"
for f in "$repo"/Pulumi.yaml "$repo"/Pulumi.*.yaml; do [ -f "$f" ] && cp "$f" "$project/"; done

cd "$project"
# Exported for both sides (the trivial app ignores them), so no `env` wrapper skews one side.
for kv in "${extra_env[@]}"; do export "${kv?}"; done
names=("trivial")
argvs=("$trivial")
for c in "${commands[@]}"; do names+=("$c"); argvs+=("$bin $c"); done

# Every command must succeed once before it is timed: a fast failure is not a fast start.
for i in "${!argvs[@]}"; do
  if ! ${argvs[$i]} >/dev/null 2>"$work/err"; then
    echo "startup: '${names[$i]}' exited non-zero:" >&2; head -5 "$work/err" >&2
    [ "$allow_fail" = 1 ] || exit 1
  fi
done

engine=bash
command -v hyperfine >/dev/null 2>&1 && engine=hyperfine
declare -A samples
for ((r = 0; r < rounds; r++)); do
  if [ "$engine" = hyperfine ]; then
    hf=()
    for a in "${argvs[@]}"; do hf+=("$a"); done
    hyperfine -N -i --warmup 1 --runs 3 --export-json "$work/hf.json" "${hf[@]}" >/dev/null 2>&1
    # One "median" (seconds) per command, in command order.
    i=0
    while read -r m; do
      samples[$i]+="$(awk -v s="$m" 'BEGIN { printf "%d", s * 1000000 }') "
      i=$((i + 1))
    done < <(grep -o '"median": *[0-9.eE+-]*' "$work/hf.json" | sed 's/.*: *//')
  else
    for i in "${!argvs[@]}"; do
      s=$(date +%s%N)
      ${argvs[$i]} >/dev/null 2>&1 || true
      e=$(date +%s%N)
      samples[$i]+="$(((e - s) / 1000)) "
    done
  fi
done

median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }
base=$(echo "${samples[0]}" | median)
echo "engine: $engine, rounds: $rounds, binary: $bin"
printf '%-40s %12s %8s\n' "command" "median ms" "ratio"
for i in "${!argvs[@]}"; do
  m=$(echo "${samples[$i]}" | median)
  printf '%-40s %12s %8s\n' "${names[$i]}" "$(awk -v m="$m" 'BEGIN { printf "%.1f", m / 1000 }')" "$(awk -v m="$m" -v b="$base" 'BEGIN { printf "%.2f", m / b }')"
done
