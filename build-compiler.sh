#!/usr/bin/env bash
# Publishes the containment tool to out/containment/, where Pulumi.yaml's compiler option runs it
# (`dotnet out/containment/containment.dll compile`). Run once after clone and after every pull.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
dotnet publish src/Containment.Cli/Containment.Cli.csproj -c Release -o out/containment --nologo "$@"
echo "built out/containment/containment.dll"
