#!/usr/bin/env bash
# Acceptance check: packing twice gives two versions, never the same version with other content (a NuGet cache
# would silently keep the first). Builds and packs one small package twice the way ./build.sh does (version taken
# once per run by eng/version.sh, passed to build and pack) and checks each pack with eng/check-packages.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
project=src/ContactCenter.Abstractions/ContactCenter.Abstractions.csproj
out=artifacts/repack-check
rm -rf "$out"
versions=()
for run in 1 2; do
  unset VERSION_SUFFIX
  . eng/version.sh
  dotnet build "$project" -c Release -warnaserror -v:q -nologo "${VERSION_ARGS[@]}" >/dev/null
  dotnet pack "$project" -c Release --no-build -o "$out/$run" -v:q -nologo "${VERSION_ARGS[@]}" >/dev/null
  eng/check-packages.sh "$out/$run" "$BUILD_VERSION"
  versions+=("$BUILD_VERSION")
  sleep 1   # the stamp has a resolution of one second
done
[ "${versions[0]}" != "${versions[1]}" ] || { echo "FAIL: both packs are version ${versions[0]}"; exit 1; }
echo "repack: ${versions[0]} then ${versions[1]}: two versions, each consistent"
