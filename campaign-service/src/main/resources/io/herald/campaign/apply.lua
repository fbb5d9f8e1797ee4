-- Applies one event to a campaign's projection, once: the event index (envelope id -> location)
-- recognises an event seen before. Status only moves forward; COMPLETED and CANCELLED are final.
-- KEYS[1] = campaign:<id> hash, KEYS[2] = its event index hash
-- ARGV[1] = envelope id ('' = a derived change, not indexed), ARGV[2] = location
-- ('<occurredAtMs> <stream> <entryId>'), ARGV[3] = '1' when replaying from the index (no dedupe),
-- ARGV[4] = kind, ARGV[5] = when (ISO-8601), ARGV[6..] = by kind:
--   created / scheduled: field/value pairs of the campaign, set if absent
--   audience: batch number, '1' if last batch, recipient count
-- Returns 0 when seen before, 1 when applied, 2 when applied and the campaign became DISPATCHING.
local rank = {SCHEDULED = 0, ACCEPTED = 1, RESOLVING = 2, DISPATCHING = 3, COMPLETED = 4, CANCELLED = 4}
if ARGV[1] ~= '' and ARGV[3] ~= '1' then
  if redis.call('HSETNX', KEYS[2], ARGV[1], ARGV[2]) == 0 then return 0 end
end
local kind, at = ARGV[4], ARGV[5]
local status = redis.call('HGET', KEYS[1], 'status')
local function advance(to)
  if not status or rank[status] < rank[to] then
    redis.call('HSET', KEYS[1], 'status', to)
    return true
  end
  return false
end
if kind == 'created' or kind == 'scheduled' then
  for i = 6, #ARGV, 2 do
    redis.call('HSETNX', KEYS[1], ARGV[i], ARGV[i + 1])
  end
  advance(kind == 'created' and 'ACCEPTED' or 'SCHEDULED')
elseif kind == 'resolving' then
  advance('RESOLVING')
elseif kind == 'audience' then
  redis.call('HINCRBY', KEYS[1], 'audienceBatches', 1)
  redis.call('HINCRBY', KEYS[1], 'recipients', tonumber(ARGV[8]))
  if ARGV[7] == '1' then redis.call('HSET', KEYS[1], 'audienceLastBatch', ARGV[6]) end
  if advance('DISPATCHING') then return 2 end
elseif kind == 'dispatching' then
  advance('DISPATCHING')
elseif kind == 'completed' then
  if status ~= 'CANCELLED' then
    redis.call('HSET', KEYS[1], 'status', 'COMPLETED')
    redis.call('HSETNX', KEYS[1], 'completedAt', at)
  end
elseif kind == 'cancelled' then
  if status ~= 'COMPLETED' then
    redis.call('HSET', KEYS[1], 'status', 'CANCELLED')
    redis.call('HSETNX', KEYS[1], 'cancelledAt', at)
  end
end
return 1
