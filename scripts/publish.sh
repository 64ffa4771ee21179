#!/usr/bin/env bash
# Publishes the `containment` executable to OUT (default: out/containment/containment).
#
# Native AOT is the shipping form: Pulumi starts the compiler 2-4 times per preview, and AOT starts in
# ~10 ms where the JIT build takes ~150 ms (docs/performance.md). Native AOT links with clang and lld;
# when they are missing this script installs them with apt-get (as root or with passwordless sudo; set
# CONTAINMENT_INSTALL_TOOLCHAIN=0 to skip) and otherwise falls back to a ReadyToRun framework-dependent
# build, which needs only the .NET SDK and is still ~30% faster to start than plain JIT.
#
# Usage: scripts/publish.sh [OUT_DIR]        env: CONTAINMENT_PUBLISH_MODE=aot|r2r|jit (force a mode)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-out/containment}"
rid="linux-x64"
case "$(uname -m)" in aarch64|arm64) rid="linux-arm64" ;; esac
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

have_toolchain() { command -v clang >/dev/null 2>&1 && { command -v ld.lld >/dev/null 2>&1 || command -v lld >/dev/null 2>&1; }; }

mode="${CONTAINMENT_PUBLISH_MODE:-}"
if [ -z "$mode" ]; then
  if ! have_toolchain && [ "${CONTAINMENT_INSTALL_TOOLCHAIN:-1}" != 0 ] && command -v apt-get >/dev/null 2>&1; then
    sudo=""
    [ "$(id -u)" = 0 ] || sudo="sudo -n"   # CI runners: passwordless sudo; elsewhere this just fails and we fall back
    # Say so before touching the system: this may ask apt-get (through sudo) to install packages.
    echo "publish: clang/lld not found; installing them with apt-get for Native AOT (CONTAINMENT_INSTALL_TOOLCHAIN=0 skips this and builds ReadyToRun)" >&2
    { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq clang lld; } >&2 || true
  fi
  if have_toolchain; then mode=aot; else mode=r2r; fi
fi

rm -rf "$out"
case "$mode" in
  aot)
    if ! dotnet publish src/Containment.Cli -c Release -r "$rid" -p:PublishAot=true -p:OptimizationPreference=Speed -o "$out" >&2; then
      echo "publish: Native AOT failed; falling back to ReadyToRun" >&2
      mode=r2r
      rm -rf "$out"
    fi
    ;;
esac
case "$mode" in
  r2r) dotnet publish src/Containment.Cli -c Release -r "$rid" --self-contained false -p:PublishAot=false -p:PublishReadyToRun=true -o "$out" >&2 ;;
  jit) dotnet publish src/Containment.Cli -c Release -p:PublishAot=false -o "$out" >&2 ;;
  aot) ;;
  *) echo "publish: unknown CONTAINMENT_PUBLISH_MODE '$mode' (aot, r2r or jit)" >&2; exit 2 ;;
esac
# Debug symbols stay out of the shipped folder (AOT writes a large .dbg beside the binary).
rm -f "$out"/*.dbg "$out"/*.pdb
echo "publish: $mode build in $out/containment" >&2
echo "$out/containment"
