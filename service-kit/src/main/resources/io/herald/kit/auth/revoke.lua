-- Deletes a key: its secret entry, its record and its id in the index.
-- KEYS: 1 key record, 2 id index (one hash tag: {api-keys})
-- ARGV: 1 id, 2 prefix of secret entries ("{api-keys}:secret:")
-- Returns 0 when the key does not exist, else 1.
local hash = redis.call('HGET', KEYS[1], 'secretHash')
if not hash then
    return 0
end
redis.call('DEL', ARGV[2] .. hash, KEYS[1])
redis.call('SREM', KEYS[2], ARGV[1])
return 1
