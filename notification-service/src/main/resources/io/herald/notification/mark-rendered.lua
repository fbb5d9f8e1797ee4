-- Counts one audience batch of a campaign as rendered, once: a `batch:<n>` marker field in the
-- same hash makes the count idempotent (one key, so it stays atomic on Redis Cluster).
-- KEYS[1] = rendered:<campaignId>; ARGV[1] = batch number, ARGV[2] = '1' when it is the last batch
-- Returns 1 when every batch up to the last is now counted (batches == lastBatch + 1), else 0.
local key, batch = KEYS[1], ARGV[1]
if redis.call('HSETNX', key, 'batch:' .. batch, '1') == 1 then
  redis.call('HINCRBY', key, 'batches', 1)
end
if ARGV[2] == '1' then
  redis.call('HSET', key, 'lastBatch', batch)
end
local state = redis.call('HMGET', key, 'batches', 'lastBatch')
if state[2] and tonumber(state[1]) == tonumber(state[2]) + 1 then
  return 1
end
return 0
