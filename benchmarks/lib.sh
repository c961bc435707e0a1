# Shared by run-e2e.sh and run-jmh.sh: build, machine description, and rewriting one section of BENCHMARKS.md.

# Extra Maven arguments, e.g. MVN_ARGS="-o -Dmaven.repo.local=/path/to/repo".
MVN_ARGS=${MVN_ARGS:-}

# Builds the library (tests skipped: `mvn verify` is where they run) and packages the benchmarks against
# exactly that jar, which also writes target/cp-jetty.txt and target/cp-tomcat.txt.
#
# Several work trees on one machine `mvn install` dev.methodguard:methodguard:<version> into the same
# local repository, each from its own branch, at any moment. So the jar is installed a second time under a
# version of this work tree's own (BENCH_VERSION, bench-<hash of the path>-SNAPSHOT, with the library's
# pom and so its dependencies) and the benchmarks are built against that version.
BENCH_VERSION=${BENCH_VERSION:-bench-$(printf '%s' "$ROOT" | cksum | cut -d' ' -f1)-SNAPSHOT}
# The library jar just packaged (not its sources, javadoc or tests jar).
library_jar() {
  ls "$ROOT"/target/methodguard-*.jar | grep -v -e '-sources' -e '-javadoc' -e '-tests' | head -1
}

build() {
  echo "== building the library and the benchmarks (as dev.methodguard:methodguard:$BENCH_VERSION)" >&2
  (cd "$ROOT" && mvn -q -B $MVN_ARGS package -DskipTests -Dinvoker.skip) >&2
  mkdir -p "$BENCH/target"
  # The root pom with this version in place of its own (the first <version>, right after <artifactId>).
  awk -v v="$BENCH_VERSION" '!done && /<version>/ { sub(/<version>[^<]*<\/version>/, "<version>" v "</version>"); done = 1 } { print }' \
    "$ROOT/pom.xml" > "$BENCH/target/methodguard-under-test.pom"
  (cd "$BENCH/target" && mvn -q -B $MVN_ARGS install:install-file -Dfile="$(library_jar)" \
    -DpomFile="$BENCH/target/methodguard-under-test.pom") >&2
  (cd "$BENCH" && mvn -q -B $MVN_ARGS package -DskipTests -Dmethodguard.version="$BENCH_VERSION") >&2
  grep -q "methodguard-$BENCH_VERSION.jar" "$BENCH/target/cp-jetty.txt" || { echo "cp-jetty.txt does not name methodguard $BENCH_VERSION" >&2; exit 1; }
}

machine() {
  local cpu jdk
  cpu=$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')
  jdk=$(java -version 2>&1 | head -2 | tail -1)
  echo "- Machine: $(nproc) CPUs, ${cpu}, $(awk '/MemTotal/ {printf "%.1f GiB RAM", $2/1048576}' /proc/meminfo), Linux $(uname -r)"
  echo "- JDK: ${jdk}"
  echo "- Load average when the run started: $(cut -d' ' -f1-3 /proc/loadavg) (the machine is shared; see Noise below)"
  echo "- Run at: $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- 2>/dev/null || echo ' (with uncommitted changes)')"
}

# replace_section NAME FILE: replaces the text between <!-- NAME:begin --> and <!-- NAME:end --> in
# BENCHMARKS.md with the contents of FILE.
replace_section() {
  local name=$1 file=$2 doc="$BENCH/BENCHMARKS.md"
  awk -v begin="<!-- $name:begin -->" -v end="<!-- $name:end -->" -v src="$file" '
    $0 == begin { print; while ((getline line < src) > 0) print line; skip = 1; next }
    $0 == end { skip = 0 }
    !skip { print }
  ' "$doc" > "$doc.tmp" && mv "$doc.tmp" "$doc"
  grep -qF "<!-- $name:begin -->" "$doc" || { echo "BENCHMARKS.md has no <!-- $name:begin --> marker" >&2; exit 1; }
}

# median of the numbers on stdin
median() {
  sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) printf "%.0f\n", v[(NR + 1) / 2]; else printf "%.0f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

ratio() {
  awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "nan"; else printf "%.3f", a / b }'
}

# Stops every server whose PID the script put in the array PIDS (the scripts' EXIT trap).
stop_servers() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
}
