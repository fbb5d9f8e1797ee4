package io.herald.user.seed;

import java.util.List;

/** One generated user before it gets an id. Contact fields not needed by its channels are null. */
record FakeUser(String name, String email, String phone, String deviceToken, List<String> categories,
                List<String> channels) {
}
