#!/usr/bin/env bash
# Herald's fault drills (issue 10): worker crash, service crash on every hop, Redis outage (AOF
# everysec, then always), poison and hanging providers with dead-letter replay, burst while the
# workers are offline. Each drill runs its own redis-server, SMTP sink and services on free ports of
# 127.0.0.1 (never 6379 or 8080-8083), is bounded in time, prints a verdict line and stops exactly
# what it started. Results: bench/results/drills-<timestamp>.json; logs of failed drills are kept.
#
#   bench/drills.sh [--users 100000] [--fault-users 10000] [--only worker-crash,redis-outage,...]
#                   [--channels email,sms,push] [--category NAME] [--timeout 10m] [--offline 60s]
#                   [--outage 10s] [--start-timeout 5m] [--seed N] [--keep] [--rebuild]
#
# Drills: worker-crash, service-crash, redis-outage, faulty-provider, offline-burst.
# Exit status 0 when every drill held.
set -euo pipefail
cd "$(dirname "$0")/.."

modules=(user-service campaign-service notification-service channel-workers bench)
rebuild=false
args=()
for arg in "$@"; do
  case "$arg" in
    --rebuild) rebuild=true ;;
    -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) args+=("$arg") ;;
  esac
done

for tool in redis-server java; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "drills: $tool is not on the PATH (apt-get install -y redis-server openjdk-17-jdk-headless)" >&2
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
  echo "drills: building the jars (./mvnw -B -q -DskipTests package -pl $list -am)"
  ./mvnw -B -q -DskipTests package -pl "$list" -am
fi

echo "drills: java -cp bench/target/bench.jar io.herald.bench.drill.Drills ${args[*]:-}"
exec java -Xmx2g -XX:+UseParallelGC -cp bench/target/bench.jar io.herald.bench.drill.Drills \
  --root "$PWD" "${args[@]}"
