/**
 * Moving campaigns forward without an event of their own: ACCEPTED to RESOLVING once user-service
 * has taken them, DISPATCHING to COMPLETED once every notification is settled, exactly once across
 * instances; one tick over the active campaigns drives both and publishes what it saw.
 */
package io.herald.campaign.completion;
