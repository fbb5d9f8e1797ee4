-- Applies one event of `users` to the user's hash, idempotently and in order: an event not newer
-- than the version the hash holds, or one for a deleted user, changes nothing. One slot: the user's.
-- KEYS[1] user hash, KEYS[2] its tombstone
-- ARGV[1] the event's stream id (the new version), ARGV[2] 'put' or 'delete',
-- ARGV[3..] for 'put': every hash field/value pair of the user (the hash is replaced).
-- Returns 1 when applied, 0 when stale.
local function newer(a, b)
  local ams, aseq = string.match(a, '^(%d+)-(%d+)$')
  local bms, bseq = string.match(b, '^(%d+)-(%d+)$')
  ams, bms = tonumber(ams), tonumber(bms)
  if ams ~= bms then
    return ams > bms
  end
  return tonumber(aseq) > tonumber(bseq)
end
if redis.call('EXISTS', KEYS[2]) == 1 then
  return 0
end
local current = redis.call('HGET', KEYS[1], 'version')
if current and not newer(ARGV[1], current) then
  return 0
end
redis.call('DEL', KEYS[1])
if ARGV[2] == 'delete' then
  redis.call('SET', KEYS[2], ARGV[1])
else
  redis.call('HSET', KEYS[1], 'version', ARGV[1], unpack(ARGV, 3))
end
return 1
