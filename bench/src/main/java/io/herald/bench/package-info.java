/**
 * Herald's benchmarks: command-line programs run from the shaded jar
 * ({@code java -cp bench/target/bench.jar <main class>}), never from the test suite.
 * {@code io.herald.bench.seed} measures the user service.
 */
package io.herald.bench;
