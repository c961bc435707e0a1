#!/usr/bin/env bash
# End-to-end on loopback: embedded Jetty 12.1 (ee10) and embedded Tomcat 11, each started with and without
# MethodGuard around the same ItemsServlet (plus a control, HandWrittenServlet, that writes MethodGuard's
# 405/501 bytes itself), and Jersey 3.1 on Jetty (JerseyServer) with and without MethodGuard, driven by wrk in
# alternating rounds. Writes the medians and ratios into the "e2e-<container>" sections of BENCHMARKS.md
# (one per container, so a partial run leaves the others alone) and the raw wrk output under results/raw/.
#
#   benchmarks/run-e2e.sh                      # ~8 minutes with the defaults
#   ONLY=jersey benchmarks/run-e2e.sh          # only the Jersey part (~1.5 minutes); ONLY="jetty tomcat" etc.
#   ROUNDS=5 DURATION=3s WARMUP=3s JERSEY_WARMUP=6s CONNECTIONS=8 MVN_ARGS="-o" benchmarks/run-e2e.sh
#
# 127.0.0.1 only; every wrk run is bounded by DURATION, every server is stopped by its PID at the end.
# Installs wrk with apt-get if it is missing (needs root, as on CI and dev machines).
set -euo pipefail
BENCH=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$BENCH/.." && pwd)
. "$BENCH/lib.sh"

ROUNDS=${ROUNDS:-5}
DURATION=${DURATION:-3s}
WARMUP=${WARMUP:-3s}
# Jersey's request path is much longer than a servlet's: it needs more warm-up before the JIT has settled.
JERSEY_WARMUP=${JERSEY_WARMUP:-6s}
CONNECTIONS=${CONNECTIONS:-8}
THREADS=${THREADS:-1}
SERVER_JVM=${SERVER_JVM:--Xms256m -Xmx256m}
ONLY=${ONLY:-jetty tomcat jersey}
CONTAINERS=()
for c in ${ONLY//,/ }; do
  case $c in jetty | tomcat | jersey) CONTAINERS+=("$c") ;; *) echo "ONLY: unknown container '$c' (jetty, tomcat, jersey)" >&2; exit 2 ;; esac
done
RAW="$BENCH/results/raw/e2e-$(date -u +%Y%m%dT%H%M%S)"
mkdir -p "$RAW"

if ! command -v wrk >/dev/null 2>&1 || ! command -v curl >/dev/null 2>&1; then
  echo "== installing wrk and curl" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >&2
  apt-get install -y -q wrk curl >&2
fi

build
WRK_VERSION=$( (wrk -v 2>&1 || true) | head -1 | awk "{print \$1, \$2}")

PIDS=()
trap stop_servers EXIT

# start_server CONTAINER MODE: starts one server on a free port, echoes "pid port".
start_server() {
  local container=$1 mode=$2 cp main log
  case $container in
    jetty) cp="$BENCH/target/classes:$(cat "$BENCH/target/cp-jetty.txt")"; main=dev.methodguard.bench.JettyServer ;;
    jersey) cp="$BENCH/target/classes:$(cat "$BENCH/target/cp-jetty.txt")"; main=dev.methodguard.bench.JerseyServer ;;
    tomcat) cp="$BENCH/target/classes:$(cat "$BENCH/target/cp-tomcat.txt")"; main=dev.methodguard.bench.TomcatServer ;;
  esac
  log="$RAW/$container-$mode.log"
  # shellcheck disable=SC2086
  java $SERVER_JVM -cp "$cp" "$main" 0 "$mode" > "$log" 2>&1 &
  local pid=$! i
  for i in $(seq 1 300); do
    if grep -qs '^READY' "$log"; then
      echo "$pid $(grep -m1 '^READY' "$log" | sed 's/.*127.0.0.1:\([0-9]*\).*/\1/')"
      return
    fi
    kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; echo "$container $mode did not start" >&2; exit 1; }
    sleep 0.1
  done
  kill "$pid" 2>/dev/null || true
  echo "$container $mode did not start within 30 s" >&2; cat "$log" >&2; exit 1
}

# check PORT METHOD STATUS: what a request really answers, before it is measured.
check() {
  local port=$1 method=$2 want=$3 got
  got=$(curl -s -m 10 -o /dev/null -X "$method" -w '%{http_code} %{size_download} %{content_type}' "http://127.0.0.1:$port$URL_PATH")
  [ "${got%% *}" = "$want" ] || { echo "$method $URL_PATH on port $port answered '$got', expected $want" >&2; exit 1; }
  echo "$got"
}

