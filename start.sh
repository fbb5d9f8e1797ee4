#!/usr/bin/env bash
# Starts the whole Herald stack: Docker Compose when a Docker daemon answers, else local
# processes (Redis, Herald's mail catcher, the four services as `java -jar`).
# Idempotent: what already runs is left alone. ./stop.sh stops exactly what this started.
# Every knob is an environment variable; see README.md "Configuration" and docs/running.md.
set -euo pipefail
# shellcheck source=infra/lib/common.sh
source "$(dirname "$0")/infra/lib/common.sh"
# shellcheck source=infra/lib/cluster.sh
source "$(dirname "$0")/infra/lib/cluster.sh"

usage() {
  cat <<EOF
Usage: ./start.sh [--no-build] [--infra-only] [--local | --docker | --cluster]

  --no-build    use the jars in */target as they are (fail if one is missing)
  --infra-only  local mode: start only Redis and the mail catcher (to run the services from an IDE)
  --local       force local processes even when a Docker daemon answers
  --docker      force Docker Compose (fails when no daemon answers)
  --cluster     local mode on a Redis Cluster of 6 redis-server nodes (3 masters, 3 replicas)
                started here; channel streams in 3 partitions (herald.channel-partitions auto)

Environment (defaults in brackets):
  HERALD_SEED_USERS [100000]   fake users user-service seeds at start-up
  HERALD_API_KEY [generated]   key for X-API-Key; kept in \$HERALD_RUN_DIR/api-key
  HERALD_UNSUBSCRIBE_SECRET [generated]  signs unsubscribe links; kept in \$HERALD_RUN_DIR/unsubscribe-secret
  HERALD_PUBLIC_URL [http://localhost:\$HERALD_USER_PORT]  where recipients reach user-service
                               (the base of the /unsubscribe/{token} links in campaign mail)
  REDIS_URL                    use this Redis instead of finding or starting one
  HERALD_REDIS_PORT [6379]     local Redis to use if it answers, else to start
  HERALD_REDIS_MAXMEMORY [2gb] maxmemory of the Redis started here (policy noeviction: when full,
                               writes get 503 and resume once memory is freed)
  HERALD_RETENTION_AFTERCOMPLETION [7d]  how long a campaign's per-notification records are kept
                               after it ended (its counters and history stay)
  HERALD_CLUSTER_BASE_PORT [7000]  --cluster: nodes on base … base+5 (bus ports +10000),
  HERALD_CLUSTER_PORTS         … or exactly these six ports ("7000,7001,…")
  HERALD_{CAMPAIGN,USER,NOTIFICATION,WORKERS}_PORT [8080,8081,8082,8083]
  HERALD_MAIL_SMTP_PORT [1025], HERALD_MAIL_UI_PORT [8025]   local mail catcher
  HERALD_MAIL_KEEP [20000]     mails the local catcher keeps readable (it counts all)
  HERALD_JAVA_OPTS             JVM flags of the services
  HERALD_CDS [1]               0: run the jars as they are, without class data sharing archives
  HERALD_START_TIMEOUT [240]   seconds to wait for the services to become healthy
  HERALD_RUN_DIR [./.run]      pid files, logs, API key, Redis data
EOF
}

BUILD=1
INFRA_ONLY=0
CLUSTER=0
MODE="${HERALD_MODE:-auto}"
for arg in "$@"; do
  case "$arg" in
    --no-build)   BUILD=0 ;;
    --infra-only) INFRA_ONLY=1 ;;
    --local)      MODE=local ;;
    --docker)     MODE=docker ;;
    --cluster)    CLUSTER=1 ;;
    -h|--help)    usage; exit 0 ;;
    *) usage >&2; die "unknown option: $arg" ;;
  esac
done

if (( CLUSTER )); then
  [[ "$MODE" != docker ]] || die "--cluster runs local processes; the Docker equivalent is: docker compose -f infra/docker-compose.yml --profile cluster up"
  MODE=local
fi

SEED_USERS="${HERALD_SEED_USERS:-${HERALD_USERS_SEED_COUNT:-100000}}"
START_TIMEOUT="${HERALD_START_TIMEOUT:-240}"
SEED_TIMEOUT="${HERALD_SEED_TIMEOUT:-300}"
# Sized for a laptop running four services next to each other: a small heap and the serial
# collector (the least memory and start-up work; each service's hot path is a few threads). The
# serial collector touches all of -Xms and grows past it only when the live set needs it, so -Xms
# is what the heap adds to RSS; -Xmx is the ceiling (docs/running.md). Same as the bench's default.
JAVA_OPTS="${HERALD_JAVA_OPTS:--Xms64m -Xmx192m -Xmn48m -XX:SurvivorRatio=2 -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError}"
MAIL_SMTP_PORT="${HERALD_MAIL_SMTP_PORT:-1025}"
REDIS_MAXMEMORY="${HERALD_REDIS_MAXMEMORY:-2gb}"
# the services read it from their environment (herald.retention.after-completion)
if [[ -n "${HERALD_RETENTION_AFTERCOMPLETION:-}" ]]; then export HERALD_RETENTION_AFTERCOMPLETION; fi
MAIL_UI_PORT="${HERALD_MAIL_UI_PORT:-8025}"
STARTED_AT=$SECONDS

