package io.herald.kit;

/**
 * Reading numeric query parameters the same way in every service: a value outside its range, or
 * not a number, is a 400 problem naming the field. Written by hand because Spring's method
 * validation answers with its own message shape and cannot give a default for an empty value.
 */
public final class QueryParams {

    private QueryParams() {
    }

    /**
     * {@code value} as a number from 1 to {@code max}; {@code defaultValue} when it is absent or empty.
     *
     * @throws ProblemException (400) when it is not such a number
     */
    public static int number(String field, String value, int defaultValue, int max) {
        return value == null || value.isEmpty() ? defaultValue : number(field, value, max);
    }

    /**
     * {@code value} as a number from 1 to {@code max}.
     *
     * @throws ProblemException (400) when it is absent, empty or not such a number
     */
    public static int number(String field, String value, int max) {
        try {
            int parsed = Integer.parseInt(value == null ? "" : value.strip());
            if (parsed >= 1 && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.invalidField(field, "must be a number from 1 to " + max);
    }
}
