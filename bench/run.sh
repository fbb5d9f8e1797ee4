#!/usr/bin/env bash
# Herald's end-to-end benchmark (issue 9): Redis baseline, service start-up, seeding, one campaign's
# fan-out with transactional notifications alongside, CPU/RSS of every process; prints a table and
# writes bench/results/<timestamp>.json. Everything on 127.0.0.1 on free ports (never 6379 or
# 8080-8083); it stops exactly what it started.
#
#   bench/run.sh [--users N] [--channels email,sms,push|log] [--category NAME] [--keep]
#                [--aof everysec|always] [--timeout 15m] [--tx 200] [--tx-rate 20] [--idle 10]
#                [--jfr SERVICE]... [--rebuild]
#
#   --channels log   means sms+push only (the log senders); email goes to the bench's SMTP sink
#   --keep           keep the services' logs and the Redis directory (bench/results/run-<timestamp>/)
#   --jfr SERVICE    record SERVICE with Java Flight Recorder and summarise its hottest methods
#   --rebuild        rebuild the jars even if they exist
#   HERALD_JAVA_OPTS JVM flags of the services (default: the same as start.sh)
set -euo pipefail
cd "$(dirname "$0")/.."

modules=(user-service campaign-service notification-service channel-workers bench)
rebuild=false
args=()
for arg in "$@"; do
  case "$arg" in
    --rebuild) rebuild=true ;;
    -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) args+=("$arg") ;;
  esac
done

for tool in redis-server redis-benchmark java; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "bench: $tool is not on the PATH (apt-get install -y redis-server openjdk-17-jdk-headless)" >&2
    exit 1
  fi
done

missing=()
for m in "${modules[@]}"; do
  jar="$m/target/$m-0.1.0-SNAPSHOT.jar"
  [[ "$m" == bench ]] && jar=bench/target/bench.jar
  [[ -f "$jar" ]] || missing+=("$m")
done
if [[ "$rebuild" == true || ${#missing[@]} -gt 0 ]]; then
  list=$(IFS=,; echo "${modules[*]}")
  echo "bench: building the jars (./mvnw -B -q -DskipTests package -pl $list -am)"
  ./mvnw -B -q -DskipTests package -pl "$list" -am
fi

echo "bench: java -cp bench/target/bench.jar io.herald.bench.e2e.EndToEndBench ${args[*]:-}"
exec java -Xmx2g -XX:+UseParallelGC -cp bench/target/bench.jar io.herald.bench.e2e.EndToEndBench --root "$PWD" "${args[@]}"
