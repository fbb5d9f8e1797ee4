-- Ends a campaign exactly once (COMPLETED or CANCELLED, whichever comes first): records the
-- outcome, takes the campaign off the active set and the schedule, puts it on the ended set (its
-- per-notification records expire the retention period after this time) and appends the ending event.
-- KEYS[1] = campaigns stream, KEYS[2] = outcomes hash, KEYS[3] = active set, KEYS[4] = schedule zset,
-- KEYS[5] = schedule payloads hash, KEYS[6] = ended zset
-- ARGV[1] = campaign id, ARGV[2] = outcome, ARGV[3] = ended at (epoch ms), ARGV[4..] = the entry's field/value pairs.
-- Returns {1, entryId} when this call ended it, {0, earlierOutcome} when it had ended already.
local prior = redis.call('HGET', KEYS[2], ARGV[1])
if prior then return {0, prior} end
redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
redis.call('SREM', KEYS[3], ARGV[1])
redis.call('ZREM', KEYS[4], ARGV[1])
redis.call('HDEL', KEYS[5], ARGV[1])
redis.call('ZADD', KEYS[6], ARGV[3], ARGV[1])
return {1, redis.call('XADD', KEYS[1], '*', unpack(ARGV, 4))}
