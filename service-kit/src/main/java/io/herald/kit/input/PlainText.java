package io.herald.kit.input;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A single line of text without control characters ({@link PlainTextValidator#isPlain}), for
 * every text field that is not a message body: names, subjects, categories. Such fields end up
 * in log lines, pages and e-mail headers, where a NUL, an escape sequence, a line break or a
 * bidirectional override does harm. Null is valid (combine with {@code @NotBlank} to require it).
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PlainTextValidator.class)
public @interface PlainText {

    String message() default "must not contain control characters or line breaks";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