[[ "$SEED_USERS" =~ ^[0-9]+$ ]] || die "HERALD_SEED_USERS must be a number, not '$SEED_USERS'"
umask 077
mkdir -p "$RUN_DIR" "$LOG_DIR"

redact() { sed -E 's#(://[^:/@]*:)[^@]*@#\1***@#' <<<"$1"; }

any_service_running() {
  local s
  for s in "${SERVICES[@]}"; do live_pid "$s" >/dev/null && return 0; done
  return 1
}

choose_mode() {
  local previous="" locals_alive=0
  [[ -f "$RUN_DIR/mode" ]] && previous="$(cat "$RUN_DIR/mode")"
  if any_service_running || live_pid redis >/dev/null || live_pid mail >/dev/null \
      || [[ -n "$(recorded_cluster_nodes)" ]]; then locals_alive=1; fi
  if [[ "$MODE" == auto ]]; then
    if [[ "$previous" == docker ]] || { (( locals_alive == 0 )) && docker_available; }; then
      MODE=docker
    else
      MODE=local
    fi
  fi
  if [[ "$MODE" == docker ]]; then
    docker_available || die "Docker mode: no 'docker compose'/'docker-compose', or no Docker daemon answers ('docker info' fails)"
    (( INFRA_ONLY == 0 )) || die "--infra-only is a local-mode option"
    (( locals_alive == 0 )) || die "local processes of an earlier ./start.sh are running: ./stop.sh first"
  elif [[ "$previous" == docker ]]; then
    die "the stack was started in Docker mode: ./stop.sh first"
  fi
  local cluster_alive=0 node
  for node in $(recorded_cluster_nodes); do live_pid "$node" >/dev/null && cluster_alive=1; done
  if (( cluster_alive && ! CLUSTER )); then
    die "a Redis Cluster started by ./start.sh --cluster is running: use --cluster again, or ./stop.sh first"
  elif (( CLUSTER )) && live_pid redis >/dev/null; then
    die "a single Redis started by ./start.sh is running: ./stop.sh first, then ./start.sh --cluster"
  fi
  echo "$MODE" > "$RUN_DIR/mode"
  if [[ "$MODE" == local ]] && ! docker_available; then
    step "mode: local (no Docker daemon answers)"
  else
    step "mode: $MODE"
  fi
}

# The key is a secret of this checkout: generated once, reused until .run is removed.
ensure_api_key() {
  local file="$RUN_DIR/api-key"
  if [[ -s "$file" ]] && { any_service_running || [[ -z "${HERALD_API_KEY:-}" ]]; }; then
    if [[ -n "${HERALD_API_KEY:-}" && "$HERALD_API_KEY" != "$(cat "$file")" ]]; then
      warn "HERALD_API_KEY differs from the key of the running services; using the one in $file"
    fi
    HERALD_API_KEY="$(cat "$file")"
  elif [[ -n "${HERALD_API_KEY:-}" ]]; then
    printf '%s\n' "$HERALD_API_KEY" > "$file"
  else
    HERALD_API_KEY="$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')"
    printf '%s\n' "$HERALD_API_KEY" > "$file"
    step "generated an API key into $file"
  fi
  export HERALD_API_KEY
}

# The secret that signs unsubscribe links (channel-workers) and checks them (user-service): like the
# API key, generated once and reused, so links in mail already sent keep working across restarts.
ensure_unsubscribe_secret() {
  local file="$RUN_DIR/unsubscribe-secret"
  if [[ -n "${HERALD_UNSUBSCRIBE_SECRET:-}" ]]; then
    printf '%s\n' "$HERALD_UNSUBSCRIBE_SECRET" > "$file"
  elif [[ -s "$file" ]]; then
    HERALD_UNSUBSCRIBE_SECRET="$(cat "$file")"
  else
    HERALD_UNSUBSCRIBE_SECRET="$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n')"
    printf '%s\n' "$HERALD_UNSUBSCRIBE_SECRET" > "$file"
    step "generated an unsubscribe-link secret into $file"
  fi
  chmod 600 "$file"
  export HERALD_UNSUBSCRIBE_SECRET
  # user-service serves /unsubscribe/{token}: the links in mail must point at it
  export HERALD_PUBLIC_URL="${HERALD_PUBLIC_URL:-http://localhost:$(service_port user-service)}"
}

# ---------------------------------------------------------------- build

stale_jars() {
  local s jar
  for s in "${SERVICES[@]}" "$MAIL_CATCHER"; do
    [[ -d "$HERALD_ROOT/$s" ]] || die "module '$s' is not in this checkout yet: the services have not been merged (use --infra-only for Redis and the mail catcher alone)"
    jar="$(service_jar "$s")"
    if [[ ! -f "$jar" ]] || [[ -n "$(find "$HERALD_ROOT" \( -name target -o -name .run -o -name .git \) -prune -o \
          -type f \( -name pom.xml -o -path '*/src/main/*' \) -newer "$jar" -print -quit)" ]]; then
      echo "$s"
    fi
  done
}

