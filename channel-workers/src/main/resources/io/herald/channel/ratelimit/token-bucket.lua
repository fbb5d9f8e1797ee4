-- Takes up to ARGV[3] tokens from a token bucket shared by every worker instance of a channel.
-- KEYS[1] = bucket hash {tokens, ts}; ARGV[1] = rate (tokens per second), ARGV[2] = burst
-- (bucket size), ARGV[3] = tokens wanted. Time is the server's, so instances need no clock sync.
-- Returns {granted, waitMs}: waitMs = when the rest (up to a burst) will be there, 0 if all granted.
local rate, burst, wanted = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens = tonumber(state[1]) or burst
local ts = tonumber(state[2]) or now
if now > ts then
  tokens = math.min(burst, tokens + (now - ts) * rate / 1000)
  ts = now
end
local granted = math.min(wanted, math.floor(tokens))
tokens = tokens - granted
redis.call('HSET', KEYS[1], 'tokens', string.format('%.6f', tokens), 'ts', string.format('%d', ts))
redis.call('PEXPIRE', KEYS[1], math.ceil(burst * 1000 / rate) + 1000)
local wait = 0
if granted < wanted then
  wait = math.max(1, math.ceil((math.min(wanted - granted, burst) - tokens) * 1000 / rate))
end
return {granted, wait}
