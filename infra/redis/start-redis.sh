#!/bin/sh
# Entry of the Redis container (docker-compose.yml): writes the ACL file from acl-rules.conf and
# the passwords in the environment, then starts redis-server through the image's own entrypoint
# (which drops to the redis user). The passwords exist only in the container's environment and,
# for a moment, in a private directory; the ACL file holds their SHA-256 hashes only.
set -eu
dir=$(mktemp -d)
chmod 700 "$dir"
printf '%s' "$HERALD_REDIS_PASSWORD" > "$dir/default"
printf '%s' "$HERALD_REDIS_PASSWORD_USER" > "$dir/herald-user"
printf '%s' "$HERALD_REDIS_PASSWORD_CAMPAIGN" > "$dir/herald-campaign"
printf '%s' "$HERALD_REDIS_PASSWORD_NOTIFICATION" > "$dir/herald-notification"
printf '%s' "$HERALD_REDIS_PASSWORD_WORKERS" > "$dir/herald-workers"
sh /usr/local/etc/redis/acl/acl-file.sh /usr/local/etc/redis/acl/acl-rules.conf "$dir" > /tmp/users.acl
rm -rf "$dir"
chown redis /tmp/users.acl 2>/dev/null || true
chmod 600 /tmp/users.acl
# maxmemory with noeviction (redis.conf): a full Redis refuses writes instead of dropping entries
exec docker-entrypoint.sh redis-server /usr/local/etc/redis/redis.conf --aclfile /tmp/users.acl \
  --maxmemory "${HERALD_REDIS_MAXMEMORY:-2gb}"
