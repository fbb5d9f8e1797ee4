-- Hands out up to ARGV[3] messages of a queue, atomically, so that two fetchers never get the
-- same delivery:
--   1. takes back leases whose deadline passed (requeued ones have deadline 0): their receipts
--      die, the entries are claimed for this consumer;
--   2. fills the rest with new entries (XREADGROUP '>', non-blocking);
--   3. gives each delivery a fresh receipt (from ARGV, made by the caller from a secure random
--      source; Lua's random is deterministic), a lease deadline and its delivery count.
-- KEYS[1] = stream, KEYS[2] = deadlines zset, KEYS[3] = receipts hash, KEYS[4] = leases hash,
-- KEYS[5] = deliveries hash
-- ARGV[1] = group, ARGV[2] = consumer, ARGV[3] = max, ARGV[4] = visibility timeout ms,
-- ARGV[5 .. 4+max] = unused receipts
-- Returns {{{entryId, receipt, deliveries, {field, value, ...}}, ...}, msUntilNextLeaseExpiry or -1}
local stream, deadlines, receipts, leases, deliveries = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5]
local group, consumer, max, visibility = ARGV[1], ARGV[2], tonumber(ARGV[3]), tonumber(ARGV[4])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)

local taken = {}
local expired = redis.call('ZRANGEBYSCORE', deadlines, '-inf', now, 'LIMIT', 0, max)
if #expired > 0 then
  for _, id in ipairs(expired) do
    local old = redis.call('HGET', leases, id)
    if old then redis.call('HDEL', receipts, old) end
  end
  local found = {}
  for _, entry in ipairs(redis.call('XCLAIM', stream, group, consumer, 0, unpack(expired))) do
    if type(entry) == 'table' then
      found[entry[1]] = true
      taken[#taken + 1] = entry
    end
  end
  -- an entry that left the stream (deleted by hand) cannot be delivered again: forget its lease
  for _, id in ipairs(expired) do
    if not found[id] then
      redis.call('ZREM', deadlines, id)
      redis.call('HDEL', leases, id)
      redis.call('HDEL', deliveries, id)
    end
  end
end

local room = max - #taken
if room > 0 then
  local read = redis.call('XREADGROUP', 'GROUP', group, consumer, 'COUNT', room, 'STREAMS', stream, '>')
  if read then
    for _, entry in ipairs(read[1][2]) do taken[#taken + 1] = entry end
  end
end

local out = {}
for i, entry in ipairs(taken) do
  local id, receipt = entry[1], ARGV[4 + i]
  redis.call('HSET', receipts, receipt, id)
  redis.call('HSET', leases, id, receipt)
  redis.call('ZADD', deadlines, now + visibility, id)
  out[i] = {id, receipt, redis.call('HINCRBY', deliveries, id, 1), entry[2]}
end

local nextExpiry = -1
local first = redis.call('ZRANGE', deadlines, 0, 0, 'WITHSCORES')
if first[2] then nextExpiry = math.max(0, tonumber(first[2]) - now) end
return {out, nextExpiry}
