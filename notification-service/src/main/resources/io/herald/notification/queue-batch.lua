-- Queues one audience batch on one channel stream, exactly once: if the batch is not yet marked
-- as rendered for this stream, appends all its entries, adds their number to the campaign's
-- `targeted` counter and marks the batch; a batch already marked changes nothing. Marking comes
-- last, so an error half-way leaves the batch unmarked (Redis does not roll back a script) and a
-- retry re-appends it, absorbed by the deterministic notification ids; a marked batch is complete.
-- KEYS[1] = stream, KEYS[2] = rendered-batches set, KEYS[3] = progress hash (one hash tag)
-- ARGV[1] = batch number, ARGV[2] = event, ARGV[3] = occurredAt, ARGV[4] = v,
-- ARGV[5..] = per entry: envelope id, data
-- Returns the number of entries appended, or -1 when the batch was queued before.
local batch = ARGV[1]
if redis.call('SISMEMBER', KEYS[2], batch) == 1 then
  return -1
end
local stream, event, occurredAt, v = KEYS[1], ARGV[2], ARGV[3], ARGV[4]
local n = 0
for i = 5, #ARGV, 2 do
  redis.call('XADD', stream, '*', 'event', event, 'data', ARGV[i + 1], 'id', ARGV[i], 'occurredAt', occurredAt, 'v', v)
  n = n + 1
end
-- HINCRBY by 0 too: the counter exists as soon as the channel is rendered, even with no recipient
redis.call('HINCRBY', KEYS[3], 'targeted', n)
redis.call('SADD', KEYS[2], batch)
return n
