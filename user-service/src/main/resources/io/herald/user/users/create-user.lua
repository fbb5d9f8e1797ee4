-- Creates a user, indexes it in its categories and appends user_user_created, all at once.
-- KEYS[1] user hash, KEYS[2] users stream, KEYS[3..] member sets of the user's categories
-- ARGV[1] user id (also its score), ARGV[2] n hash pairs, ARGV[3..2+2n] hash field/value pairs,
-- then the envelope's field/value pairs for XADD.
-- Returns 1, or 0 when the user exists already (nothing written).
if redis.call('EXISTS', KEYS[1]) == 1 then
  return 0
end
local n = tonumber(ARGV[2])
redis.call('HSET', KEYS[1], unpack(ARGV, 3, 2 + 2 * n))
for k = 3, #KEYS do
  redis.call('ZADD', KEYS[k], ARGV[1], ARGV[1])
end
redis.call('XADD', KEYS[2], '*', unpack(ARGV, 3 + 2 * n))
return 1
