-- Writes one batch of seeded users with their category memberships and advances the seeded
-- counter, all at once; provided the counter is where the caller expects it (so that two
-- seeders, or a retried call, never seed a batch twice).
-- KEYS[1] seeded counter, KEYS[2..1+c] member sets of the categories, KEYS[2+c..] user hashes
-- ARGV[1] expected counter value, ARGV[2] c, ARGV[3] k, ARGV[4..3+k] hash field names, then per
--   user: id, its category set numbers (space-separated, 1..c), k field values ('' = not stored).
-- Returns the new counter value, or -1 when the counter was elsewhere (nothing written).
local seeded = tonumber(redis.call('GET', KEYS[1]) or '0')
if seeded ~= tonumber(ARGV[1]) then
  return -1
end
local c = tonumber(ARGV[2])
local k = tonumber(ARGV[3])
local a = 4 + k
local u = 0
while a <= #ARGV do
  local id = ARGV[a]
  local hash = {}
  for i = 1, k do
    local value = ARGV[a + 1 + i]
    if value ~= '' then
      hash[#hash + 1] = ARGV[3 + i]
      hash[#hash + 1] = value
    end
  end
  redis.call('HSET', KEYS[2 + c + u], unpack(hash))
  for n in string.gmatch(ARGV[a + 1], '%d+') do
    redis.call('ZADD', KEYS[1 + tonumber(n)], id, id)
  end
  a = a + 2 + k
  u = u + 1
end
return redis.call('INCRBY', KEYS[1], u)
