/**
 * JMH benchmarks of Herald's hot paths: the envelope and its JSON payload, rendering, and the
 * completion Lua round trip against a real redis-server. Run with {@code bench/jmh.sh}.
 */
package io.herald.bench.jmh;
