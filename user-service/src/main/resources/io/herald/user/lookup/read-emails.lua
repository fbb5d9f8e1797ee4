-- Reads one field of a range of consecutive user ids in one call, for the e-mail index walk. Single
-- Redis only: the user hashes are named inside the script (not in KEYS), which a single Redis
-- tolerates and a cluster would not (each user lives in its own slot).
-- ARGV[1], ARGV[2] first and last user id, ARGV[3] the user hash key prefix, ARGV[4] the field.
-- Returns one value per id, in order (nil when the user or its field is absent).
local out = {}
local n = 0
for id = tonumber(ARGV[1]), tonumber(ARGV[2]) do
  n = n + 1
  out[n] = redis.call('HGET', ARGV[3] .. id, ARGV[4])
end
return out
