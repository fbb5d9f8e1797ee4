#!/usr/bin/env bash
# Herald's fault drills (issue 10): worker crash, service crash on every hop, Redis outage (AOF
# everysec, then always), poison and hanging providers with dead-letter replay, burst while the
# workers are offline, Redis full (maxmemory below use for 20 s). Each drill runs its own redis-server, SMTP sink and services on free ports of
# 127.0.0.1 (never 6379 or 8080-8083), is bounded in time, prints a verdict line and stops exactly
# what it started. Results: bench/results/drills-<timestamp>.json; logs of failed drills are kept.
#
#   bench/drills.sh [--users 100000] [--fault-users 10000] [--only worker-crash,redis-outage,...]
#                   [--channels email,sms,push] [--category NAME] [--timeout 10m] [--offline 60s]
#                   [--outage 10s] [--start-timeout 5m] [--seed N] [--keep] [--rebuild]
#
# Drills: worker-crash, service-crash, redis-outage, faulty-provider, offline-burst, redis-full.
# On a local Redis Cluster (3 masters + 3 replicas; run only when named with --only):
#   cluster-failover    kill -9 of a master mid-campaign, run with replica-acks 0 and 1 (both verdicts)
#   cluster-reshard     a channel partition's slot moved key by key during a campaign
#   cluster-no-replica  a master and its replica killed: 503 for their slots, the rest served, resumes
# Exit status 0 when every drill held.
set -euo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=bench/lib.sh
source bench/lib.sh
bench_prelude drills "redis-server java" "$@"
args=("${BENCH_ARGS[@]}")

echo "drills: java -cp bench/target/bench.jar io.herald.bench.drill.Drills ${args[*]:-}"
exec java -Xmx2g -XX:+UseParallelGC -cp bench/target/bench.jar io.herald.bench.drill.Drills \
  --root "$PWD" "${args[@]}"
