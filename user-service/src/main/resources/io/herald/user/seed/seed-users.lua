-- Writes one batch of seeded users with their category memberships and advances the seeded
-- counter, all at once; provided the counter is where the caller expects it (so that two
-- seeders, or a retried call, never seed a batch twice).
-- KEYS[1] seeded counter, KEYS[2..1+c] member sets of the categories, KEYS[2+c..] user hashes
-- ARGV[1] expected counter value, ARGV[2] c, then per user:
--   id, n, n hash field/value pairs, its category set numbers (space-separated, 1..c).
-- Returns the new counter value, or -1 when the counter was elsewhere (nothing written).
local seeded = tonumber(redis.call('GET', KEYS[1]) or '0')
if seeded ~= tonumber(ARGV[1]) then
  return -1
end
local c = tonumber(ARGV[2])
local a = 3
local u = 0
while a <= #ARGV do
  local id = ARGV[a]
  local n = tonumber(ARGV[a + 1])
  redis.call('HSET', KEYS[2 + c + u], unpack(ARGV, a + 2, a + 1 + 2 * n))
  for k in string.gmatch(ARGV[a + 2 + 2 * n], '%d+') do
    redis.call('ZADD', KEYS[1 + tonumber(k)], id, id)
  end
  a = a + 3 + 2 * n
  u = u + 1
end
return redis.call('INCRBY', KEYS[1], u)
