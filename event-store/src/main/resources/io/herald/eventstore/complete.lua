-- Completes a batch of entries in one atomic step: records each outcome once, counts it once,
-- acknowledges every entry and forgets its retry bookkeeping.
-- KEYS[1] = stream, KEYS[2] = attempts hash, KEYS[3] = retry zset, KEYS[4..] = record/counter keys
-- ARGV[1] = group, ARGV[2] = n, then per entry 10 values:
--   entryId, recordKeyIndex (0 = none), recordField, recordValue, counterKeyIndex (0 = none), counterField,
--   totalsKeyIndex (0 = none: a second hash whose counterField is counted too),
--   indexKeyIndex (0 = none: a sorted set given indexMember at score 0), indexMember, indexExpireAt (epoch s)
-- Returns the number of outcomes recorded for the first time.
local group, n = ARGV[1], tonumber(ARGV[2])
local ids = {}
local recorded = 0
for i = 0, n - 1 do
  local b = 3 + i * 10
  local recordKey = tonumber(ARGV[b + 1])
  local fresh = true
  if recordKey > 0 then
    fresh = redis.call('HSETNX', KEYS[recordKey], ARGV[b + 2], ARGV[b + 3]) == 1
    if fresh then recorded = recorded + 1 end
  end
  local counterKey = tonumber(ARGV[b + 4])
  if fresh and counterKey > 0 then
    redis.call('HINCRBY', KEYS[counterKey], ARGV[b + 5], 1)
  end
  local totalsKey = tonumber(ARGV[b + 6])
  if fresh and totalsKey > 0 then
    redis.call('HINCRBY', KEYS[totalsKey], ARGV[b + 5], 1)
  end
  local indexKey = tonumber(ARGV[b + 7])
  if fresh and indexKey > 0 then
    redis.call('ZADD', KEYS[indexKey], 0, ARGV[b + 8])
    if redis.call('TTL', KEYS[indexKey]) < 0 then
      redis.call('EXPIREAT', KEYS[indexKey], ARGV[b + 9])
    end
  end
  ids[#ids + 1] = ARGV[b]
end
if #ids > 0 then
  redis.call('XACK', KEYS[1], group, unpack(ids))
  redis.call('HDEL', KEYS[2], unpack(ids))
  redis.call('ZREM', KEYS[3], unpack(ids))
end
return recorded
