/** The atomic steps (Lua, keys sharing the slot of the campaigns stream) that append a campaign's own events: create with its Idempotency-Key, release a schedule once, end a campaign once. */
package io.herald.campaign.ledger;
