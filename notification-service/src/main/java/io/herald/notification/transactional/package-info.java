/**
 * Transactional notifications: {@code POST /api/v1/notifications} sends one message to one user on
 * the channels' priority lanes, which channel workers read before campaign traffic.
 */
package io.herald.notification.transactional;