# measure PORT SCENARIO SECONDS OUT: one wrk run; echoes requests/second.
measure() {
  local port=$1 scenario=$2 duration=$3 out=$4 script=()
  case $scenario in
    delete) script=(-s "$BENCH/wrk/delete.lua") ;;
    foo) script=(-s "$BENCH/wrk/propfind.lua") ;;
  esac
  timeout 60 wrk -t"$THREADS" -c"$CONNECTIONS" -d"$duration" "${script[@]}" "http://127.0.0.1:$port$URL_PATH" > "$out"
  awk '/^Requests\/sec:/ { print $2 }' "$out"
}

declare -A METHOD=([get]=GET [delete]=DELETE [foo]=PROPFIND)
declare -A STATUS=([get]=200 [delete]=405 [foo]=501)
declare -A LABEL=([get]="GET (allowed)" [delete]="DELETE → 405" [foo]="PROPFIND → 501")

for container in "${CONTAINERS[@]}"; do
  echo "== $container" >&2
  if [ "$container" = jersey ]; then
    URL_PATH=/api/items/1
    SCENARIOS=(get delete)
    VARIANTS=(filter plain)
    warmup=$JERSEY_WARMUP
    declare -A VLABEL=([filter]="with MethodGuard" [plain]="Jersey alone")
  else
    URL_PATH=/items/1
    SCENARIOS=(get delete foo)
    VARIANTS=(filter plain handwritten)
    warmup=$WARMUP
    declare -A VLABEL=([filter]="with MethodGuard" [plain]="container alone" [handwritten]="HandWrittenServlet")
  fi
  # GET goes to MethodGuard and the container alone; the servlet containers' rejections also to the hand-written control.
  variants() { if [ "$1" = get ] || [ "$container" = jersey ]; then echo "filter plain"; else echo "filter plain handwritten"; fi; }
  MACHINE=$(machine)
  declare -A PORT=() SHAPE=()
  for v in "${VARIANTS[@]}"; do
    read -r pid PORT[$v] < <(start_server "$container" "$v")
    PIDS+=("$pid")
  done
  for s in "${SCENARIOS[@]}"; do
    for v in $(variants "$s"); do SHAPE[$s-$v]=$(check "${PORT[$v]}" "${METHOD[$s]}" "${STATUS[$s]}"); done
  done
  if [ "$container" = jersey ]; then
    # MethodGuard must have answered the DELETE itself (its JSON body), from the routes it read from the resource.
    case "${SHAPE[delete-filter]}" in *application/json) ;; *)
      echo "Jersey with MethodGuard: DELETE answered '${SHAPE[delete-filter]}', not MethodGuard's JSON 405: no route table?" >&2; exit 1 ;;
    esac
    echo "   $(curl -s -m 10 -X DELETE "http://127.0.0.1:${PORT[filter]}$URL_PATH")" >&2
  elif [ "${SHAPE[delete-filter]}" != "${SHAPE[delete-handwritten]}" ] || [ "${SHAPE[foo-filter]}" != "${SHAPE[foo-handwritten]}" ]; then
    echo "HandWrittenServlet's answers differ from MethodGuard's: ${SHAPE[delete-handwritten]} / ${SHAPE[foo-handwritten]}" >&2; exit 1
  fi
  for s in "${SCENARIOS[@]}"; do
    for v in $(variants "$s"); do measure "${PORT[$v]}" "$s" "$warmup" "$RAW/$container-warmup-$s-$v.txt" >/dev/null; done
  done
  LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
  for r in $(seq 1 "$ROUNDS"); do
    for s in "${SCENARIOS[@]}"; do
      read -ra order <<< "$(variants "$s")"
      n=${#order[@]}
      for i in $(seq 0 $((n - 1))); do
        v=${order[$(( (i + r - 1) % n ))]}
        rps=$(measure "${PORT[$v]}" "$s" "$DURATION" "$RAW/$container-r$r-$s-$v.txt")
        echo "$rps" >> "$RAW/$container-$s-$v.rps"
        echo "   round $r $s $v: $rps req/s" >&2
      done
    done
  done
  LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)
  cleanup
  PIDS=()

  declare -A MED=()
  for s in "${SCENARIOS[@]}"; do
    for v in $(variants "$s"); do MED[$s-$v]=$(median < "$RAW/$container-$s-$v.rps"); done
  done
  # The median of the per-round ratios (the two runs of a pair are seconds apart): less sensitive to drifting load.
  paired() { paste -d' ' "$RAW/$container-$1-$2.rps" "$RAW/$container-$1-$3.rps" | awk '{ printf "%.4f\n", $1 / $2 }' | sort -g \
    | awk '{ v[NR] = $1 } END { if (NR % 2) printf "%.3f", v[(NR + 1) / 2]; else printf "%.3f", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
  case $container in
    jetty) title="Jetty 12.1.14 (ee10), ItemsServlet on /*"; want_rej="≥ 1.0" ;;
    tomcat) title="Tomcat 11.0.27 (tomcat-embed-core), ItemsServlet on /*"; want_rej="> 1 (clearly)" ;;
    jersey) title="Jersey 3.1.12 on Jetty 12.1.14 (ee10), ServletContainer on /api/*, GET-only /items/{id}"; want_rej="≥ 1.0" ;;
  esac
  SECTION=$(mktemp)
  {
    echo
    echo "### $title"
    echo
    echo "Generated by \`benchmarks/run-e2e.sh\` — do not edit by hand."
    echo
    echo "$MACHINE"
    echo "- Load average at the first and after the last round: $LOAD_START → $LOAD_END"
    echo "- Load: $WRK_VERSION, \`-t$THREADS -c$CONNECTIONS\` on \`$URL_PATH\`, $ROUNDS rounds × ${DURATION} per request kind and server, after ${warmup} of warm-up each;"
    echo "  servers with \`$SERVER_JVM\`, all variants up at once, runs alternating (the order rotates every round)."
    if [ "$container" = jersey ]; then
      echo "- *with MethodGuard*: the filter, configured as for the other servers, derives the routes from \`ItemsResource\`'s annotations"
      echo "  (the servlet's \`jersey.config.server.provider.classnames\`) and answers DELETE on the GET-only item itself. *Jersey alone*: Jersey's own 405."
    else
      echo "- *with MethodGuard*: the filter answers DELETE/PROPFIND. *container alone*: HttpServlet's \`sendError\` and the container's error handling."
      echo "  *HandWrittenServlet*: the servlet itself writes MethodGuard's exact 405/501 bytes (checked identical) — the cost of that response without any filter."
    fi
    echo
    if [ "$container" = jersey ]; then
      echo "| request | with MethodGuard: status, bytes, type | Jersey alone: status, bytes, type | with MethodGuard, median req/s | Jersey alone, median req/s | MethodGuard / Jersey (medians) | median of per-round ratios | target |"
      echo "|---|---|---|---:|---:|---:|---:|---|"
      for s in "${SCENARIOS[@]}"; do
        want=$([ "$s" = get ] && echo "≥ 0.97" || echo "$want_rej")
        echo "| ${LABEL[$s]} | ${SHAPE[$s-filter]} | ${SHAPE[$s-plain]} | ${MED[$s-filter]} | ${MED[$s-plain]} | **$(ratio "${MED[$s-filter]}" "${MED[$s-plain]}")** | $(paired "$s" filter plain) | $want |"
      done
      echo
      echo "MethodGuard's 405 against its own allowed GET: 405 / GET = **$(ratio "${MED[delete-filter]}" "${MED[get-filter]}")**."
    else
      echo "| request | with MethodGuard: status, bytes, type | container alone: status, bytes, type | with MethodGuard, median req/s | container alone, median req/s | MethodGuard / container | target | HandWrittenServlet, median req/s | MethodGuard / HandWritten |"
      echo "|---|---|---|---:|---:|---:|---|---:|---:|"
      for s in "${SCENARIOS[@]}"; do
        want=$([ "$s" = get ] && echo "≥ 0.97" || echo "$want_rej")
        if [ "$s" = get ]; then hw="-"; hwr="-"; else hw=${MED[$s-handwritten]}; hwr="**$(ratio "${MED[$s-filter]}" "${MED[$s-handwritten]}")**"; fi
        echo "| ${LABEL[$s]} | ${SHAPE[$s-filter]} | ${SHAPE[$s-plain]} | ${MED[$s-filter]} | ${MED[$s-plain]} | **$(ratio "${MED[$s-filter]}" "${MED[$s-plain]}")** | $want | $hw | $hwr |"
      done
      echo
      echo "MethodGuard's rejections against its own allowed GET (target ≥ 0.95):" \
        "405 / GET = **$(ratio "${MED[delete-filter]}" "${MED[get-filter]}")**," \
        "501 / GET = **$(ratio "${MED[foo-filter]}" "${MED[get-filter]}")**."
    fi
    echo
    echo "<details><summary>every round (req/s)</summary>"
    echo
    for s in "${SCENARIOS[@]}"; do
      for v in $(variants "$s"); do
        echo "- ${LABEL[$s]}, ${VLABEL[$v]}: $(paste -sd' ' "$RAW/$container-$s-$v.rps")"
      done
    done
    echo
    echo "</details>"
  } > "$SECTION"
  replace_section "e2e-$container" "$SECTION"
  rm -f "$SECTION"
  unset MED SHAPE PORT VLABEL
done

echo "== results written to $BENCH/BENCHMARKS.md (raw wrk output: $RAW)" >&2
