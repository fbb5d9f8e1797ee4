-- Of entries just claimed from other consumers, returns those to handle now: not scheduled for a
-- retry, or scheduled and due (those leave the retry zset). Entries waiting for a later retry stay.
-- KEYS[1] = retry zset, KEYS[2] = attempts hash; ARGV[1] = nowMs, ARGV[2..] = entry ids.
-- Returns {id1, attempts1, ...}.
local now = tonumber(ARGV[1])
local out = {}
for i = 2, #ARGV do
  local id = ARGV[i]
  local score = redis.call('ZSCORE', KEYS[1], id)
  if not score or tonumber(score) <= now then
    if score then redis.call('ZREM', KEYS[1], id) end
    out[#out + 1] = id
    out[#out + 1] = redis.call('HGET', KEYS[2], id) or '0'
  end
end
return out
