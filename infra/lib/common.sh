# Shared by start.sh, stop.sh and infra/smoke-test.sh: where the state lives, which
# processes are ours, and how to talk about them. Sourced, never executed.
# shellcheck shell=bash

HERALD_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# Everything a run creates lives under one directory, so that stop.sh and a second start.sh
# find it and a test can use its own (HERALD_RUN_DIR) next to a developer's stack.
RUN_DIR="${HERALD_RUN_DIR:-$HERALD_ROOT/.run}"
LOG_DIR="$RUN_DIR/logs"
COMPOSE_FILE="$HERALD_ROOT/infra/docker-compose.yml"
COMPOSE_PROJECT="${HERALD_COMPOSE_PROJECT:-herald}"

# The four services in start order; stop.sh walks them backwards.
SERVICES=(user-service campaign-service notification-service channel-workers)
PROJECT_VERSION="0.1.0-SNAPSHOT"

say()  { printf '%s\n' "$*"; }
step() { printf '==> %s\n' "$*"; }
warn() { printf 'warning: %s\n' "$*" >&2; }
die()  { printf 'error: %s\n' "$*" >&2; exit 1; }

# Port of a service, overridable per service (HERALD_CAMPAIGN_PORT …) so that a test can
# run a second stack next to the default one.
service_port() {
  case "$1" in
    campaign-service)     echo "${HERALD_CAMPAIGN_PORT:-8080}" ;;
    user-service)         echo "${HERALD_USER_PORT:-8081}" ;;
    notification-service) echo "${HERALD_NOTIFICATION_PORT:-8082}" ;;
    channel-workers)      echo "${HERALD_WORKERS_PORT:-8083}" ;;
    *) die "unknown service $1" ;;
  esac
}

service_jar() { echo "$HERALD_ROOT/$1/target/$1-$PROJECT_VERSION.jar"; }

pid_file() { echo "$RUN_DIR/$1.pid"; }

# What the command line of each of our processes contains. A pid file is trusted only when
# the live process behind it still matches, so a recycled pid is never signalled.
process_marker() {
  case "$1" in
    redis|redis-[0-9]*) echo "redis-server" ;;
    mail)  echo "mail-catcher-$PROJECT_VERSION.jar" ;;
    *)     echo "$1-$PROJECT_VERSION.jar" ;;
  esac
}

# The local mail catcher (Herald's own module, see docs/running.md), built with the services.
MAIL_CATCHER=mail-catcher

# Prints the pid recorded for $1 when that process is alive and is the one we started.
live_pid() {
  local file pid args
  file="$(pid_file "$1")"
  [[ -f "$file" ]] || return 1
  pid="$(tr -dc '0-9' < "$file")"
  [[ -n "$pid" ]] || return 1
  args="$(ps -o args= -p "$pid" 2>/dev/null)" || return 1
  [[ "$args" == *"$(process_marker "$1")"* ]] || return 1
  echo "$pid"
}

# True when something accepts TCP connections on 127.0.0.1:$1.
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

docker_compose_cmd() {
  if docker compose version >/dev/null 2>&1; then
    echo "docker compose"
  elif command -v docker-compose >/dev/null 2>&1; then
    echo "docker-compose"
  else
    return 1
  fi
}

# Docker mode needs both a compose command and a daemon that answers.
docker_available() {
  command -v docker >/dev/null 2>&1 || return 1
  docker_compose_cmd >/dev/null || return 1
  docker info >/dev/null 2>&1
}

compose() {
  local cmd
  cmd="$(docker_compose_cmd)"
  # shellcheck disable=SC2086 # "docker compose" is two words on purpose
  $cmd -p "$COMPOSE_PROJECT" -f "$COMPOSE_FILE" --env-file "$RUN_DIR/compose.env" "$@"
}