build_jars() {
  local stale
  stale="$(stale_jars)"
  [[ -n "$stale" ]] || { step "jars are up to date"; return; }
  if (( BUILD == 0 )); then
    local s
    for s in $stale; do [[ -f "$(service_jar "$s")" ]] || die "--no-build but $(service_jar "$s") is missing"; done
    warn "--no-build: jars older than the sources: ${stale//$'\n'/ }"
    return
  fi
  if any_service_running; then
    warn "jars are older than the sources, but services are running: ./stop.sh && ./start.sh to run the new code"
    return
  fi
  local t=$SECONDS modules
  modules="$(IFS=,; echo "${SERVICES[*]},$MAIL_CATCHER")"
  step "building the service jars (./mvnw -B -DskipTests -pl $modules -am package; log: $LOG_DIR/build.log)"
  if ! (cd "$HERALD_ROOT" && ./mvnw -B -DskipTests -pl "$modules" -am package) > "$LOG_DIR/build.log" 2>&1; then
    tail -n 40 "$LOG_DIR/build.log" >&2
    die "build failed (full log: $LOG_DIR/build.log)"
  fi
  say "    built in $((SECONDS - t)) s"
}

# ---------------------------------------------------------------- local: Redis

redis_ping() { [[ "$(redis-cli -u "$1" ping 2>/dev/null)" == PONG ]]; }

# Redis ACL users (issue 20): on a Redis that start.sh starts itself, each service connects as its
# own user with the rights of infra/redis/acl-rules.conf; the passwords are generated once into
# $ACL_DIR (mode 700, files 600) and the default user gets the one in $RUN_DIR/redis-password.
ACL_DIR="$RUN_DIR/redis-acl"
ACL_USERS=0

acl_user() {
  case "$1" in
    user-service) echo herald-user ;; campaign-service) echo herald-campaign ;;
    notification-service) echo herald-notification ;; channel-workers) echo herald-workers ;;
  esac
}

