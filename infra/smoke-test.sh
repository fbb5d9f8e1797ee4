#!/usr/bin/env bash
# End-to-end test of ./start.sh and ./stop.sh in local mode, next to whatever else runs on
# the machine: its own state directory, its own Redis (started by start.sh on a free port),
# its own mail catcher and service ports, and a small seed. It checks that
#   1. start.sh brings everything up and records a pid per process,
#   2. a second start.sh starts no second copy,
#   3. the first-campaign curl that start.sh prints works as printed, and the campaign
#      reaches COMPLETED with every targeted notification settled, e-mails in the catcher,
#   4. stop.sh leaves no process and no port of ours, and a second stop.sh says so and exits 0.
# Usage: infra/smoke-test.sh   (SMOKE_KEEP=1 keeps the state directory for inspection)
set -euo pipefail
# The body is one block, read whole before it runs, so editing the file meanwhile is harmless.
{
# shellcheck source=infra/lib/common.sh
source "$(dirname "$0")/lib/common.sh"
cd "$HERALD_ROOT"

command -v jq >/dev/null || die "jq is needed (apt-get install -y jq)"
command -v redis-server >/dev/null || die "redis-server is needed (apt-get install -y redis-server)"

CAMPAIGN_TIMEOUT="${SMOKE_CAMPAIGN_TIMEOUT:-300}"
START_LIMIT="${SMOKE_START_LIMIT:-900}"   # whole start.sh, build included
T0=$SECONDS

TAKEN=" "
free_port() {
  local p
  while :; do
    p=$((20000 + RANDOM % 12000))  # below the ephemeral range (32768+)
    [[ "$TAKEN" == *" $p "* ]] && continue
    port_open "$p" && continue
    TAKEN+="$p "
    echo "$p"
    return
  done
}

unset REDIS_URL SPRING_MAIL_HOST SPRING_MAIL_PORT HERALD_API_KEY HERALD_MODE
HERALD_RUN_DIR="$(mktemp -d -t herald-smoke.XXXXXX)"
RUN_DIR="$HERALD_RUN_DIR"; LOG_DIR="$RUN_DIR/logs"
export HERALD_RUN_DIR
export HERALD_SEED_USERS="${SMOKE_SEED_USERS:-200}"
export HERALD_START_TIMEOUT="${HERALD_START_TIMEOUT:-400}"
export HERALD_REDIS_PORT; HERALD_REDIS_PORT="$(free_port)"
export HERALD_MAIL_SMTP_PORT; HERALD_MAIL_SMTP_PORT="$(free_port)"
export HERALD_MAIL_UI_PORT; HERALD_MAIL_UI_PORT="$(free_port)"
export HERALD_CAMPAIGN_PORT; HERALD_CAMPAIGN_PORT="$(free_port)"
export HERALD_USER_PORT; HERALD_USER_PORT="$(free_port)"
export HERALD_NOTIFICATION_PORT; HERALD_NOTIFICATION_PORT="$(free_port)"
export HERALD_WORKERS_PORT; HERALD_WORKERS_PORT="$(free_port)"
OUR_PORTS=("$HERALD_REDIS_PORT" "$HERALD_MAIL_SMTP_PORT" "$HERALD_MAIL_UI_PORT" "$HERALD_CAMPAIGN_PORT"
           "$HERALD_USER_PORT" "$HERALD_NOTIFICATION_PORT" "$HERALD_WORKERS_PORT")
COMPONENTS=(redis mail "${SERVICES[@]}")

fail() {
  printf 'smoke: FAIL: %s\n' "$*" >&2
  exit 1
}

cleanup() {
  local rc=$?
  set +e
  if (( rc != 0 )); then
    for f in "$LOG_DIR"/*.log; do
      [[ -f "$f" ]] || continue
      printf '\n--- smoke: last lines of %s ---\n' "$f" >&2
      tail -n 25 "$f" >&2
    done
  fi
  # stop.sh only signals pids it finds in this run's directory, whatever state we are in.
  ./stop.sh >/dev/null 2>&1
  if [[ "${SMOKE_KEEP:-0}" == 1 ]]; then
    echo "smoke: state kept in $RUN_DIR"
  else
    rm -rf "$RUN_DIR"
  fi
  exit "$rc"
}
trap cleanup EXIT

echo "smoke: state in $RUN_DIR; redis :$HERALD_REDIS_PORT, campaign-service :$HERALD_CAMPAIGN_PORT, seed $HERALD_SEED_USERS users"

# 1. start
echo "smoke: ./start.sh"
timeout "$START_LIMIT" ./start.sh --local | tee "$RUN_DIR/start.out"
declare -A PIDS=()
for c in "${COMPONENTS[@]}"; do
  PIDS[$c]="$(live_pid "$c")" || fail "no live process recorded for $c after start.sh"
done
echo "smoke: ok: ${#PIDS[@]} processes recorded and alive"

# 2. idempotent
echo "smoke: ./start.sh --no-build (second time)"
timeout 120 ./start.sh --local --no-build > "$RUN_DIR/start2.out"
for s in "${SERVICES[@]}"; do
  grep -q "$s: already running" "$RUN_DIR/start2.out" || fail "second start.sh did not report $s as already running"
done
for c in "${COMPONENTS[@]}"; do
  [[ "$(live_pid "$c")" == "${PIDS[$c]}" ]] || fail "$c has another pid after the second start.sh"
done
echo "smoke: ok: second start.sh started nothing"

# 3. the printed curl, as printed
curl_line="$(grep -E '^  curl -sS -X POST .*/api/v1/campaigns ' "$RUN_DIR/start.out" | head -n 1)"
[[ -n "$curl_line" ]] || fail "start.sh printed no first-campaign curl"
echo "smoke: running the printed curl"
created="$(bash -c "$curl_line")"
echo "smoke: answer: $created"
id="$(jq -er '.id' <<<"$created")" || fail "the printed curl did not return a campaign with an id"

key="$(cat "$RUN_DIR/api-key")"
base="http://127.0.0.1:$HERALD_CAMPAIGN_PORT/api/v1/campaigns/$id"
deadline=$((SECONDS + CAMPAIGN_TIMEOUT))
status=""
while :; do
  campaign="$(curl -sS -m 5 -H "X-API-Key: $key" "$base")" || fail "GET $base failed"
  status="$(jq -r '.status' <<<"$campaign")"
  echo "smoke: campaign $id: $status $(jq -c '.progress // {}' <<<"$campaign")"
  [[ "$status" == COMPLETED ]] && break
  [[ "$status" == CANCELLED ]] && fail "campaign was cancelled"
  (( SECONDS < deadline )) || fail "campaign not COMPLETED after ${CAMPAIGN_TIMEOUT}s"
  sleep 2
done
targeted="$(jq '[.progress[]?.targeted // 0] | add // 0' <<<"$campaign")"
settled="$(jq '[.progress[]? | (.delivered // 0) + (.failed // 0) + (.deadLettered // 0) + (.cancelled // 0) + (.skipped // 0)] | add // 0' <<<"$campaign")"
(( targeted > 0 )) || fail "COMPLETED with nothing targeted: the seed gave Finance no subscriber?"
(( settled == targeted )) || fail "settled $settled != targeted $targeted"
echo "smoke: ok: COMPLETED, $settled of $targeted notifications settled"
deadLettered="$(jq '[.progress[]? | (.deadLettered // 0)] | add // 0' <<<"$campaign")"
(( deadLettered == 0 )) || fail "$deadLettered notification(s) dead-lettered on a first run"

curl -fsS -m 5 "http://127.0.0.1:$HERALD_CAMPAIGN_PORT/" | grep -q '<title>Herald console</title>' \
  || fail "the console is not served at http://127.0.0.1:$HERALD_CAMPAIGN_PORT/"
echo "smoke: ok: the console answers at /"

emails="$(jq '.progress.email.delivered // 0' <<<"$campaign")"
if (( emails > 0 )); then
  mail_api="http://127.0.0.1:$HERALD_MAIL_UI_PORT/api/mails?limit=1"
  first="$(curl -sS -m 5 "$mail_api" | jq -r '.[0].to // empty')"
  [[ -n "$first" ]] || fail "$emails e-mails delivered, but the mail catcher has no mail"
  subject="$(curl -sS -m 5 "$mail_api" | jq -r '.[0].subject')"
  [[ "$subject" == Hi\ * && "$subject" != *'{{'* ]] || fail "mail to $first has subject '$subject', not a rendered 'Hi <name>'"
  echo "smoke: ok: mail catcher holds mails, e.g. to $first: '$subject'"
fi

# 4. stop
echo "smoke: ./stop.sh"
timeout 120 ./stop.sh
for c in "${COMPONENTS[@]}"; do
  ps -p "${PIDS[$c]}" >/dev/null 2>&1 && fail "$c (pid ${PIDS[$c]}) still runs after stop.sh"
done
for p in "${OUR_PORTS[@]}"; do
  port_open "$p" && fail "port $p still open after stop.sh"
done
again="$(./stop.sh)" || fail "second stop.sh exited non-zero"
[[ "$again" == *"not running"* ]] || fail "second stop.sh did not say that nothing runs: $again"
echo "smoke: ok: nothing of ours runs, no port of ours is open; second stop.sh: $again"
echo "smoke: PASS in $((SECONDS - T0)) s"
exit
}
