-- Advances the seeded counter by one batch, provided it is where the caller expects it, so that
-- two seeders, or a retried call, notice each other. One key, one slot.
-- KEYS[1] seeded counter; ARGV[1] expected value, ARGV[2] users in the batch.
-- Returns the new value, or -1 when the counter was elsewhere (nothing written).
local seeded = tonumber(redis.call('GET', KEYS[1]) or '0')
if seeded ~= tonumber(ARGV[1]) then
  return -1
end
return redis.call('INCRBY', KEYS[1], ARGV[2])
