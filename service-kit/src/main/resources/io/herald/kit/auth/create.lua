-- Creates an API key: its lookup entry by secret hash, its record and its id in the index.
-- KEYS: 1 secret entry, 2 key record, 3 id index (one hash tag: {api-keys})
-- ARGV: 1 id, 2 name, 3 scopes (space separated), 4 createdAt, 5 secret hash
redis.call('HSET', KEYS[1], 'id', ARGV[1], 'name', ARGV[2], 'scopes', ARGV[3])
redis.call('HSET', KEYS[2], 'id', ARGV[1], 'name', ARGV[2], 'scopes', ARGV[3], 'createdAt', ARGV[4],
    'secretHash', ARGV[5])
redis.call('SADD', KEYS[3], ARGV[1])
return 1
