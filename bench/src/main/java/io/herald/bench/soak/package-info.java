/**
 * The memory soak of issue 16 ({@code bench/soak.sh}): campaigns back to back with a short
 * retention, {@code used_memory} after each and after the retention window, the slope and the
 * plateau verdict.
 */
package io.herald.bench.soak;
