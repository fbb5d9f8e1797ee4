#!/usr/bin/env bash
# Herald's JMH benchmarks of the hot paths (envelope/JSON, rendering, completion Lua, consumer
# runtime). Each benchmark that needs Redis starts its own redis-server on a free port.
#
#   bench/jmh.sh                     # all benchmarks
#   bench/jmh.sh Envelope            # those matching a regex; any JMH option works (-f, -wi, -i, -prof gc)
# Results: bench/results/jmh-<timestamp>.json
set -euo pipefail
cd "$(dirname "$0")/.."

jar=bench/target/bench.jar
if [[ ! -f "$jar" || ! -f notification-service/target/notification-service-0.1.0-SNAPSHOT.jar || "${REBUILD:-false}" == true ]]; then
  echo "jmh: building $jar"
  ./mvnw -B -q -DskipTests package -pl notification-service,bench -am
fi
mkdir -p bench/results
out="bench/results/jmh-$(date -u +%Y%m%dT%H%M%SZ).json"
echo "jmh: java -cp $jar org.openjdk.jmh.Main $* -rf json -rff $out"
java -Dherald.root="$PWD" -cp "$jar" org.openjdk.jmh.Main "$@" -jvmArgsAppend "-Dherald.root=$PWD" -rf json -rff "$out"
echo "jmh: results written to $out"
