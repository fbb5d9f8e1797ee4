-- Trims a stream toward a length cap without ever removing an entry that a consumer group
-- has not acknowledged or not yet read. KEYS[1] = stream, ARGV[1] = cap. Returns entries removed.
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

local stream, cap = KEYS[1], tonumber(ARGV[1])
local len = redis.call('XLEN', stream)
if len <= cap then return 0 end
local oldest = redis.call('XRANGE', stream, '-', '+', 'COUNT', len - cap)
local cutoff = after(oldest[#oldest][1])

local groups = redis.call('XINFO', 'GROUPS', stream)
if #groups == 0 then return 0 end
for _, group in ipairs(groups) do
  local info = {}
  for i = 1, #group, 2 do info[group[i]] = group[i + 1] end
  local keep
  if tonumber(info['pending']) > 0 then
    keep = redis.call('XPENDING', stream, info['name'])[2]
  else
    keep = after(info['last-delivered-id'])
  end
  if less(keep, cutoff) then cutoff = keep end
end
return redis.call('XTRIM', stream, 'MINID', cutoff)
