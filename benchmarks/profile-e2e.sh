#!/usr/bin/env bash
# Where does a request's time go? Starts one container with and without MethodGuard (as run-e2e.sh does),
# warms both up, records JFR (settings=profile, sampling every 1 ms) in the server while wrk drives one request kind, and prints
# the hottest frames and the share of samples under MethodGuard's and the container's error-handling frames.
#
#   benchmarks/profile-e2e.sh jetty|tomcat|jersey   # ~1.5 minutes; recordings under results/raw/profile-*/
set -euo pipefail
BENCH=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$BENCH/.." && pwd)
. "$BENCH/lib.sh"
CONTAINER=${1:?usage: profile-e2e.sh jetty|tomcat|jersey}
SECONDS_PER_RECORDING=${SECONDS_PER_RECORDING:-8}
RAW="$BENCH/results/raw/profile-$CONTAINER-$(date -u +%Y%m%dT%H%M%S)"
mkdir -p "$RAW"
[ -f "$BENCH/target/cp-jetty.txt" ] || build
# JFR's "profile" settings with Java method sampling every 1 ms instead of 10 ms: more samples per run.
JAVA_HOME=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
sed 's/>10 ms</>1 ms</' "$JAVA_HOME/lib/jfr/profile.jfc" > "$RAW/sampling.jfc"
URL_PATH=/items/1
KINDS="get delete propfind"
case $CONTAINER in
  jetty) CP="$BENCH/target/classes:$(cat "$BENCH/target/cp-jetty.txt")"; MAIN=dev.methodguard.bench.JettyServer ;;
  tomcat) CP="$BENCH/target/classes:$(cat "$BENCH/target/cp-tomcat.txt")"; MAIN=dev.methodguard.bench.TomcatServer ;;
  jersey) CP="$BENCH/target/classes:$(cat "$BENCH/target/cp-jetty.txt")"; MAIN=dev.methodguard.bench.JerseyServer
    URL_PATH=/api/items/1; KINDS="get delete" ;;
  *) echo "usage: profile-e2e.sh jetty|tomcat|jersey" >&2; exit 2 ;;
esac

PIDS=()
trap 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT
declare -A PID PORT
for mode in filter plain; do
  java -Xms256m -Xmx256m -cp "$CP" "$MAIN" 0 "$mode" > "$RAW/$mode.log" 2>&1 &
  PID[$mode]=$!
  PIDS+=("$!")
  for _ in $(seq 1 300); do grep -qs '^READY' "$RAW/$mode.log" && break; sleep 0.1; done
  PORT[$mode]=$(grep -m1 '^READY' "$RAW/$mode.log" | sed 's/.*127.0.0.1:\([0-9]*\).*/\1/')
done

load() { # load MODE KIND SECONDS
  local script=()
  case $2 in delete) script=(-s "$BENCH/wrk/delete.lua") ;; propfind) script=(-s "$BENCH/wrk/propfind.lua") ;; esac
  timeout 60 wrk -t1 -c8 -d"$3"s "${script[@]}" "http://127.0.0.1:${PORT[$1]}$URL_PATH" | awk '/Requests\/sec/ { print $2 }'
}
for mode in filter plain; do for kind in $KINDS; do load "$mode" "$kind" 3 >/dev/null; done; done

summary() { # summary FILE: hottest frames (self), and inclusive shares of a few frames of interest
  jfr print --events jdk.ExecutionSample --stack-depth 64 "$1" | awk '
    /jdk.ExecutionSample/ { if (inside) finish(); inside = 1; first = ""; delete seen; next }
    inside && /line:/ {
      f = $1; sub(/\(.*/, "", f)
      if (first == "") first = f
      if (f ~ /^dev\.methodguard\.(MethodGuardFilter|ResponseWriter)/) seen["MethodGuard filter (incl. the container I/O it calls)"] = 1
      if (f ~ /^dev\.methodguard\.ResponseWriter\.body/) seen["MethodGuard building the body (ResponseWriter.body)"] = 1
      if (f ~ /sendError|ErrorHandler|ErrorReportValve\.report/) seen["container error handling (sendError, error page)"] = 1
      if (f ~ /ResourceBundle|StringManager/) seen["ResourceBundle/StringManager lookups"] = 1
      if (f ~ /ItemsServlet|ItemsResource/) seen["ItemsServlet / ItemsResource"] = 1
      if (f ~ /^dev\.methodguard\.(Policy\.target|Capability\.route|RouteTable)/) seen["MethodGuard finding the route (Policy.target, RouteTable.match)"] = 1
      if (f ~ /^org\.glassfish\.jersey\.servlet\.ServletContainer\.service/) seen["Jersey (ServletContainer.service)"] = 1
    }
    function finish() { if (first != "") { n++; self[first]++; for (k in seen) incl[k]++ } }
    END {
      if (inside) finish()
      printf "  %d samples\n", n
      split("MethodGuard filter (incl. the container I/O it calls)|MethodGuard finding the route (Policy.target, RouteTable.match)|MethodGuard building the body (ResponseWriter.body)|ItemsServlet / ItemsResource|Jersey (ServletContainer.service)|container error handling (sendError, error page)|ResourceBundle/StringManager lookups", order, "|")
      for (i = 1; i <= 7; i++) printf "  %5.1f%% under %s\n", 100 * incl[order[i]] / n, order[i]
      print "  hottest frames (self):"
      for (f in self) printf "%d %s\n", self[f], f | "sort -rn | head -8 | awk \"{ printf \\\"    %5.1f%% %s\\\\n\\\", 100 * \\$1 / " n ", \\$2 }\""
    }'
}

for mode in filter plain; do
  for kind in $KINDS; do
    [ "$mode" = plain ] && [ "$kind" = get ] && [ "$CONTAINER" != jersey ] && continue
    f="$RAW/$mode-$kind.jfr"
    jcmd "${PID[$mode]}" JFR.start name=p settings="$RAW/sampling.jfc" filename="$f" >/dev/null
    rps=$(load "$mode" "$kind" "$SECONDS_PER_RECORDING")
    jcmd "${PID[$mode]}" JFR.stop name=p >/dev/null
    echo "== $CONTAINER $([ "$mode" = filter ] && echo 'with MethodGuard' || echo 'container alone'), $kind: $rps req/s (under JFR)"
    summary "$f"
  done
done
