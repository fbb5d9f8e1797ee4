-- Reads the same fields of many user hashes in one step (one round trip for a whole batch).
-- KEYS = user hashes, ARGV = field names.
-- Returns a flat array, for each key one value per field; '' where a field or the user is absent
-- (a nil would end the array early).
local out = {}
local n = #ARGV
for i = 1, #KEYS do
  local values = redis.call('HMGET', KEYS[i], unpack(ARGV))
  for j = 1, n do
    out[(i - 1) * n + j] = values[j] or ''
  end
end
return out
