-- Counts a failed attempt of an entry and schedules its retry with exponential backoff and jitter.
-- KEYS[1] = attempts hash, KEYS[2] = retry zset
-- ARGV = entryId, maxAttempts, nowMs, initialBackoffMs, maxBackoffMs, jitter (0..1, from the caller)
-- Returns {attempts, dueMs}; dueMs = -1 when the attempts are used up (the caller dead-letters).
local id = ARGV[1]
local attempts = redis.call('HINCRBY', KEYS[1], id, 1)
if attempts >= tonumber(ARGV[2]) then
  return {attempts, -1}
end
local delay = math.min(tonumber(ARGV[5]), tonumber(ARGV[4]) * 2 ^ (attempts - 1))
local due = tonumber(ARGV[3]) + math.floor(delay * (0.5 + 0.5 * tonumber(ARGV[6])))
redis.call('ZADD', KEYS[2], due, id)
return {attempts, due}
