#!/usr/bin/env bash
# One entry point for building, testing and packing ContactCenter.Sdk.
#   ./build.sh test    install what the tests need (apt-get, only when missing), check formatting
#                      (dotnet format --verify-no-changes), build, run every test, pack every src/ project (and
#                      check the packages' versions), run each benchmark once (dry), print "N passed, N failed".
#   ./build.sh test unit | integration    only the unit test projects, or only the real-peer integration
#                      projects (tests/*.Integration.*), without pack and benchmarks.
#   ./build.sh build   build the solution.
#   ./build.sh pack    one NuGet package (+ symbol package) per src/ project into artifacts/packages.
#   ./build.sh format-check   dotnet format --verify-no-changes (eng/format.sh fixes).
# Version: 0.1.0-dev.<UTC stamp> taken once per run for build and pack alike; VERSION=1.2.3 for a release
# (eng/version.sh).
#   ./build.sh bench-dry   build every benchmark project and run each benchmark once (no measurement).
#   ./build.sh retest  run every test again on the last build (no apt, build, pack or benchmarks); used by
#                      eng/repeat-tests.sh.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$PWD
CONFIG=${CONFIG:-Release}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# Debian packages the tests need: real peers, never mocks (sipp for the SIP stack, ...).
APT_PACKAGES=(sip-tester)

log() { printf '\n=== %s\n' "$*"; }

# shellcheck source=eng/version.sh
. eng/version.sh

ensure_apt() {
  local missing=() p
  for p in "${APT_PACKAGES[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  ((${#missing[@]})) || return 0
  log "apt-get install ${missing[*]}"
  local sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

build() { log "build ($CONFIG, $BUILD_VERSION)"; dotnet build ContactCenter.Sdk.sln -c "$CONFIG" -warnaserror -v:q -nologo "${VERSION_ARGS[@]}"; }

format_check() { log "format check"; eng/format.sh --verify || { echo "formatting differs: run eng/format.sh"; return 1; }; }

run_tests() {
  local results="$ROOT/TestResults"
  rm -rf "$results"; mkdir -p "$results"
  log "test"
  set +e
  local group=${1:-all} p status=0
  if [ "$group" = all ]; then
    dotnet test --solution ContactCenter.Sdk.sln -c "$CONFIG" --no-build \
      --report-xunit-trx --results-directory "$results" --timeout 12m
    status=$?
  else
    for p in tests/*.Tests/*.Tests.csproj; do
      case "$p" in *.Integration.*) [ "$group" = integration ] || continue ;; *) [ "$group" = unit ] || continue ;; esac
      dotnet test --project "$p" -c "$CONFIG" --no-build --report-xunit-trx --results-directory "$results" --timeout 12m || status=1
    done
  fi
  TEST_EXIT=$status
  set -e
}

pack() {
  log "pack ($BUILD_VERSION)"
  rm -rf artifacts/packages
  dotnet pack ContactCenter.Sdk.sln -c "$CONFIG" --no-build -o artifacts/packages -v:q -nologo "${VERSION_ARGS[@]}"
  ls artifacts/packages
  eng/check-packages.sh artifacts/packages "$BUILD_VERSION"
}

bench_dry() {
  local p
  for p in benchmarks/*/*.csproj; do
    log "benchmark dry run: $p"
    dotnet run -c "$CONFIG" --no-build --project "$p" -- --filter '*' --job Dry --inProcess --noOverwrite >"$ROOT/TestResults/$(basename "$p" .csproj).dry.log" 2>&1 \
      || { tail -40 "$ROOT/TestResults/$(basename "$p" .csproj).dry.log"; echo "benchmark dry run failed: $p"; return 1; }
  done
}

# Counts every test outcome in the TRX files the run wrote; dotnet test's own summary is not read.
count_results() {
  local passed=0 failed=0 f p x
  for f in "$ROOT"/TestResults/*.trx; do
    [ -e "$f" ] || continue
    p=$(grep -o '<Counters [^>]*' "$f" | grep -o ' passed="[0-9]*"' | grep -o '[0-9]*' || echo 0)
    x=$(grep -o '<Counters [^>]*' "$f" | grep -o ' failed="[0-9]*"' | grep -o '[0-9]*' || echo 0)
    passed=$((passed + ${p:-0})); failed=$((failed + ${x:-0}))
  done
  RESULT_LINE="$passed passed, $failed failed"
  PASSED=$passed FAILED=$failed
}

# Names every test that did not pass (failed, error, timed out, aborted), one a line, from the TRX files.
failed_names() {
  local f
  for f in "$ROOT"/TestResults/*.trx; do
    [ -e "$f" ] || continue
    grep -o '<UnitTestResult testName="[^"]*" outcome="\(Failed\|Error\|Timeout\|Aborted\)"' "$f" \
      | sed -e 's/^<UnitTestResult testName="//' -e 's/" outcome="\([A-Za-z]*\)"$/  (\1)/' \
            -e 's/&quot;/"/g' -e "s/&apos;/'/g" -e 's/&lt;/</g' -e 's/&gt;/>/g' -e 's/&amp;/\&/g' \
      || true   # grep finds nothing in a green run
  done
}

# The end of every test run: failed test names right above "N passed, N failed"; sets status.
report() {
  count_results
  local names
  names=$(failed_names)
  if [ -n "$names" ]; then printf 'failed tests:\n%s\n' "$names"; fi
  if [ "$PASSED" -eq 0 ]; then echo "no test results found"; status=1; fi
  [ "$FAILED" -eq 0 ] || status=1
  echo "$RESULT_LINE"
}

case "${1:-build}" in
  build) build ;;
  pack) build; pack ;;
  format-check) format_check ;;
  bench-dry) build; mkdir -p TestResults; bench_dry ;;
  test)
    group=${2:-all}
    [ "$group" = unit ] || ensure_apt
    format_status=0
    format_check || format_status=1
    build
    run_tests "$group"
    status=$TEST_EXIT
    [ "$format_status" = 0 ] || status=1
    if [ "$group" = all ]; then
      pack || status=1
      bench_dry || status=1
    fi
    report
    exit $status ;;
  retest)
    run_tests all
    status=$TEST_EXIT
    report
    exit $status ;;
  *) echo "usage: $0 {build|test [unit|integration]|pack|format-check|bench-dry|retest}" >&2; exit 2 ;;
esac
