-- Settles one delivery by its receipt: 'ack' removes the message for good (XACK + XDEL), 'requeue'
-- makes it available to the next fetch at once (lease deadline 0, receipt dead). Either only when
-- the receipt is the current one of its message and its lease has not expired.
-- KEYS[1] = stream, KEYS[2] = deadlines zset, KEYS[3] = receipts hash, KEYS[4] = leases hash,
-- KEYS[5] = deliveries hash
-- ARGV[1] = group, ARGV[2] = receipt, ARGV[3] = 'ack' | 'requeue', ARGV[4] = signal channel
-- Returns 1 when settled, 0 when the receipt is unknown, used, superseded or expired.
local stream, deadlines, receipts, leases, deliveries = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5]
local group, receipt, mode = ARGV[1], ARGV[2], ARGV[3]
local id = redis.call('HGET', receipts, receipt)
if not id then return 0 end
if redis.call('HGET', leases, id) ~= receipt then
  redis.call('HDEL', receipts, receipt)
  return 0
end
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local deadline = redis.call('ZSCORE', deadlines, id)
-- an expired lease stays as it is: the next fetch takes it back and kills this receipt
if not deadline or tonumber(deadline) <= now then return 0 end

redis.call('HDEL', receipts, receipt)
redis.call('HDEL', leases, id)
if mode == 'ack' then
  redis.call('ZREM', deadlines, id)
  redis.call('HDEL', deliveries, id)
  redis.call('XACK', stream, group, id)
  redis.call('XDEL', stream, id)
else
  redis.call('ZADD', deadlines, 0, id)
  redis.call('PUBLISH', ARGV[4], '1')
end
return 1
