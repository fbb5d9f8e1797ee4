/**
 * Fault drills (issue 10): each drill runs Herald on its own redis-server and SMTP sink, breaks
 * something on purpose (kill -9 of a worker or a service, a Redis crash, failing or hanging
 * providers, workers offline during a burst) and then checks the promise from outside: every
 * targeted notification ends delivered, failed or dead-lettered, and is counted once. Run with
 * {@code bench/drills.sh}.
 */
package io.herald.bench.drill;
