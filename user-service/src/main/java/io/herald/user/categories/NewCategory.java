package io.herald.user.categories;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** Body of {@code POST /api/v1/categories}. */
record NewCategory(@NotBlank @Pattern(regexp = Categories.NAME_REGEX,
        message = "must be 1-64 letters, digits, spaces, '_', '.' or '-', starting with a letter or digit") String name) {
}
