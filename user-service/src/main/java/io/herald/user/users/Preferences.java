package io.herald.user.users;

import jakarta.validation.constraints.NotNull;
import java.util.List;

/** Body of {@code PUT /api/v1/users/{id}/preferences}: the full new lists (an empty list clears). */
record Preferences(@NotNull List<String> categories, @NotNull List<String> channels) {
}
