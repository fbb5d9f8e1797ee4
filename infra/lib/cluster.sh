# A local Redis Cluster for ./start.sh --cluster: six redis-server processes on 127.0.0.1
# (3 masters, 3 replicas), AOF on, data under $RUN_DIR/cluster/<port>/, pid files
# $RUN_DIR/redis-<port>.pid so that ./stop.sh stops exactly them. Sourced, never executed.
# shellcheck shell=bash

# The six ports: HERALD_CLUSTER_PORTS ("7000,7001,…"), else HERALD_CLUSTER_BASE_PORT [7000] … +5.
# Each node also uses its port + 10000 for the cluster bus.
cluster_ports() {
  if [[ -n "${HERALD_CLUSTER_PORTS:-}" ]]; then
    tr ', ' '\n\n' <<<"$HERALD_CLUSTER_PORTS" | grep -E '^[0-9]+$'
  else
    local base="${HERALD_CLUSTER_BASE_PORT:-7000}" i
    for i in 0 1 2 3 4 5; do echo $((base + i)); done
  fi
}

# spring.data.redis.cluster.nodes of the local cluster: 127.0.0.1:<port>,…
cluster_nodes() { cluster_ports | sed 's/^/127.0.0.1:/' | paste -sd, -; }

# The pid-file names of the cluster's nodes recorded in $RUN_DIR (for stop.sh).
recorded_cluster_nodes() {
  local file
  for file in "$RUN_DIR"/redis-[0-9]*.pid; do
    [[ -e "$file" ]] && basename "$file" .pid
  done
  return 0
}

cluster_info() { redis-cli -p "$1" cluster info 2>/dev/null | tr -d '\r'; }

# True when every node says cluster_state:ok with all 16384 slots and six known nodes.
cluster_ready() {
  local port info
  for port in $(cluster_ports); do
    info="$(cluster_info "$port")"
    [[ "$info" == *cluster_state:ok* && "$info" == *cluster_slots_ok:16384* && "$info" == *cluster_known_nodes:6* ]] || return 1
  done
}

start_cluster_node() {
  local port="$1" name="redis-$1" dir="$RUN_DIR/cluster/$1"
  if live_pid "$name" >/dev/null; then
    say "    node 127.0.0.1:$port already running (pid $(live_pid "$name"))"
    return
  fi
  port_open "$port" && die "port $port (cluster node) is taken by another process: set HERALD_CLUSTER_BASE_PORT or HERALD_CLUSTER_PORTS"
  port_open $((port + 10000)) && die "port $((port + 10000)) (cluster bus of node $port) is taken: choose other cluster ports"
  mkdir -p "$dir"
  nohup redis-server "$HERALD_ROOT/infra/redis.conf" --port "$port" --bind 127.0.0.1 --protected-mode yes \
    --dir "$dir" --cluster-enabled yes --cluster-config-file nodes.conf \
    --cluster-node-timeout "${HERALD_CLUSTER_NODE_TIMEOUT:-5000}" --maxmemory "${HERALD_REDIS_MAXMEMORY:-2gb}" \
    >"$LOG_DIR/$name.log" 2>&1 </dev/null &
  echo $! > "$(pid_file "$name")"
  say "    node 127.0.0.1:$port started (pid $!, data $dir)"
}

# Starts the nodes, creates the cluster on first start (nodes.conf remembers it afterwards) and
# waits for cluster_state:ok everywhere. Sets CLUSTER_NODES and REDIS_URL (a seed node, for redis-cli).
setup_cluster() {
  command -v redis-server >/dev/null && command -v redis-cli >/dev/null \
    || die "--cluster needs redis-server and redis-cli 7.x: sudo apt-get install -y redis-server (or brew install redis)"
  local -a ports
  mapfile -t ports < <(cluster_ports)
  (( ${#ports[@]} == 6 )) || die "a cluster needs 6 ports (3 masters, 3 replicas), got: ${ports[*]:-none}"
  step "Redis Cluster: 6 nodes on 127.0.0.1:${ports[*]} (AOF, data in $RUN_DIR/cluster/)"
  local port
  for port in "${ports[@]}"; do start_cluster_node "$port"; done
  local deadline=$((SECONDS + 20))
  for port in "${ports[@]}"; do
    until [[ "$(redis-cli -p "$port" ping 2>/dev/null)" == PONG ]]; do
      (( SECONDS < deadline )) || { tail -n 20 "$LOG_DIR/redis-$port.log" >&2; die "node $port did not come up"; }
      sleep 0.2
    done
  done
  if ! cluster_ready; then
    if [[ "$(cluster_info "${ports[0]}")" == *cluster_known_nodes:1* ]]; then
      step "creating the cluster: redis-cli --cluster create … --cluster-replicas 1"
      redis-cli --cluster create $(printf '127.0.0.1:%s ' "${ports[@]}") --cluster-replicas 1 --cluster-yes \
        >"$LOG_DIR/cluster-create.log" 2>&1 || { tail -n 30 "$LOG_DIR/cluster-create.log" >&2; die "redis-cli --cluster create failed"; }
    fi
    deadline=$((SECONDS + 60))
    until cluster_ready; do
      (( SECONDS < deadline )) || die "the cluster is not ok after 60 s: $(cluster_info "${ports[0]}" | head -n 3 | tr '\n' ' ')"
      sleep 0.5
    done
  fi
  CLUSTER_NODES="$(cluster_nodes)"
  REDIS_URL="redis://127.0.0.1:${ports[0]}"
  say "    cluster_state:ok on all 6 nodes; masters: $(redis-cli -p "${ports[0]}" cluster nodes | awk '$3 ~ /master/ && $9 != "" {print $2}' | cut -d@ -f1 | sort | paste -sd' ' -)"
}
