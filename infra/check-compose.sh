#!/usr/bin/env bash
# CI check of infra/docker-compose.yml without a Docker daemon:
#   1. `docker-compose config -q` (Debian's docker-compose package) or `docker compose config -q`
#      validates the file against the Compose schema, with the required variables set;
#   2. the same without HERALD_REDIS_PASSWORD must fail (secrets are required, never defaulted);
#   3. a structural check of what Herald relies on and the schema cannot see: every service
#      others wait for has a health check, each service image builds its own module, the
#      runtime image runs as a non-root user, Redis gets its ACL users and each service logs in as
#      its own, and the "cluster" profile has six cluster nodes, the creation job and the four
#      services pointed at all the nodes.
# Images are neither pulled nor built here: that needs a daemon (see docs/running.md).
set -euo pipefail
cd "$(dirname "$0")/.."

compose_cmd=()
if docker compose version >/dev/null 2>&1; then
  compose_cmd=(docker compose)
elif command -v docker-compose >/dev/null 2>&1; then
  compose_cmd=(docker-compose)
fi

if (( ${#compose_cmd[@]} )); then
  echo "check-compose: ${compose_cmd[*]} config -q"
  HERALD_API_KEY=ci-key HERALD_UNSUBSCRIBE_SECRET=ci-secret HERALD_REDIS_PASSWORD=ci-password \
    HERALD_REDIS_PASSWORD_USER=u HERALD_REDIS_PASSWORD_CAMPAIGN=c \
    HERALD_REDIS_PASSWORD_NOTIFICATION=n HERALD_REDIS_PASSWORD_WORKERS=w \
    "${compose_cmd[@]}" -p herald -f infra/docker-compose.yml config -q
  echo "check-compose: without HERALD_REDIS_PASSWORD the file must be refused"
  if env -u HERALD_REDIS_PASSWORD HERALD_API_KEY=ci-key HERALD_UNSUBSCRIBE_SECRET=ci-secret \
      HERALD_REDIS_PASSWORD_USER=u HERALD_REDIS_PASSWORD_CAMPAIGN=c HERALD_REDIS_PASSWORD_NOTIFICATION=n \
      HERALD_REDIS_PASSWORD_WORKERS=w \
      "${compose_cmd[@]}" -p herald -f infra/docker-compose.yml config -q >/dev/null 2>&1; then
    echo "check-compose: FAIL: the compose file accepts a missing HERALD_REDIS_PASSWORD" >&2
    exit 1
  fi
else
  echo "check-compose: neither 'docker compose' nor 'docker-compose' is installed: schema check SKIPPED (apt-get install -y docker-compose)" >&2
  [[ "${CHECK_COMPOSE_REQUIRE_TOOL:-0}" == 1 ]] && exit 1
fi

python=python3
python3 -c 'import yaml' 2>/dev/null || python=/usr/bin/python3
echo "check-compose: structural checks ($python + PyYAML)"
"$python" - <<'EOF'
import os, re, sys
import yaml

errors = []
with open("infra/docker-compose.yml") as f:
    doc = yaml.safe_load(f)
services = doc.get("services", {})

expected = {"redis", "redisinsight", "mailpit",
            "user-service", "campaign-service", "notification-service", "channel-workers"}
missing = expected - services.keys()
if missing:
    errors.append(f"services missing: {sorted(missing)}")

for name, svc in services.items():
    deps = svc.get("depends_on", {})
    if isinstance(deps, list):
        errors.append(f"{name}: depends_on must use condition: service_healthy, not a plain list")
        continue
    for dep, spec in deps.items():
        if dep not in services:
            errors.append(f"{name}: depends on unknown service {dep}")
        elif spec.get("condition") == "service_completed_successfully" and services[dep].get("restart") == "no":
            continue  # a one-shot job (the cluster creation): done is its health
        elif spec.get("condition") != "service_healthy":
            errors.append(f"{name}: depends on {dep} without condition: service_healthy")
        elif "healthcheck" not in services[dep]:
            errors.append(f"{name}: waits for {dep} to be healthy, but {dep} has no healthcheck")

for module in ("user-service", "campaign-service", "notification-service", "channel-workers"):
    svc = services.get(module, {})
    if "healthcheck" not in svc:
        errors.append(f"{module}: no healthcheck")
    if "redis" not in svc.get("depends_on", {}):
        errors.append(f"{module}: does not wait for redis")
    build = svc.get("build", {})
    if build.get("args", {}).get("MODULE") != module:
        errors.append(f"{module}: build arg MODULE is {build.get('args', {}).get('MODULE')!r}")
    dockerfile = os.path.join("infra", build.get("context", ".."), build.get("dockerfile", "Dockerfile"))
    if not os.path.isfile(os.path.normpath(dockerfile)):
        errors.append(f"{module}: Dockerfile {dockerfile} not found")
    env = svc.get("environment", {})
    for var in ("SPRING_DATA_REDIS_URL", "HERALD_API_KEY", "HERALD_UNSUBSCRIBE_SECRET", "HERALD_PUBLIC_URL", "SERVER_PORT"):
        if var not in env:
            errors.append(f"{module}: environment lacks {var}")

redis = services.get("redis", {})
if "start-redis.sh" not in " ".join(redis.get("entrypoint", [])):
    errors.append("redis: not started by infra/redis/start-redis.sh (ACL users and a default password)")
if "--aclfile" not in open("infra/redis/start-redis.sh").read():
    errors.append("infra/redis/start-redis.sh: redis-server without --aclfile")
for module, user in (("user-service", "herald-user"), ("campaign-service", "herald-campaign"),
                     ("notification-service", "herald-notification"), ("channel-workers", "herald-workers")):
    env = services.get(module, {}).get("environment", {})
    if env.get("SPRING_DATA_REDIS_USERNAME") != user or "SPRING_DATA_REDIS_PASSWORD" not in env:
        errors.append(f"{module}: does not connect as the Redis ACL user {user}")
conf = open("infra/redis.conf").read()
for line in ("appendonly yes", "appendfsync everysec", "maxmemory-policy noeviction"):
    if not re.search(rf"^{re.escape(line)}$", conf, re.M):
        errors.append(f"infra/redis.conf lacks '{line}'")
if services.get("user-service", {}).get("environment", {}).get("HERALD_USERS_SEED_COUNT") is None:
    errors.append("user-service: no HERALD_USERS_SEED_COUNT")
if services.get("channel-workers", {}).get("environment", {}).get("SPRING_MAIL_HOST") != "mailpit":
    errors.append("channel-workers: SPRING_MAIL_HOST is not mailpit")

# Profile "cluster": six nodes with cluster mode and AOF, a creation job, and the four services on
# the cluster (every node in SPRING_DATA_REDIS_CLUSTER_NODES), each only in that profile.
nodes = [f"redis-node-{i}" for i in range(1, 7)]
for node in nodes:
    svc = services.get(node)
    if svc is None:
        errors.append(f"cluster profile: {node} missing")
        continue
    command = " ".join(svc.get("command", []))
    if "--cluster-enabled yes" not in command or "--requirepass" not in command or "--masterauth" not in command:
        errors.append(f"{node}: needs --cluster-enabled yes, --requirepass and --masterauth")
    if svc.get("profiles") != ["cluster"]:
        errors.append(f"{node}: not in profile cluster only")
create = " ".join(str(c) for c in services.get("redis-cluster-create", {}).get("command", []))
if "--cluster create" not in create or "--cluster-replicas 1" not in create or "cluster_state:ok" not in create:
    errors.append("redis-cluster-create: must run redis-cli --cluster create … --cluster-replicas 1 and wait for cluster_state:ok")
for module in ("user-service", "campaign-service", "notification-service", "channel-workers"):
    svc = services.get(module + "-cluster", {})
    env = svc.get("environment", {})
    listed = [n.split(":")[0] for n in env.get("SPRING_DATA_REDIS_CLUSTER_NODES", "").split(",")]
    if listed != nodes:
        errors.append(f"{module}-cluster: SPRING_DATA_REDIS_CLUSTER_NODES must list {nodes}")
    if "SPRING_DATA_REDIS_URL" in env:
        errors.append(f"{module}-cluster: has SPRING_DATA_REDIS_URL next to the cluster nodes")
    if svc.get("profiles") != ["cluster"] or "healthcheck" not in svc:
        errors.append(f"{module}-cluster: must be in profile cluster only, with a healthcheck")
    if svc.get("build", {}).get("args", {}).get("MODULE") != module:
        errors.append(f"{module}-cluster: build arg MODULE is not {module}")
for name, svc in services.items():
    if name in nodes or name.endswith("-cluster") or name == "redis-cluster-create":
        continue
    if "profiles" in svc:
        errors.append(f"{name}: the single-Redis stack must stay profile-less (./start.sh runs it as is)")

dockerfile = open("infra/Dockerfile").read()
users = re.findall(r"^USER\s+(\S+)", dockerfile, re.M)
if not users or users[-1].split(":")[0] in ("root", "0"):
    errors.append("infra/Dockerfile: the runtime stage does not switch to a non-root USER")

for e in errors:
    print(f"check-compose: FAIL: {e}", file=sys.stderr)
if errors:
    sys.exit(1)
print(f"check-compose: ok ({len(services)} services)")
EOF
