#!/usr/bin/env bash
# Regenerates every src/ package's PublicAPI.Unshipped.txt from the code: the public surface since the last release.
#   eng/update-public-api.sh             all src/ packages
#   eng/update-public-api.sh Core Sip    only these (names without the "ContactCenter." prefix)
# PublicAPI.Shipped.txt (what was released) is never touched: after a release, move the Unshipped lines there by
# hand. Run this after changing public API, then review `git diff -- '*PublicAPI*'`: every line added or removed is
# a change to what users compile against. The build enforces the files (RS0016/RS0017 are errors).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

projects=()
if (($#)); then
  for n in "$@"; do projects+=("src/ContactCenter.$n/ContactCenter.$n.csproj"); done
else
  for p in src/*/*.csproj; do projects+=("$p"); done
fi

for p in "${projects[@]}"; do
  [ -f "$p" ] || { echo "no such project: $p" >&2; exit 2; }
  d=$(dirname "$p")
  # Start from an empty Unshipped file, so API that was removed or changed disappears from it too.
  printf '#nullable enable\n' > "$d/PublicAPI.Unshipped.txt"
  [ -f "$d/PublicAPI.Shipped.txt" ] || printf '#nullable enable\n' > "$d/PublicAPI.Shipped.txt"
done

# The analyzer's own code fix (RS0016: "add to public API"), per project: over the whole solution dotnet format
# fixes only the first project's file. Two at a time.
pids=()
for p in "${projects[@]}"; do
  echo "public API: $p"
  dotnet format analyzers "$p" --diagnostics RS0016 --severity warn -v q &
  pids+=($!)
  if ((${#pids[@]} >= 2)); then wait "${pids[0]}"; pids=("${pids[@]:1}"); fi
done
for pid in "${pids[@]}"; do wait "$pid"; done

# The code fix inserts lines in order; sort anyway (ordinal, header first) so the files never differ by order only.
for p in "${projects[@]}"; do
  f=$(dirname "$p")/PublicAPI.Unshipped.txt
  { printf '#nullable enable\n'; { grep -v -e '^#nullable enable$' -e '^$' "$f" || true; } | LC_ALL=C sort -u; } > "$f.tmp"
  mv "$f.tmp" "$f"
  printf '%6d  %s\n' "$(($(wc -l < "$f") - 1))" "$f"
done
