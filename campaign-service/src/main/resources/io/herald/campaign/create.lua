-- Creates a campaign in one atomic step: remembers its Idempotency-Key (if any), appends its first
-- event, indexes it, and either schedules it or marks it active.
-- KEYS[1] = campaigns stream, KEYS[2] = index zset, KEYS[3] = active set, KEYS[4] = schedule zset,
-- KEYS[5] = schedule payloads hash, KEYS[6] = idempotency key (optional)
-- ARGV[1] = campaign id, ARGV[2] = createdAt ms, ARGV[3] = due ms ('' = release now),
-- ARGV[4] = payload to release with (scheduled only), ARGV[5] = idempotency value, ARGV[6] = its TTL ms,
-- ARGV[7..] = the entry's field/value pairs.
-- Returns {1, entryId} when created, {0, storedIdempotencyValue} when the key was already used.
if #KEYS >= 6 then
  local existing = redis.call('GET', KEYS[6])
  if existing then return {0, existing} end
  redis.call('SET', KEYS[6], ARGV[5], 'PX', ARGV[6])
end
local entryId = redis.call('XADD', KEYS[1], '*', unpack(ARGV, 7))
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[1])
if ARGV[3] ~= '' then
  redis.call('ZADD', KEYS[4], ARGV[3], ARGV[1])
  redis.call('HSET', KEYS[5], ARGV[1], ARGV[4])
else
  redis.call('SADD', KEYS[3], ARGV[1])
end
return {1, entryId}
