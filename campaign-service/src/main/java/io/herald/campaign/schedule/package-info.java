/** Releasing scheduled campaigns at their time, exactly once across instances. */
package io.herald.campaign.schedule;
