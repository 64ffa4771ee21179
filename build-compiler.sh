#!/usr/bin/env bash
# Publishes the containment tool to out/containment/, where Pulumi.yaml's compiler option runs it
# (`out/containment/containment compile`). Run once after clone and after every pull.
# Native AOT when clang/lld are available (installed on demand), else ReadyToRun: scripts/publish.sh,
# docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")"
scripts/publish.sh out/containment >/dev/null
echo "built out/containment/containment"
