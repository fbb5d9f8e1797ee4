-- Replaces a key's secret: the old secret stops working in the same step.
-- KEYS: 1 key record, 2 new secret entry (one hash tag: {api-keys})
-- ARGV: 1 new secret hash, 2 rotatedAt, 3 prefix of secret entries ("{api-keys}:secret:")
-- Returns 0 when the key does not exist, else 1.
local old = redis.call('HGET', KEYS[1], 'secretHash')
if not old then
    return 0
end
local record = redis.call('HMGET', KEYS[1], 'id', 'name', 'scopes')
redis.call('DEL', ARGV[3] .. old)
redis.call('HSET', KEYS[2], 'id', record[1], 'name', record[2], 'scopes', record[3])
redis.call('HSET', KEYS[1], 'secretHash', ARGV[1], 'rotatedAt', ARGV[2])
return 1
