#!/usr/bin/env bash
# The Spring Boot starter on loopback: examples/spring-boot (Spring Boot 4, embedded Tomcat) started twice from one
# jar, with the starter as it comes and with methodguard.enabled=false (Spring alone), both running at once, driven
# by wrk in alternating rounds on an allowed request (GET /items/42, a controller's JSON). Prints a Markdown
# section with the medians and the ratio with/without (median of the per-round ratios), and keeps the raw wrk
# output under results/raw/.
#
#   benchmarks/run-spring-starter.sh
#   PIN=1 ROUNDS=9 DURATION=10s WARMUP=20s benchmarks/run-spring-starter.sh   # servers and wrk on separate cores
#   ROUNDS=9 DURATION=5s WARMUP=10s CONNECTIONS=8 MVN_ARGS="-Dmaven.repo.local=/path/to/repo" benchmarks/run-spring-starter.sh
#
# Needs the library and the starter installed in the local repository (mvn install at the root, or
# mvn install in the root and in spring-boot-starter/). 127.0.0.1 only; every wrk run is bounded by DURATION,
# both servers are stopped by their PIDs at the end. Installs wrk with apt-get if it is missing.
set -euo pipefail
BENCH=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$BENCH/.." && pwd)
. "$BENCH/lib.sh"
MVN_ARGS=${MVN_ARGS:-}
ROUNDS=${ROUNDS:-7}
DURATION=${DURATION:-5s}
WARMUP=${WARMUP:-10s}
CONNECTIONS=${CONNECTIONS:-8}
THREADS=${THREADS:-1}
SERVER_JVM=${SERVER_JVM:--Xms256m -Xmx256m}
# PIN=1: both servers on CPU 1, wrk on CPU 0 (taskset), so that wrk and the server under load never share a core.
PIN=${PIN:-0}
if [ "$PIN" = 1 ]; then SERVER_CPU="taskset -c 1"; WRK_CPU="taskset -c 0"; else SERVER_CPU=""; WRK_CPU=""; fi
PATH_UNDER_TEST=${PATH_UNDER_TEST:-/items/42}
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
RAW="$BENCH/results/raw/spring-starter-$(date -u +%Y%m%dT%H%M%S)"
mkdir -p "$RAW"

if ! command -v wrk >/dev/null 2>&1 || ! command -v curl >/dev/null 2>&1; then
  echo "== installing wrk and curl" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >&2
  apt-get install -y -q wrk curl >&2
fi

echo "== packaging examples/spring-boot" >&2
(cd "$ROOT/examples/spring-boot" && mvn -q -B $MVN_ARGS package -DskipTests) >&2
JAR=$(ls "$ROOT"/examples/spring-boot/target/spring-boot-*.jar | grep -v original | head -1)

PIDS=()
trap stop_servers EXIT

# start MODE ENABLED: starts the application on a free port, sets PORT_<MODE>.
start() {
  local mode=$1 enabled=$2 log="$RAW/$1.log" port
  $SERVER_CPU java $SERVER_JVM -jar "$JAR" --server.address=127.0.0.1 --server.port=0 --methodguard.enabled="$enabled" --logging.level.root=WARN \
    --logging.level.org.springframework.boot.web.server=INFO --logging.level.org.springframework.boot.tomcat=INFO > "$log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 120); do
    port=$(grep -o 'Tomcat started on port [0-9]*' "$log" | grep -o '[0-9]*$' | head -1 || true)
    [ -n "$port" ] && break
    sleep 1
  done
  [ -n "$port" ] || { echo "$mode did not start; see $log" >&2; exit 1; }
  eval "PORT_$mode=$port"
}

start with true
start without false
[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT_with$PATH_UNDER_TEST")" = 200 ]
[ "$(curl -s -o /dev/null -w '%{http_code}' -X PATCH "http://127.0.0.1:$PORT_with$PATH_UNDER_TEST")" = 501 ] \
  || { echo "the starter is not guarding the 'with' application" >&2; exit 1; }
[ "$(curl -s -o /dev/null -w '%{http_code}' -X PATCH "http://127.0.0.1:$PORT_without$PATH_UNDER_TEST")" != 501 ]

rps() { awk '/Requests\/sec/ { print $2 }' "$1"; }
echo "== warm-up $WARMUP each" >&2
for mode in with without; do
  eval "port=\$PORT_$mode"
  $WRK_CPU wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "http://127.0.0.1:$port$PATH_UNDER_TEST" > "$RAW/warmup-$mode.txt"
done
WITH=(); WITHOUT=(); RATIOS=()
for r in $(seq 1 "$ROUNDS"); do
  # alternate which one runs first
  if [ $((r % 2)) -eq 1 ]; then order="with without"; else order="without with"; fi
  for mode in $order; do
    eval "port=\$PORT_$mode"
    $WRK_CPU wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" "http://127.0.0.1:$port$PATH_UNDER_TEST" > "$RAW/round$r-$mode.txt"
  done
  w=$(rps "$RAW/round$r-with.txt"); o=$(rps "$RAW/round$r-without.txt")
  WITH+=("$w"); WITHOUT+=("$o")
  RATIOS+=("$(awk -v a="$w" -v b="$o" 'BEGIN { printf "%.3f", a / b }')")
  echo "round $r: with $w req/s, without $o req/s, ratio ${RATIOS[-1]}" >&2
done
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) printf "%s\n", v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
MW=$(printf '%s\n' "${WITH[@]}" | median); MO=$(printf '%s\n' "${WITHOUT[@]}" | median)
MR=$(printf '%s\n' "${RATIOS[@]}" | median)

cat <<MD
- Machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), Linux $(uname -r); JDK: $(java -version 2>&1 | head -2 | tail -1)
- Load average: $LOAD_START when the run started, $(cut -d' ' -f1-3 /proc/loadavg) at the end (2 CPUs shared with other builds)
- Run at: $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$ROOT" rev-parse --short HEAD); $(wrk -v 2>&1 | head -1 | awk '{print $1, $2}'), $THREADS thread, $CONNECTIONS connections, $ROUNDS rounds of $DURATION after $WARMUP warm-up, order alternating, PIN=$PIN
- Request: \`GET $PATH_UNDER_TEST\` (a controller's JSON, allowed), examples/spring-boot with the starter vs \`methodguard.enabled=false\`, both on embedded Tomcat at once

| | median req/s |
| --- | ---: |
| Spring Boot with the starter | $MW |
| Spring Boot alone | $MO |
| **ratio with / without (median of the per-round ratios)** | **$MR** |

Per round (req/s with, without, ratio): $(for i in "${!RATIOS[@]}"; do printf '%s/%s/%s; ' "${WITH[$i]}" "${WITHOUT[$i]}" "${RATIOS[$i]}"; done)
MD
