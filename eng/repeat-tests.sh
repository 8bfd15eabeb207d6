#!/usr/bin/env bash
# Runs the whole test suite N times in a row on one build and says how many runs were green.
#   eng/repeat-tests.sh [N]        (default 20)
# Installs and builds once (./build.sh test's apt step and build), then runs `./build.sh retest` N times.
# Each run's last lines are kept in TestResults-repeat/run-K.log; the summary (one line per run, the names of
# any failed test, and "G/N runs green") is printed and written to TestResults-repeat/summary.txt.
# Exit 0 only when every run was green.
set -uo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}
out=TestResults-repeat
rm -rf "$out"; mkdir -p "$out"

./build.sh build >"$out/build.log" 2>&1 || { tail -30 "$out/build.log"; echo "build failed"; exit 1; }

green=0
started=$(date +%s)
{
  echo "repeat-tests: $runs runs of ./build.sh retest on $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
} | tee "$out/summary.txt"
for ((k = 1; k <= runs; k++)); do
  t0=$(date +%s)
  ./build.sh retest >"$out/run-$k.log" 2>&1
  rc=$?
  line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$out/run-$k.log" | tail -1)
  [ -n "$line" ] || line="no result line (exit $rc)"
  if [ $rc -eq 0 ]; then green=$((green + 1)); verdict=green; else verdict=RED; fi
  printf 'run %2d/%d: %-5s %s (%ss)\n' "$k" "$runs" "$verdict" "$line" "$(( $(date +%s) - t0 ))" | tee -a "$out/summary.txt"
  if [ $rc -ne 0 ]; then
    sed -n '/^failed tests:/,/^[0-9]* passed, /p' "$out/run-$k.log" | sed '$d' | sed 's/^/        /' | tee -a "$out/summary.txt"
  fi
done
echo "$green/$runs runs green in $(( ($(date +%s) - started) / 60 )) min" | tee -a "$out/summary.txt"
[ "$green" -eq "$runs" ]
