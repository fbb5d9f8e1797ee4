#!/usr/bin/env bash
# Herald's end-to-end benchmark (issue 9): Redis baseline, service start-up, seeding, one campaign's
# fan-out with transactional notifications alongside, CPU/RSS of every process; prints a table and
# writes bench/results/<timestamp>.json. Everything on 127.0.0.1 on free ports (never 6379 or
# 8080-8083); it stops exactly what it started.
#
#   bench/run.sh [--users N] [--channels email,sms,push|log] [--category NAME] [--keep]
#                [--aof everysec|always] [--timeout 15m] [--tx 200] [--tx-rate 20] [--idle 10]
#                [--warmup 1] [--jfr SERVICE]... [--rebuild] [--cluster] [--replica-acks N]
#
#   --channels log   means sms+push only (the log senders); email goes to the bench's SMTP sink
#   --keep           keep the services' logs and the Redis directory (bench/results/run-<timestamp>/)
#   --warmup N       campaigns run first (JIT warm-up) and reported apart; 0 measures the cold run
#   --jfr SERVICE    record SERVICE with Java Flight Recorder and summarise its hottest methods
#   --rebuild        rebuild the jars even if they exist
#   --cluster        run the campaign twice, on one Redis and on a local Redis Cluster (6 nodes: 3 masters,
#                    3 replicas; channel streams in 3 partitions), into two sections of one JSON report,
#                    with each master's hot-path calls, ops/s, CPU and memory
#   --replica-acks N herald.redis.replica-acks of the services in the cluster run (default: HERALD_REDIS_REPLICAACKS,
#                    else 0); run with 0 and with 1 to measure what waiting for the replicas costs
#   HERALD_JAVA_OPTS JVM flags of the services (default: the same as start.sh)
set -euo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=bench/lib.sh
source bench/lib.sh
bench_prelude bench "redis-server redis-benchmark java" "$@"
args=("${BENCH_ARGS[@]}")

echo "bench: java -cp bench/target/bench.jar io.herald.bench.e2e.EndToEndBench ${args[*]:-}"
exec java -Xmx2g -XX:+UseParallelGC -cp bench/target/bench.jar io.herald.bench.e2e.EndToEndBench --root "$PWD" "${args[@]}"
