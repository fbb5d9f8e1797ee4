-- Takes up to ARGV[2] entries whose retry is due (score <= ARGV[1] ms) off the retry zset.
-- KEYS[1] = retry zset, KEYS[2] = attempts hash. Returns {id1, attempts1, id2, attempts2, ...}.
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
local out = {}
for _, id in ipairs(due) do
  redis.call('ZREM', KEYS[1], id)
  out[#out + 1] = id
  out[#out + 1] = redis.call('HGET', KEYS[2], id) or '0'
end
return out
