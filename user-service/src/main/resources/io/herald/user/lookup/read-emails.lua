-- Reads one field of a list of user ids in one call, for the e-mail index walk. Single Redis only:
-- the user hashes are named inside the script (not in KEYS), which a single Redis tolerates and a
-- cluster would not (each user lives in its own slot).
-- ARGV[1] the user hash key prefix, ARGV[2] the field, ARGV[3..] the user ids.
-- Returns one value per id, in order (false, a nil reply, when the user or its field is absent).
local out = {}
for i = 3, #ARGV do
  out[i - 2] = redis.call('HGET', ARGV[1] .. ARGV[i], ARGV[2])
end
return out
