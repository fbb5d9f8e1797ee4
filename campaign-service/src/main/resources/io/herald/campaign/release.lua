-- Releases one scheduled campaign, exactly once however many instances try: only the caller whose
-- ZREM removed it appends the created event.
-- KEYS[1] = campaigns stream, KEYS[2] = schedule zset, KEYS[3] = schedule payloads hash, KEYS[4] = active set
-- ARGV[1] = campaign id, ARGV[2..] = the created entry's field/value pairs.
-- Returns the new entry id, or false when another caller released (or cancelled) it first.
if redis.call('ZREM', KEYS[2], ARGV[1]) == 0 then return false end
redis.call('HDEL', KEYS[3], ARGV[1])
redis.call('SADD', KEYS[4], ARGV[1])
return redis.call('XADD', KEYS[1], '*', unpack(ARGV, 2))
