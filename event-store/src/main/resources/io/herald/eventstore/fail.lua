-- Counts a failed attempt of an entry and schedules its retry with exponential backoff and jitter.
-- KEYS[1] = attempts hash, KEYS[2] = retry zset
-- ARGV = entryId, maxAttempts, nowMs, initialBackoffMs, maxBackoffMs, jitter (0..1, from the caller),
--        counts ('1': the attempt counts; '0': it failed for want of Redis memory, retry it without counting)
-- Returns {attempts, dueMs}; dueMs = -1 when the attempts are used up (the caller dead-letters).
local id = ARGV[1]
local attempts
if ARGV[7] == '0' then
  attempts = tonumber(redis.call('HGET', KEYS[1], id) or '0')
else
  attempts = redis.call('HINCRBY', KEYS[1], id, 1)
  if attempts >= tonumber(ARGV[2]) then
    return {attempts, -1}
  end
end
local delay = math.min(tonumber(ARGV[5]), tonumber(ARGV[4]) * 2 ^ (math.max(attempts, 1) - 1))
local due = tonumber(ARGV[3]) + math.floor(delay * (0.5 + 0.5 * tonumber(ARGV[6])))
redis.call('ZADD', KEYS[2], due, id)
return {attempts, due}
