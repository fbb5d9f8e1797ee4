-- Writes one seeding batch in one call: every user's hash and every category's new members. Single
-- Redis only: the keys are named in ARGV, not in KEYS, which a single Redis tolerates and a cluster
-- would not (users and categories live in many slots; there the seeder pipelines one-slot commands).
-- ARGV[1] number of users U; then U times: user key, field count F, F field/value pairs;
-- then, to the end: category members key, member count M, M score/member pairs.
-- Returns U.
local users = tonumber(ARGV[1])
local i = 2
for _ = 1, users do
  local last = i + 1 + 2 * tonumber(ARGV[i + 1])
  redis.call('HSET', ARGV[i], unpack(ARGV, i + 2, last))
  i = last + 1
end
while i <= #ARGV do
  local last = i + 1 + 2 * tonumber(ARGV[i + 1])
  redis.call('ZADD', ARGV[i], unpack(ARGV, i + 2, last))
  i = last + 1
end
return users
