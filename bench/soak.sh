#!/usr/bin/env bash
# Herald's memory soak (issue 16): seeds the users, runs N campaigns back to back with a short
# retention, samples Redis used_memory after each campaign and after the retention window, prints
# the table, the slope and the plateau verdict (after the window memory within 10 % of users +
# campaign histories) and writes bench/results/soak-<timestamp>.json. Its own redis-server (no
# persistence), SMTP sink and services on free ports of 127.0.0.1; it stops exactly what it started.
#
#   bench/soak.sh [--campaigns 10] [--users 100000] [--retention 60s] [--channels email,sms,push]
#                 [--category NAME] [--timeout 15m] [--start-timeout 5m] [--keep] [--rebuild]
#
# Exit status 0 when the plateau holds.
set -euo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=bench/lib.sh
source bench/lib.sh
bench_prelude soak "redis-server java" "$@"
args=("${BENCH_ARGS[@]}")

echo "soak: java -cp bench/target/bench.jar io.herald.bench.soak.Soak ${args[*]:-}"
exec java -Xmx2g -XX:+UseParallelGC -cp bench/target/bench.jar io.herald.bench.soak.Soak \
  --root "$PWD" "${args[@]}"
