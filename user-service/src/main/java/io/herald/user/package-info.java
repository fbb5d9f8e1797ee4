/**
 * Herald's user service: users and their preferences ({@code users}), categories
 * ({@code categories}), fake-user seeding ({@code seed}) and audience resolution for campaigns
 * ({@code audience}). Redis keys come from {@code StreamKeys}; payloads are in docs/design.md.
 */
package io.herald.user;
