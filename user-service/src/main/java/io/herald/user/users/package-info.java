/**
 * {@code /api/v1/users}: users with contact fields, categories and channels, stored as one hash
 * each plus category member sets, every change announced on the {@code users} stream in the same
 * Lua step.
 */
package io.herald.user.users;
