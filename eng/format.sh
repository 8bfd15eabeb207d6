#!/usr/bin/env bash
# Formats the whole tree the way the build and CI check it (.editorconfig: whitespace, style, analyzer fixes).
#   eng/format.sh            fix what can be fixed
#   eng/format.sh --verify   change nothing, fail if anything would change (what ./build.sh test runs)
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
if [ "${1:-}" = --verify ]; then
  dotnet format ContactCenter.Sdk.sln --verify-no-changes -v q
else
  dotnet format ContactCenter.Sdk.sln -v q
fi
