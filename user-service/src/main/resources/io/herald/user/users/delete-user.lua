-- Deletes a user, removes it from its categories and appends user_user_deleted, all at once,
-- provided its categories are still those the caller read.
-- KEYS[1] user hash, KEYS[2] users stream, KEYS[3..] member sets of its categories
-- ARGV[1] categories the caller read (comma-separated), ARGV[2] user id, then the envelope for XADD.
-- Returns 1; 0 when the user does not exist; -1 when its categories changed meanwhile (re-read).
if redis.call('EXISTS', KEYS[1]) == 0 then
  return 0
end
local current = redis.call('HGET', KEYS[1], 'categories') or ''
if current ~= ARGV[1] then
  return -1
end
for k = 3, #KEYS do
  redis.call('ZREM', KEYS[k], ARGV[2])
end
redis.call('DEL', KEYS[1])
redis.call('XADD', KEYS[2], '*', unpack(ARGV, 3))
return 1
