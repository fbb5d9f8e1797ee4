package io.herald.kit.input;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link PlainText}; {@link #isPlain} is the rule itself for code that validates by hand. */
public final class PlainTextValidator implements ConstraintValidator<PlainText, CharSequence> {

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        return isPlain(value);
    }

    /**
     * True when the text holds no control character (C0, DEL, C1 — line breaks and tabs
     * included), no line or paragraph separator and no bidirectional control; null is plain.
     */
    public static boolean isPlain(CharSequence value) {
        if (value == null) {
            return true;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029'
                    || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\u200E'
                    || c == '\u200F' || c == '\u061C') {
                return false;
            }
        }
        return true;
    }
}
