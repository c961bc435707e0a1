# Shared by run-e2e.sh and run-jmh.sh: build, machine description, and rewriting one section of BENCHMARKS.md.

# Extra Maven arguments, e.g. MVN_ARGS="-o -Dmaven.repo.local=/path/to/repo".
MVN_ARGS=${MVN_ARGS:-}

# Installs the library jar (tests skipped: `mvn verify` is where they run) and packages the benchmarks,
# which also writes target/cp-jetty.txt and target/cp-tomcat.txt.
build() {
  echo "== building the library and the benchmarks" >&2
  (cd "$ROOT" && mvn -q -B $MVN_ARGS install -DskipTests -Dinvoker.skip) >&2
  (cd "$BENCH" && mvn -q -B $MVN_ARGS package -DskipTests) >&2
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
