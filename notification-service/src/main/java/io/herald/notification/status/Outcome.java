package io.herald.notification.status;

/**
 * An outcome record as channel-workers write it in {@code delivered:{<stream>}:<campaignId>}
 * (docs/design.md): {@code {"status":…, "attempts":n, "at":"<instant>", "error":…|null}}.
 */
record Outcome(String status, int attempts, String at, String error) {
}
