-- Appends one message to a queue and wakes its long-polling fetchers, in one step (the wake-up
-- must never overtake the entry it announces).
-- KEYS[1] = queue stream; ARGV[1] = signal channel, ARGV[2..] = envelope fields (name, value, ...)
-- Returns the stream entry id.
local id = redis.call('XADD', KEYS[1], '*', unpack(ARGV, 2))
redis.call('PUBLISH', ARGV[1], '1')
return id
