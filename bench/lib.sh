# Shared by bench/run.sh, bench/drills.sh and bench/soak.sh (sourced, not run): --rebuild, the tools
# they need and the jars they run. After `bench_prelude`, the remaining options are in BENCH_ARGS
# (--help among them: the Java command prints the options, their defaults and what they mean).
#
#   bench_prelude <label> "<tools>" "$@"

bench_prelude() {
  local label="$1" tools="$2"
  shift 2
  local modules=(user-service campaign-service notification-service channel-workers bench)
  local rebuild=false help=false arg tool m jar list
  local -a missing=()
  BENCH_ARGS=()
  for arg in "$@"; do
    case "$arg" in
      --rebuild) rebuild=true ;;
      -h|--help) help=true; BENCH_ARGS+=("$arg") ;;
      *) BENCH_ARGS+=("$arg") ;;
    esac
  done

  if [[ "$help" == true ]]; then tools=java; fi
  for tool in $tools; do
    if ! command -v "$tool" >/dev/null 2>&1; then
      echo "$label: $tool is not on the PATH (apt-get install -y redis-server openjdk-17-jdk-headless)" >&2
      exit 1
    fi
  done

  for m in "${modules[@]}"; do
    jar="$m/target/$m-0.1.0-SNAPSHOT.jar"
    [[ "$m" == bench ]] && jar=bench/target/bench.jar
    [[ -f "$jar" ]] || missing+=("$m")
  done
  if [[ "$rebuild" == true || ${#missing[@]} -gt 0 ]]; then
    list=$(IFS=,; echo "${modules[*]}")
    echo "$label: building the jars (./mvnw -B -q -DskipTests package -pl $list -am)"
    ./mvnw -B -q -DskipTests package -pl "$list" -am
  fi
}