# Writes the passwords (kept across restarts) and the ACL file redis-server loads.
write_acl_file() {
  local name
  (umask 077 && mkdir -p "$ACL_DIR")
  [[ -s "$RUN_DIR/redis-password" ]] || (umask 077 && od -An -N18 -tx1 /dev/urandom | tr -d ' \n' > "$RUN_DIR/redis-password")
  chmod 600 "$RUN_DIR/redis-password"
  cp "$RUN_DIR/redis-password" "$ACL_DIR/default"
  for name in herald-user herald-campaign herald-notification herald-workers; do
    [[ -s "$ACL_DIR/$name" ]] || (umask 077 && od -An -N18 -tx1 /dev/urandom | tr -d ' \n' > "$ACL_DIR/$name")
  done
  (umask 077 && sh "$HERALD_ROOT/infra/redis/acl-file.sh" "$HERALD_ROOT/infra/redis/acl-rules.conf" "$ACL_DIR" \
    > "$RUN_DIR/redis/users.acl")
  chmod 600 "$ACL_DIR"/* "$RUN_DIR/redis/users.acl"
}

# The environment that makes a service connect as its ACL user (nothing without ACL users).
acl_env() {
  (( ACL_USERS )) || return 0
  local name
  name="$(acl_user "$1")"
  echo "SPRING_DATA_REDIS_USERNAME=$name"
  echo "SPRING_DATA_REDIS_PASSWORD=$(cat "$ACL_DIR/$name")"
}

setup_redis() {
  command -v redis-cli >/dev/null || die "redis-cli not found: install Redis (Debian/Ubuntu: sudo apt-get install -y redis-server; macOS: brew install redis)"
  if [[ -n "${REDIS_URL:-}" ]]; then
    redis_ping "$REDIS_URL" || die "REDIS_URL=$(redact "$REDIS_URL") does not answer PING"
    step "Redis: using REDIS_URL=$(redact "$REDIS_URL") (not ours: stop.sh leaves it alone)"
    return
  fi
  local port="${HERALD_REDIS_PORT:-6379}" pid
  REDIS_URL="redis://127.0.0.1:$port"
  if pid="$(live_pid redis)"; then
    step "Redis: already running on 127.0.0.1:$port (pid $pid, started by start.sh)"
    if [[ -s "$RUN_DIR/redis/users.acl" ]]; then
      ACL_USERS=1
      export REDISCLI_AUTH
      REDISCLI_AUTH="$(cat "$RUN_DIR/redis-password")"
    fi
    return
  fi
  if port_open "$port"; then
    redis_ping "$REDIS_URL" || die "127.0.0.1:$port is taken but does not answer PING without a password: set REDIS_URL=redis://:<password>@127.0.0.1:$port or HERALD_REDIS_PORT to a free port"
    step "Redis: using the Redis already answering on 127.0.0.1:$port (not ours: stop.sh leaves it alone)"
    rm -f "$(pid_file redis)"
    return
  fi
  command -v redis-server >/dev/null || die "no Redis answers on 127.0.0.1:$port and redis-server is not installed: sudo apt-get install -y redis-server (or brew install redis), or set REDIS_URL"
  mkdir -p "$RUN_DIR/redis"
  write_acl_file
  ACL_USERS=1
  export REDISCLI_AUTH
  REDISCLI_AUTH="$(cat "$RUN_DIR/redis-password")"
  step "Redis: starting redis-server on 127.0.0.1:$port (AOF, appendfsync everysec, maxmemory $REDIS_MAXMEMORY noeviction, data in $RUN_DIR/redis)"
  say "    one ACL user per service (infra/redis/acl-rules.conf), passwords in $ACL_DIR; default user: $RUN_DIR/redis-password"
  nohup redis-server "$HERALD_ROOT/infra/redis.conf" --port "$port" --bind 127.0.0.1 \
    --protected-mode yes --dir "$RUN_DIR/redis" --aclfile "$RUN_DIR/redis/users.acl" \
    --maxmemory "$REDIS_MAXMEMORY" >"$LOG_DIR/redis.log" 2>&1 </dev/null &
  started redis $!
  local deadline=$((SECONDS + 20))
  until redis_ping "$REDIS_URL"; do
    if ! running redis || (( SECONDS > deadline )); then
      tail -n 20 "$LOG_DIR/redis.log" >&2
      die "redis-server did not come up on port $port (log: $LOG_DIR/redis.log)"
    fi
    sleep 0.2
  done
  say "    Redis is up (pid $(cat "$(pid_file redis)"))"
}

# Eviction would silently drop stream entries and outcome records: warn about a Redis (ours or
# not) that evicts or has no memory limit. INFO, not CONFIG: the latter may be refused by ACLs.
check_redis_memory_policy() {
  local info policy max
  info="$(redis-cli -u "$REDIS_URL" info memory 2>/dev/null | tr -d '\r')" || return 0
  policy="$(printf '%s\n' "$info" | sed -n 's/^maxmemory_policy://p')"
  max="$(printf '%s\n' "$info" | sed -n 's/^maxmemory://p')"
  if [[ -n "$policy" && "$policy" != noeviction ]]; then
    warn "Redis uses maxmemory-policy $policy: when full it evicts keys, silently dropping stream entries and outcome records; set maxmemory-policy noeviction (docs/design.md §9)"
  elif [[ "$max" == 0 ]]; then
    warn "Redis has no maxmemory: when the machine runs out of memory it is killed instead of refusing writes; set maxmemory (HERALD_REDIS_MAXMEMORY for the Redis start.sh starts)"
  fi
}

# ---------------------------------------------------------------- local: mail catcher

setup_mail() {
  if [[ -n "${SPRING_MAIL_HOST:-}" ]]; then
    MAIL_HOST="$SPRING_MAIL_HOST"
    MAIL_SMTP_PORT="${SPRING_MAIL_PORT:-25}"
    MAIL_UI=""
    step "mail: using SMTP server $MAIL_HOST:$MAIL_SMTP_PORT from SPRING_MAIL_HOST (no local mail catcher)"
    return
  fi
  MAIL_HOST=127.0.0.1
  MAIL_UI="http://127.0.0.1:$MAIL_UI_PORT"
  local pid jar
  if pid="$(live_pid mail)"; then
    step "mail catcher: already running (pid $pid)"
  else
    for port in "$MAIL_SMTP_PORT" "$MAIL_UI_PORT"; do
      port_open "$port" && die "port $port (mail catcher) is taken by another process: set HERALD_MAIL_SMTP_PORT / HERALD_MAIL_UI_PORT, or SPRING_MAIL_HOST to use an existing SMTP server"
    done
    jar="$(service_jar "$MAIL_CATCHER")"
    [[ -f "$jar" ]] || die "$jar is missing: run ./start.sh without --no-build, or ./mvnw -B -DskipTests -pl $MAIL_CATCHER -am package"
    step "mail catcher: starting (SMTP 127.0.0.1:$MAIL_SMTP_PORT, mails at $MAIL_UI/)"
    # Keeps the newest HERALD_MAIL_KEEP mails (about 2 KB each) and counts all of them.
    MAIL_CATCHER_HOST=127.0.0.1 MAIL_CATCHER_SMTP_PORT="$MAIL_SMTP_PORT" MAIL_CATCHER_HTTP_PORT="$MAIL_UI_PORT" \
      MAIL_CATCHER_KEEP="${HERALD_MAIL_KEEP:-20000}" \
      nohup java -Xmx"${HERALD_MAIL_HEAP:-256m}" -XX:+UseSerialGC -jar "$jar" >"$LOG_DIR/mail.log" 2>&1 </dev/null &
    started mail $!
  fi
  local deadline=$((SECONDS + 30))
  until curl -fsS -m 2 "$MAIL_UI/health" >/dev/null 2>&1; do
    if ! running mail || (( SECONDS > deadline )); then
      tail -n 20 "$LOG_DIR/mail.log" >&2
      die "the mail catcher did not come up (log: $LOG_DIR/mail.log)"
    fi
    sleep 0.3
  done
  say "    mail catcher is up (pid $(cat "$(pid_file mail)"))"
}

# ---------------------------------------------------------------- local: services

start_service() {
  local s="$1" port pid log
  port="$(service_port "$s")"
  if pid="$(live_pid "$s")"; then
    say "    $s: already running (pid $pid, port $port)"
    return
  fi
  port_open "$port" && die "port $port for $s is taken by another process: free it or set HERALD_$(service_env_prefix "$s")_PORT"
  log="$LOG_DIR/$s.log"
  [[ -f "$log" ]] && mv -f "$log" "$log.1"
  local -a extra=()
  case "$s" in
    user-service)    extra=(HERALD_USERS_SEED_COUNT="$SEED_USERS") ;;
    channel-workers) extra=(SPRING_MAIL_HOST="$MAIL_HOST" SPRING_MAIL_PORT="$MAIL_SMTP_PORT") ;;
    # the console (served by campaign-service) reaches the other services and links the mails
    campaign-service) extra=(HERALD_USERS_URL="http://127.0.0.1:$(service_port user-service)"
                             HERALD_WORKERS_URL="http://127.0.0.1:$(service_port channel-workers)"
                             HERALD_MAIL_URL="${MAIL_UI/127.0.0.1/localhost}") ;;
  esac
  java_launch "$s"
  # shellcheck disable=SC2086 # JAVA_OPTS is a list of flags
  # A stable instance id lets a restarted service take back its own pending stream entries at once.
  local line
  while IFS= read -r line; do extra+=("$line"); done < <(acl_env "$s")
  if (( CLUSTER )); then
    extra+=(SPRING_DATA_REDIS_CLUSTER_NODES="$CLUSTER_NODES")
  else
    extra+=(SPRING_DATA_REDIS_URL="$REDIS_URL")
  fi
  env SERVER_PORT="$port" HERALD_API_KEY="$HERALD_API_KEY" \
    HERALD_UNSUBSCRIBE_SECRET="$HERALD_UNSUBSCRIBE_SECRET" HERALD_PUBLIC_URL="$HERALD_PUBLIC_URL" \
    HERALD_INSTANCE_ID="${HERALD_INSTANCE_PREFIX:-local}-$s" "${extra[@]}" \
    nohup java $JAVA_OPTS "${LAUNCH[@]}" >"$log" 2>&1 </dev/null &
  started "$s" $!
  say "    $s: started (pid $!, port $port, log $log)"
}

# Memory the JVM's C2 compiler and other native work free again stays with glibc's allocator
# unless it is trimmed: with the default flags, channel-workers' RSS during a 20,000-user bench run
# went from 313 to 291 MB on average (idle after it: 309 → 263 MB; the 313/309 run also carried
# Native Memory Tracking, ~7 MB) with a trim every 5 s and two malloc arenas. The trim flag exists from JDK 17.0.9; an older JDK runs without it. Not applied
# to flags given in HERALD_JAVA_OPTS.
native_heap_trim() {
  export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
  [[ -z "${HERALD_JAVA_OPTS:-}" ]] || return 0
  if java -XX:TrimNativeHeapInterval=5000 -version >/dev/null 2>&1; then
    JAVA_OPTS="$JAVA_OPTS -XX:TrimNativeHeapInterval=5000"
  fi
}

# Class data sharing (AppCDS): each service runs from its jar extracted under .run/cds/<service>/
# (classes on the JVM's own class path, which CDS needs), with an archive of the classes it
# loaded the last time. A run without a valid archive writes one when the service exits
# (./stop.sh), so nothing is spent on it at start; every later start maps those classes instead
# of loading, parsing and verifying them again (about a third less start-up time). A rebuilt
# jar is extracted anew and records a new archive; a damaged archive is dropped.
# Sets LAUNCH to the java arguments that run service $1.
java_launch() {
  local s=$1 jar dir app archive
  jar="$(service_jar "$s")"
  LAUNCH=(-jar "$jar")
  [[ "${HERALD_CDS:-1}" != 0 ]] || return 0
  dir="$RUN_DIR/cds/$s"
  app="$dir/$(basename "$jar")"
  archive="$dir/$s.jsa"
  if [[ ! -f "$dir/.extracted" || "$jar" -nt "$dir/.extracted" ]]; then
    rm -rf "$dir" && mkdir -p "$dir"
    java -Djarmode=tools -jar "$jar" extract --destination "$dir" >/dev/null 2>&1 || return 0
    touch "$dir/.extracted"
  fi
  if [[ -s "$archive" && "$archive" -nt "$dir/.extracted" ]] \
      && java $JAVA_OPTS -Xshare:on -XX:SharedArchiveFile="$archive" -cp "$app" -version >/dev/null 2>&1; then
    rm -f "$dir/recording"
    LAUNCH=("-XX:SharedArchiveFile=$archive" -Xlog:cds=off -Xlog:cds+dynamic=off -jar "$app")
  else
    rm -f "$archive"
    touch "$dir/recording" # stop.sh gives the JVM time to write the archive as it exits
    LAUNCH=("-XX:ArchiveClassesAtExit=$archive" -Xlog:cds=off -Xlog:cds+dynamic=off -jar "$app")
  fi
}

service_env_prefix() {
  case "$1" in
    campaign-service) echo CAMPAIGN ;; user-service) echo USER ;;
    notification-service) echo NOTIFICATION ;; channel-workers) echo WORKERS ;;
  esac
}

healthy() { curl -fsS -m 2 "http://127.0.0.1:$(service_port "$1")/actuator/health/readiness" >/dev/null 2>&1; }

last_seed_line() { grep -E 'Seed(ing|ed) [0-9]*' "$LOG_DIR/user-service.log" 2>/dev/null | tail -n 1 | sed -E 's/.*(Seed(ing|ed) )/\1/' || true; }

# Prints one progress line: on a terminal it is rewritten in place, in a log every 10 s.
progress() {
  if [[ -t 1 ]]; then
    printf '\r\033[K    %s' "$1"
  elif (( SECONDS - ${LAST_PROGRESS:--100} >= 10 )); then
    LAST_PROGRESS=$SECONDS
    printf '    %s\n' "$1"
  fi
}
progress_done() { if [[ -t 1 ]]; then printf '\r\033[K'; fi; }

show_log_tail() {
  progress_done
  say "--- last lines of $LOG_DIR/$1.log ---" >&2
  tail -n 40 "$LOG_DIR/$1.log" >&2 || true
  say "---" >&2
}

fail_service() {
  show_log_tail "$1"
  die "$1 $2."
}

# ---------------------------------------------------------------- what this run started

# Components this run started, with their pids. A pid just returned by `&` is ours for sure, so
# while we wait for readiness it is checked with kill -0: its command line is not yet the
# program's own until the forked shell has exec'ed (checking it then raced the child).
declare -A STARTED_PID=()
STARTED_ORDER=()

started() {
  STARTED_PID[$1]="$2"
  STARTED_ORDER+=("$1")
  echo "$2" > "$(pid_file "$1")"
}

# True while component $1 runs: the pid this run started, else the recorded, verified one.
running() {
  if [[ -n "${STARTED_PID[$1]:-}" ]]; then
    kill -0 "${STARTED_PID[$1]}" 2>/dev/null
  else
    live_pid "$1" >/dev/null
  fi
}

# On a failed start, stop what this run started (newest first), so that nothing is left holding
# ports and the next ./start.sh starts clean; what earlier runs started is left alone.
stop_started_on_failure() {
  local rc=$? i name pid
  trap - EXIT
  (( rc != 0 && ${#STARTED_ORDER[@]} > 0 )) || exit "$rc"
  progress_done
  say "start failed: stopping what this start started: ${STARTED_ORDER[*]}" >&2
  for ((i = ${#STARTED_ORDER[@]} - 1; i >= 0; i--)); do
    name="${STARTED_ORDER[$i]}"; pid="${STARTED_PID[$name]}"
    kill -TERM "$pid" 2>/dev/null || true
  done
  local deadline=$((SECONDS + 20))
  for name in "${STARTED_ORDER[@]}"; do
    pid="${STARTED_PID[$name]}"
    while kill -0 "$pid" 2>/dev/null && (( SECONDS < deadline )); do sleep 0.2; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
    rm -f "$(pid_file "$name")"
  done
  say "stopped: ${STARTED_ORDER[*]}" >&2
  exit "$rc"
}

wait_for_services() {
  step "waiting for /actuator/health/readiness of the services (timeout ${START_TIMEOUT}s)"
  local deadline=$((SECONDS + START_TIMEOUT)) t0=$SECONDS s line seed
  local -A ready=()
  while (( ${#ready[@]} < ${#SERVICES[@]} )); do
    line=""
    for s in "${SERVICES[@]}"; do
      if [[ -z "${ready[$s]:-}" ]]; then
        if healthy "$s"; then
          ready[$s]=$((SECONDS - t0))
        elif ! running "$s"; then
          fail_service "$s" "exited during start-up"
        fi
      fi
      line+="$s $([[ -n "${ready[$s]:-}" ]] && echo "UP" || echo "...")  "
    done
    seed="$(last_seed_line)"
    progress "$line${seed:+| $seed}  [$((SECONDS - t0))s]"
    (( ${#ready[@]} == ${#SERVICES[@]} )) && break
    if (( SECONDS > deadline )); then
      local late=()
      for s in "${SERVICES[@]}"; do [[ -n "${ready[$s]:-}" ]] || late+=("$s"); done
      for s in "${late[@]:0:${#late[@]}-1}"; do show_log_tail "$s"; done
      fail_service "${late[-1]}" "is not ready after ${START_TIMEOUT}s (not ready: ${late[*]})"
    fi
    sleep 1
  done
  progress_done
  for s in "${SERVICES[@]}"; do say "    $s: UP on port $(service_port "$s") (after ${ready[$s]}s)"; done
}

# user-service seeds at start-up and logs "Seeding users: n/N", then "Seeded N users in t ms".
# A restart with enough users seeds nothing and logs nothing about it.
wait_for_seeding() {
  local log_source="$1" t0=$SECONDS quiet_since=$SECONDS line
  step "seeding $SEED_USERS users (user-service log)"
  while :; do
    line="$($log_source 2>/dev/null | grep -E 'Seed(ing|ed) [0-9]*' | tail -n 1 | sed -E 's/.*(Seed(ing|ed) )/\1/' || true)"
    if [[ "$line" == Seeded* ]]; then
      progress_done; say "    $line"; return
    elif [[ -n "$line" ]]; then
      progress "$line  [$((SECONDS - t0))s]"
    elif (( SECONDS - quiet_since > ${HERALD_SEED_GRACE:-10} )); then
      progress_done; say "    no seeding line in the user-service log: nothing to seed (enough users from an earlier run)"; return
    fi
    if (( SECONDS - t0 > SEED_TIMEOUT )); then
      progress_done; warn "seeding has not finished after ${SEED_TIMEOUT}s; last line: $line"; return
    fi
    sleep 1
  done
}

local_log_user_service() { cat "$LOG_DIR/user-service.log"; }

record_env() {
  {
    echo "REDIS_URL=$REDIS_URL"
    if (( CLUSTER )); then echo "CLUSTER_NODES=$CLUSTER_NODES"; fi
    echo "MAIL_HOST=$MAIL_HOST"
    echo "MAIL_SMTP_PORT=$MAIL_SMTP_PORT"
    echo "MAIL_UI=$MAIL_UI"
    for s in "${SERVICES[@]}"; do echo "PORT_$(service_env_prefix "$s")=$(service_port "$s")"; done
  } > "$RUN_DIR/env"
}

run_local() {
  command -v java >/dev/null || die "java not found: install a JDK 17 (Debian/Ubuntu: sudo apt-get install -y openjdk-17-jdk-headless)"
  command -v curl >/dev/null || die "curl not found: sudo apt-get install -y curl"
  (( INFRA_ONLY )) || build_jars
  if (( CLUSTER )); then setup_cluster; else setup_redis; fi
  check_redis_memory_policy
  setup_mail
  record_env
  if (( INFRA_ONLY )); then
    print_infra_summary
    return
  fi
  native_heap_trim
  step "starting the services (JVM flags: $JAVA_OPTS)"
  local s user_was_running=0
  live_pid user-service >/dev/null && user_was_running=1
  for s in "${SERVICES[@]}"; do start_service "$s"; done
  wait_for_services
  if (( user_was_running )); then
    local seeded
    seeded="$(last_seed_line)"
    step "users: ${seeded:-user-service was already running; nothing seeded now}"
  else
    wait_for_seeding local_log_user_service
  fi
  print_summary local
}

# ---------------------------------------------------------------- Docker mode

docker_service_state() {
  local id
  id="$(compose ps -q "$1" 2>/dev/null | head -n 1)"
  [[ -n "$id" ]] || { echo missing; return; }
  docker inspect -f '{{if .State.Health}}{{.State.Health.Status}}{{else}}{{.State.Status}}{{end}}' "$id" 2>/dev/null || echo missing
}

run_docker() {
  local password_file="$RUN_DIR/redis-password"
  [[ -s "$password_file" ]] || (umask 077 && od -An -N18 -tx1 /dev/urandom | tr -d ' \n' > "$password_file")
  (umask 077 && : > "$RUN_DIR/compose.env") # it holds passwords
  chmod 600 "$RUN_DIR/compose.env"
  {
    echo "HERALD_API_KEY=$HERALD_API_KEY"
    echo "HERALD_UNSUBSCRIBE_SECRET=$HERALD_UNSUBSCRIBE_SECRET"
    echo "HERALD_PUBLIC_URL=$HERALD_PUBLIC_URL"
    echo "HERALD_REDIS_PASSWORD=$(cat "$password_file")"
    local user
    for user in USER CAMPAIGN NOTIFICATION WORKERS; do
      [[ -s "$RUN_DIR/redis-password-$user" ]] || (umask 077 && od -An -N18 -tx1 /dev/urandom | tr -d ' \n' > "$RUN_DIR/redis-password-$user")
      echo "HERALD_REDIS_PASSWORD_$user=$(cat "$RUN_DIR/redis-password-$user")"
    done
    echo "HERALD_SEED_USERS=$SEED_USERS"
    local s
    for s in "${SERVICES[@]}"; do echo "HERALD_$(service_env_prefix "$s")_PORT=$(service_port "$s")"; done
    echo "HERALD_MAIL_SMTP_PORT=$MAIL_SMTP_PORT"
    echo "HERALD_MAIL_UI_PORT=$MAIL_UI_PORT"
    echo "HERALD_REDIS_HOST_PORT=${HERALD_REDIS_HOST_PORT:-6380}"
    echo "HERALD_REDISINSIGHT_PORT=${HERALD_REDISINSIGHT_PORT:-5540}"
  } > "$RUN_DIR/compose.env"
  local -a up=(up -d)
  (( BUILD )) && up+=(--build)
  step "docker compose ${up[*]} (images build the jars themselves)"
  compose "${up[@]}"
  step "waiting for the containers to be healthy (timeout ${START_TIMEOUT}s)"
  local deadline=$((SECONDS + START_TIMEOUT)) all svc state line
  local -a names=(redis mailpit "${SERVICES[@]}")
  while :; do
    all=1; line=""
    for svc in "${names[@]}"; do
      state="$(docker_service_state "$svc")"
      [[ "$state" == healthy ]] || all=0
      [[ "$state" == exited || "$state" == dead || "$state" == unhealthy ]] && {
        progress_done; compose logs --tail 40 "$svc" >&2 || true; die "container $svc is $state"; }
      line+="$svc $state  "
    done
    progress "$line"
    (( all )) && break
    if (( SECONDS > deadline )); then
      progress_done
      for svc in "${names[@]}"; do
        [[ "$(docker_service_state "$svc")" == healthy ]] || { compose logs --tail 40 "$svc" >&2 || true; }
      done
      die "not all containers are healthy after ${START_TIMEOUT}s"
    fi
    sleep 2
  done
  progress_done
  say "    all containers healthy"
  wait_for_seeding docker_log_user_service
  print_summary docker
}

docker_log_user_service() { compose logs --no-color user-service; }

# ---------------------------------------------------------------- summary

# A URL with a password is printed as a reference to the variable, never spelled out.
# shellcheck disable=SC2016 # the variable name is printed on purpose
cli_url() { if [[ "$REDIS_URL" == *@* ]]; then echo '"$REDIS_URL"'; else echo "$REDIS_URL"; fi; }

redis_env_line() {
  if (( CLUSTER )); then echo "SPRING_DATA_REDIS_CLUSTER_NODES=$CLUSTER_NODES"; else echo "SPRING_DATA_REDIS_URL=$(cli_url)"; fi
}

print_infra_summary() {
  cat <<EOF

Infrastructure is up ($((SECONDS - STARTED_AT)) s). Run the services from your IDE with:
  $(redis_env_line) HERALD_API_KEY=$HERALD_API_KEY
  SPRING_MAIL_HOST=$MAIL_HOST SPRING_MAIL_PORT=$MAIL_SMTP_PORT$( (( ACL_USERS )) && printf '\n  %s' \
  "SPRING_DATA_REDIS_USERNAME=herald-<user|campaign|notification|workers> SPRING_DATA_REDIS_PASSWORD=\$(cat $ACL_DIR/herald-<…>)" || true)
Mails received: ${MAIL_UI:-<external SMTP server>}/
Stop with ./stop.sh
EOF
}

print_summary() {
  local mode="$1" campaign user notification workers key="$HERALD_API_KEY"
  campaign="http://localhost:$(service_port campaign-service)"
  user="http://localhost:$(service_port user-service)"
  notification="http://localhost:$(service_port notification-service)"
  workers="http://localhost:$(service_port channel-workers)"
  cat <<EOF

Herald is ready in $((SECONDS - STARTED_AT)) s ($mode mode$( (( CLUSTER )) && echo ", on a Redis Cluster")).

  Console               $campaign/   (open it and sign in with the API key below)

  campaign-service      $campaign   (API docs: $campaign/swagger-ui.html)
  user-service          $user
  notification-service  $notification
  channel-workers       $workers
  API key               $key   (header X-API-Key; also in $RUN_DIR/api-key)

Send your first campaign from the console ("New campaign"), or with curl:

  curl -sS -X POST $campaign/api/v1/campaigns -H 'X-API-Key: $key' -H 'Content-Type: application/json' -d '{"name":"Hello","category":"Finance","subject":"Hi {{name}}","message":"Markets are up, {{name}}!"}'

Watch it (use the "id" from the answer):

  curl -sS $campaign/api/v1/campaigns/<id> -H 'X-API-Key: $key'
  curl -sS -N $campaign/api/v1/campaigns/<id>/progress -H 'X-API-Key: $key'
  curl -sS $workers/api/v1/channels -H 'X-API-Key: $key'

EOF
  if [[ "$mode" == docker ]]; then
    cat <<EOF
Look inside:
  RedisInsight   http://localhost:${HERALD_REDISINSIGHT_PORT:-5540}   (database "herald" is preconfigured)
  Mailpit        http://localhost:$MAIL_UI_PORT   (every e-mail sent)
  redis-cli      REDISCLI_AUTH="\$(cat $RUN_DIR/redis-password)" redis-cli -p ${HERALD_REDIS_HOST_PORT:-6380} XRANGE campaigns - + COUNT 5
  SMS and push   docker compose -p $COMPOSE_PROJECT -f infra/docker-compose.yml logs channel-workers | grep -E 'sms|push'

Stop with ./stop.sh
EOF
  else
    local cli stream=notify:email
    cli="redis-cli -u $(cli_url)"
    if (( CLUSTER )); then
      cli="redis-cli -c -p $(cluster_ports | head -n 1)"
      stream=notify:email:0
      print_cluster_summary "$cli"
    fi
    # shellcheck disable=SC2016 # printed for the reader's shell
    (( ACL_USERS )) && cli='REDISCLI_AUTH="$(cat '"$RUN_DIR"'/redis-password)" '"$cli"
    cat <<EOF
Look inside:
  streams        $cli XRANGE campaigns - + COUNT 5
                 $cli XLEN $stream ; $cli XINFO GROUPS $stream
  e-mails        ${MAIL_UI:-<external SMTP server>}/   (also linked from the console as "Mails")
                 curl -sS '${MAIL_UI:-<external SMTP>}/api/mails?to=<address>&limit=5'   (JSON; the newest ${HERALD_MAIL_KEEP:-20000} are kept)
  SMS and push   grep -E 'sms|push' $LOG_DIR/channel-workers.log | head
  logs           $LOG_DIR/

Stop with ./stop.sh
EOF
  fi
}

print_cluster_summary() {
  local ports
  ports="$(cluster_ports | paste -sd' ' -)"
  cat <<EOF
The Redis Cluster (3 masters, 3 replicas; each channel stream in 3 partitions notify:<channel>:0..2):
  $1 CLUSTER NODES
  for p in $ports; do echo "\$p \$(redis-cli -p \$p ROLE | head -n 1) \$(redis-cli -p \$p DBSIZE) keys"; done

EOF
}

# ---------------------------------------------------------------- main

main() {
  trap stop_started_on_failure EXIT
  trap 'exit 130' INT TERM
  step "Herald start ($(date -u +%H:%M:%S) UTC, state in $RUN_DIR); the console will be at http://localhost:$(service_port campaign-service)/"
  choose_mode
  ensure_api_key
  ensure_unsubscribe_secret
  if [[ "$MODE" == docker ]]; then run_docker; else run_local; fi
}

# On one line, so that bash has read all of it before running: editing this file (a git
# checkout) while a start is in progress cannot change what the running start does.
main; exit
