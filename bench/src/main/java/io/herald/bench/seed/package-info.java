/**
 * {@link io.herald.bench.seed.SeedBench}: seeding time, Redis memory per user and audience
 * resolution rate of the user service, measured through its jar.
 */
package io.herald.bench.seed;
