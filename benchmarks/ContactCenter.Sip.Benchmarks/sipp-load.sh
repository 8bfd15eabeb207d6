#!/usr/bin/env bash
# Calls per second of our UAS (ContactCenter.Sip) driven by sipp's built-in uac scenario
# (INVITE -> 100 -> 200 -> ACK -> BYE -> 200, UDP, 127.0.0.1), ramping the rate until calls fail or the
# achieved rate falls below 90 % of the requested one. Prints one line per step and the best clean rate.
#   benchmarks/ContactCenter.Sip.Benchmarks/sipp-load.sh [rate ...]     (default: 500 1000 1500 2000 3000 4000 5000 6000)
# Needs sipp (Debian package sip-tester). Each step runs 10 seconds of calls, bounded by a 60 s timeout.
set -euo pipefail
cd "$(dirname "$0")/../.."
RATES=("$@")
((${#RATES[@]})) || RATES=(500 1000 1500 2000 3000 4000 5000 6000)
UAS_PORT=${UAS_PORT:-5070}
SIPP_PORT=${SIPP_PORT:-5071}
SECONDS_PER_STEP=${SECONDS_PER_STEP:-10}
WORK=$(mktemp -d)

command -v sipp >/dev/null || { echo "sipp is not installed (apt-get install sip-tester)" >&2; exit 2; }
dotnet build -c Release benchmarks/ContactCenter.Sip.Benchmarks -v:q -nologo >/dev/null
dotnet benchmarks/ContactCenter.Sip.Benchmarks/bin/Release/net10.0/ContactCenter.Sip.Benchmarks.dll \
  uas-host --port "$UAS_PORT" --seconds 3600 >"$WORK/uas-host.log" 2>&1 &
HOST_PID=$!
# sipp and uas-host logs stay in $WORK only with KEEP_LOGS=1.
trap 'kill "$HOST_PID" 2>/dev/null || true; wait "$HOST_PID" 2>/dev/null || true; [ "${KEEP_LOGS:-0}" = 1 ] && echo "logs: $WORK" || rm -rf "$WORK"' EXIT
for _ in $(seq 50); do grep -q "listening" "$WORK/uas-host.log" && break; sleep 0.2; done
grep -q "listening" "$WORK/uas-host.log" || { cat "$WORK/uas-host.log"; echo "uas-host did not start" >&2; exit 1; }

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
cpu_ticks() { awk '{print $14 + $15}' "/proc/$HOST_PID/stat"; }
TICKS=$(getconf CLK_TCK)
best=0
for rate in "${RATES[@]}"; do
  calls=$((rate * SECONDS_PER_STEP))
  ticks_before=$(cpu_ticks)
  start=$(date +%s.%N)
  set +e
  (cd "$WORK" && timeout 90 sipp -sn uac "127.0.0.1:$UAS_PORT" -i 127.0.0.1 -p "$SIPP_PORT" \
      -r "$rate" -m "$calls" -timeout 60 -nostdin >"$WORK/sipp-$rate.log" 2>&1)
  exit_code=$?
  set -e
  end=$(date +%s.%N)
  ticks_after=$(cpu_ticks)
  ok=$(grep -E '^ +Successful call' "$WORK/sipp-$rate.log" | tail -1 | awk -F'|' '{print $3}' | xargs)
  failed=$(grep -E '^ +Failed call' "$WORK/sipp-$rate.log" | tail -1 | awk -F'|' '{print $3}' | xargs)
  achieved=$(echo "${ok:-0} / ($end - $start)" | bc)
  # CPU time of the UAS process alone (user + system), per call: independent of how busy the machine is.
  cpu_us=$(echo "($ticks_after - $ticks_before) * 1000000 / $TICKS / (${ok:-0} + 1)" | bc)
  echo "requested ${rate}/s: ${ok:-0} ok, ${failed:-?} failed, sipp exit $exit_code, achieved ${achieved}/s, UAS CPU ${cpu_us} us/call"
  if [ "$exit_code" -ne 0 ] || [ "${failed:-1}" != 0 ] || [ "$((achieved * 10))" -lt "$((rate * 9))" ]; then
    echo "stopping: calls failed or the rate was not sustained"
    break
  fi
  best=$achieved
done
echo "best clean rate: ${best} calls/s"
