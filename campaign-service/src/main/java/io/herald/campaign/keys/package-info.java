/** The API key admin API: create, list, rotate and revoke scoped keys (scope {@code admin}). */
package io.herald.campaign.keys;
