-- Queues one transactional notification on a priority lane and records it as targeted, in one
-- atomic step. The progress hash doubles as the record that the notification exists (status
-- QUEUED until a worker writes its outcome), so it gets a time to live.
-- The outcome record's hash, which channel-workers fill later (HSETNX of the notification id, in
-- the step that acknowledges the entry), is created here with a marker field so that it carries
-- the same time to live: a transactional notification has no campaign that ends and expires it.
-- KEYS[1] = priority stream, KEYS[2] = progress hash, KEYS[3] = outcome record hash (same hash tag)
-- ARGV[1] = event, ARGV[2] = occurredAt, ARGV[3] = v, ARGV[4] = envelope id, ARGV[5] = data,
-- ARGV[6] = time to live of the progress hash in seconds (0 = keep)
-- Returns the stream entry id.
local entryId = redis.call('XADD', KEYS[1], '*', 'event', ARGV[1], 'data', ARGV[5], 'id', ARGV[4],
  'occurredAt', ARGV[2], 'v', ARGV[3])
redis.call('HSET', KEYS[2], 'targeted', 1)
local ttl = tonumber(ARGV[6])
if ttl > 0 then
  redis.call('EXPIRE', KEYS[2], ttl)
  redis.call('HSETNX', KEYS[3], 'expires', '1')
  redis.call('EXPIRE', KEYS[3], ttl)
end
return entryId
