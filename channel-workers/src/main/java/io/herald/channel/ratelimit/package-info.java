/** Messages per second per channel, shared by all worker instances through a Redis token bucket. */
package io.herald.channel.ratelimit;
