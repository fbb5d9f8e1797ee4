-- Replaces a user's categories and channels, moves it between category member sets and appends
-- user_user_updated, all at once, provided its categories are still those the caller read.
-- KEYS[1] user hash, KEYS[2] users stream, KEYS[3..2+r] sets to leave, KEYS[3+r..] sets to join
-- ARGV[1] categories the caller read (comma-separated), ARGV[2] user id, ARGV[3] r,
-- ARGV[4] new categories, ARGV[5] new channels, ARGV[6] updatedAt, then the envelope for XADD.
-- Returns 1; 0 when the user does not exist; -1 when its categories changed meanwhile (re-read).
if redis.call('EXISTS', KEYS[1]) == 0 then
  return 0
end
local current = redis.call('HGET', KEYS[1], 'categories') or ''
if current ~= ARGV[1] then
  return -1
end
local r = tonumber(ARGV[3])
for k = 3, 2 + r do
  redis.call('ZREM', KEYS[k], ARGV[2])
end
for k = 3 + r, #KEYS do
  redis.call('ZADD', KEYS[k], ARGV[2], ARGV[2])
end
redis.call('HSET', KEYS[1], 'categories', ARGV[4], 'channels', ARGV[5], 'updatedAt', ARGV[6])
redis.call('XADD', KEYS[2], '*', unpack(ARGV, 7))
return 1
