/**
 * Deterministic fake users (datafaker vocabulary), seeded in the background up to
 * {@code herald.users.seed-count}, resumable and never twice.
 */
package io.herald.user.seed;
