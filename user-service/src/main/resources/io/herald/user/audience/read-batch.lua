-- Reads the users of one audience batch in one call: one round trip and one command dispatch
-- instead of one HMGET per user. Single Redis only: the user hashes are named inside the script
-- (not in KEYS), which a single Redis tolerates and a cluster would not (they live in other slots).
-- KEYS[1] the campaign's audience snapshot (sorted set of user ids)
-- ARGV[1], ARGV[2] first and last rank of the batch, ARGV[3] the user hash key prefix,
-- ARGV[4..] the hash fields to read.
-- Returns a flat array: for each member in rank order its id, then its field values (nil when absent).
local ids = redis.call('ZRANGE', KEYS[1], ARGV[1], ARGV[2])
local fields = {unpack(ARGV, 4)}
local out = {}
local n = 0
for _, id in ipairs(ids) do
  local values = redis.call('HMGET', ARGV[3] .. id, unpack(fields))
  n = n + 1
  out[n] = id
  for i = 1, #fields do
    n = n + 1
    out[n] = values[i]
  end
end
return out
