-- Appends one audience batch and records that it was appended, at once: a batch already recorded
-- is not appended again, so a retried resolution appends each batch exactly once.
-- KEYS[1] audiences stream, KEYS[2] the campaign's appended-batches hash (same hash tag)
-- ARGV[1] batch number, ARGV[2] '1' when it is the last batch, ARGV[3] record TTL in ms,
-- ARGV[4..] the envelope's field/value pairs for XADD.
-- Returns 1 when appended, 0 when it had been appended before.
if redis.call('HEXISTS', KEYS[2], ARGV[1]) == 1 then
  return 0
end
redis.call('XADD', KEYS[1], '*', unpack(ARGV, 4))
redis.call('HSET', KEYS[2], ARGV[1], '1')
if ARGV[2] == '1' then
  redis.call('HSET', KEYS[2], 'last', ARGV[1])
end
redis.call('PEXPIRE', KEYS[2], ARGV[3])
return 1
