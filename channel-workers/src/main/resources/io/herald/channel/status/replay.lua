-- Puts one dead letter back on its stream and un-counts its DEAD_LETTERED outcome, in one step, so
-- that the replayed notification can be recorded (and counted) again when it is settled.
-- KEYS[1] = source stream, KEYS[2] = delivered hash, KEYS[3] = progress hash, KEYS[4] = channel totals
-- (all tagged with the source stream). ARGV[1] = notificationId, ARGV[2..] = field, value, ...
-- Returns the new entry id.
local outcome = redis.call('HGET', KEYS[2], ARGV[1])
if outcome and string.find(outcome, '"status":"DEAD_LETTERED"', 1, true) then
  redis.call('HDEL', KEYS[2], ARGV[1])
  redis.call('HINCRBY', KEYS[3], 'deadLettered', -1)
  redis.call('HINCRBY', KEYS[4], 'deadLettered', -1)
end
return redis.call('XADD', KEYS[1], '*', unpack(ARGV, 2))
