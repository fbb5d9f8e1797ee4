-- Accepts one change of a user and appends its event to `users`, at once, provided the user is
-- still at the version the caller read (optimistic concurrency). One slot: {users}.
-- KEYS[1] users stream, KEYS[2] versions hash (user id -> stream id of its latest event)
-- ARGV[1] user id, ARGV[2] expected version: the stream id the caller read, '' for a user never
--   changed through the API (seeded), '!new' for a user that must not exist yet;
-- ARGV[3..] the envelope's field/value pairs for XADD.
-- Returns the new event's stream id, or '' when the user changed meanwhile (nothing written).
local current = redis.call('HGET', KEYS[2], ARGV[1])
if ARGV[2] == '!new' then
  if current then
    return ''
  end
elseif (current or '') ~= ARGV[2] then
  return ''
end
local id = redis.call('XADD', KEYS[1], '*', unpack(ARGV, 3))
redis.call('HSET', KEYS[2], ARGV[1], id)
return id
