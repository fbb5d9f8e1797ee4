/**
 * Finding a user by e-mail address: an index {@code user-email:<address>} → user id, kept by
 * {@link io.herald.user.lookup.EmailIndex} beside the user write path rather than inside it.
 */
package io.herald.user.lookup;
