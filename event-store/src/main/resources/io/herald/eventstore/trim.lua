-- Removes from a stream every entry that all its consumer groups are done with, and nothing else:
-- the safe MINID is the smallest, over all groups, of the group's oldest pending entry (read but
-- not acknowledged), else the id just after its last-delivered id (the group has not read past
-- it). A stream without groups is not trimmed: nobody has said what it is done with.
-- Nor is it trimmed while a group named in ARGV is missing (not created yet: it will read from the
-- start of the stream). Redis 7.0 has no ACKED trim mode (8.2+), hence this script.
-- KEYS[1] = stream, ARGV = the groups that must exist. Returns {entries removed, entries left}.
local function parse(id)
  local dash = string.find(id, '-', 1, true)
  return tonumber(string.sub(id, 1, dash - 1)), tonumber(string.sub(id, dash + 1))
end
local function less(a, b)
  local am, as = parse(a)
  local bm, bs = parse(b)
  return am < bm or (am == bm and as < bs)
end
local function after(id)
  local ms, seq = parse(id)
  return string.format('%d-%d', ms, seq + 1)
end

local stream = KEYS[1]
if redis.call('EXISTS', stream) == 0 then return {0, 0} end
local groups = redis.call('XINFO', 'GROUPS', stream)
local len = redis.call('XLEN', stream)
if #groups == 0 or len == 0 then return {0, len} end
local minid
local present = {}
for _, group in ipairs(groups) do
  local info = {}
  for i = 1, #group, 2 do info[group[i]] = group[i + 1] end
  present[info['name']] = true
  local keep
  if tonumber(info['pending']) > 0 then
    keep = redis.call('XPENDING', stream, info['name'])[2]
  else
    keep = after(info['last-delivered-id'])
  end
  if minid == nil or less(keep, minid) then minid = keep end
end
for _, required in ipairs(ARGV) do
  if not present[required] then return {0, len} end
end
local removed = redis.call('XTRIM', stream, 'MINID', minid)
return {removed, len - removed}
