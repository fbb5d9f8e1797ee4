package io.herald.user.audience;

import java.util.List;

/**
 * Payload of {@code user_audience_resolved} (docs/design.md): batch {@code batch} (from 0) of
 * a campaign's audience; {@code lastBatch} marks the last one. Subject, message and name are
 * copied from the campaign so that renderers need nothing but the stream.
 */
record AudienceResolved(String campaignId, List<String> channels, List<Recipient> recipients, int batch,
                        boolean lastBatch, String subject, String message, String campaignName) {
}
