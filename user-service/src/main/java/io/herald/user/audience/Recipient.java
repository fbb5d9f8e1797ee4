package io.herald.user.audience;

import java.util.List;

/** One recipient in a {@code user_audience_resolved} batch, with the channels to reach it on. */
record Recipient(String userId, String name, String email, String phone, String deviceToken, List<String> channels) {
}
