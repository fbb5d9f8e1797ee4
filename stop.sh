#!/usr/bin/env bash
# Stops exactly what ./start.sh started: the processes whose pid files are in .run/ (only
# while the live process still is the one we started), or the Compose project in Docker
# mode. A Redis that start.sh found running is left alone. Never kills by name.
set -euo pipefail
# The body is one block, read whole before it runs, so editing the file meanwhile is harmless.
{
# shellcheck source=infra/lib/common.sh
source "$(dirname "$0")/infra/lib/common.sh"
# shellcheck source=infra/lib/cluster.sh
source "$(dirname "$0")/infra/lib/cluster.sh"

STOP_TIMEOUT="${HERALD_STOP_TIMEOUT:-20}"
for arg in "$@"; do
  case "$arg" in
    -h|--help) echo "Usage: ./stop.sh   (HERALD_STOP_TIMEOUT=$STOP_TIMEOUT seconds before KILL; HERALD_RUN_DIR=$RUN_DIR)"; exit 0 ;;
    *) die "unknown option: $arg" ;;
  esac
done

mode=""
[[ -f "$RUN_DIR/mode" ]] && mode="$(cat "$RUN_DIR/mode")"

if [[ "$mode" == docker ]]; then
  docker_available || die "the stack was started in Docker mode, but no Docker daemon answers now"
  step "docker compose down (volumes are kept; 'docker compose -p $COMPOSE_PROJECT -f infra/docker-compose.yml down -v' removes the data)"
  compose down
  rm -f "$RUN_DIR/mode"
  exit 0
fi

# Sends TERM to the given components, waits for them, and KILLs what is left after the timeout.
stop_group() {
  local -a names=() pids=()
  local name pid
  for name in "$@"; do
    if pid="$(live_pid "$name")"; then
      names+=("$name"); pids+=("$pid")
      step "stopping $name (pid $pid): TERM"
      kill -TERM "$pid" 2>/dev/null || true
    elif [[ -f "$(pid_file "$name")" ]]; then
      say "    $name: its process is gone (or the pid now belongs to another program): pid file removed"
      rm -f "$(pid_file "$name")"
    fi
  done
  (( ${#pids[@]} )) || return 0
  STOPPED=$((STOPPED + ${#pids[@]}))
  local timeout=$STOP_TIMEOUT i alive
  for name in "${names[@]}"; do
    # a service started without a class data sharing archive writes one as it exits (start.sh)
    if [[ -f "$RUN_DIR/cds/$name/recording" ]]; then
      timeout=$((STOP_TIMEOUT + 60))
      say "    $name: writing its class data sharing archive for faster starts (up to $timeout s)"
    fi
  done
  local deadline=$((SECONDS + timeout))
  # Wait for the processes themselves (kill -0), not for their command line: an exiting JVM
  # loses its command line (memory released) before it closes its sockets, so a process whose
  # `ps -o args` is already empty may still hold its ports for a moment.
  while :; do
    alive=0
    for i in "${!pids[@]}"; do
      kill -0 "${pids[$i]}" 2>/dev/null && alive=1
    done
    (( alive )) || break
    if (( SECONDS >= deadline )); then
      for i in "${!pids[@]}"; do
        if kill -0 "${pids[$i]}" 2>/dev/null; then
          warn "${names[$i]} (pid ${pids[$i]}) still running after ${timeout}s: KILL"
          kill -KILL "${pids[$i]}" 2>/dev/null || true
        fi
      done
      sleep 0.5
      break
    fi
    sleep 0.3
  done
  for name in "${names[@]}"; do
    rm -f "$(pid_file "$name")"
    say "    $name stopped"
  done
}

STOPPED=0
# Services first and together, so each can finish its in-flight work against a live Redis;
# then the mail catcher; Redis last (TERM makes it fsync its AOF before exiting).
reversed=()
for ((i = ${#SERVICES[@]} - 1; i >= 0; i--)); do reversed+=("${SERVICES[$i]}"); done
stop_group "${reversed[@]}"
stop_group mail
stop_group redis
# the nodes of ./start.sh --cluster, all at once (each rewrites its AOF on TERM)
mapfile -t cluster_nodes < <(recorded_cluster_nodes)
(( ${#cluster_nodes[@]} == 0 )) || stop_group "${cluster_nodes[@]}"

rm -f "$RUN_DIR/mode"
if (( STOPPED == 0 )); then
  say "Herald is not running: no live process recorded in $RUN_DIR. Nothing to stop."
else
  say "Stopped $STOPPED process(es). Logs and Redis data stay in $RUN_DIR (remove it to start from scratch)."
fi
exit
}
