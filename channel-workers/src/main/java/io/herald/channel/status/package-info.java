/** {@code /api/v1/channels}: stream state, running totals, dead-letter listing and replay. */
package io.herald.channel.status;
