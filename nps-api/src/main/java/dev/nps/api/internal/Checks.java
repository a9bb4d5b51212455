package dev.nps.api.internal;

import dev.nps.api.NpsException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Argument checks shared by the value types. Internal: not part of the API, may change without notice.
 */
public final class Checks {
    // Identifiers and attribute keys are checked by hand-written loops rather than regular expressions: every
    // recorded response checks five or more of them, and the regex matchers were the largest cost of building a
    // Response (JFR, MemoryRecordingBenchmark). ChecksTest pins the accepted sets.
    /** Longest identifier, in code points. */
    private static final int MAX_ID_LENGTH = 200;
    /** Longest attribute key. */
    private static final int MAX_ATTRIBUTE_KEY_LENGTH = 64;
    /** Longest attribute value accepted. */
    public static final int MAX_ATTRIBUTE_VALUE_LENGTH = 1000;

    private Checks() {}

    public static <T> T notNull(T value, String field) {
        if (value == null) {
            throw NpsException.invalid(field, "must not be null");
        }
        return value;
    }

    public static String id(String value, String field) {
        notNull(value, field);
        if (!isId(value)) {
            throw NpsException.invalid(field, "must be 1-200 letters, digits or . _ - : @ / (got "
                    + value.length() + " characters" + (value.isBlank() ? ", blank" : "") + ")");
        }
        return value;
    }

    /** Letters, digits (any script) and {@code . _ - : @ /}, 1..200 code points. */
    private static boolean isId(String value) {
        int codePoints = 0;
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            if (!(Character.isLetter(c) || isNumber(c) || c == '.' || c == '_' || c == ':' || c == '@' || c == '/'
                    || c == '-')) {
                return false;
            }
            i += Character.charCount(c);
            codePoints++;
        }
        return codePoints >= 1 && codePoints <= MAX_ID_LENGTH;
    }

    /** The regex class \p{N}: decimal digits, letter numbers and other numbers. */
    private static boolean isNumber(int c) {
        int type = Character.getType(c);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }

    /** An ASCII letter, then ASCII letters, digits and {@code . _ -}; at most 64 characters. */
    private static boolean isAttributeKey(String key) {
        if (key.isEmpty() || key.length() > MAX_ATTRIBUTE_KEY_LENGTH || !isAsciiLetter(key.charAt(0))) {
            return false;
        }
        for (int i = 1; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!(isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    public static String notBlank(String value, String field) {
        notNull(value, field);
        if (value.isBlank()) {
            throw NpsException.invalid(field, "must not be blank");
        }
        return value;
    }

    public static String attributeKey(String key, String field) {
        notNull(key, field);
        if (!isAttributeKey(key)) {
            throw NpsException.invalid(field, "attribute key must start with a letter and hold only letters, digits, '.', '_' or '-', at most 64 characters");
        }
        return key;
    }

    /** Validates keys and values and returns an unmodifiable copy that keeps insertion order. */
    public static Map<String, String> attributes(Map<String, String> attributes, String field) {
        notNull(attributes, field);
        Map<String, String> copy = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : attributes.entrySet()) {
            String key = attributeKey(e.getKey(), field + " key");
            String value = notNull(e.getValue(), field + "['" + key + "']");
            if (value.length() > MAX_ATTRIBUTE_VALUE_LENGTH) {
                throw NpsException.invalid(field + "['" + key + "']", "longer than " + MAX_ATTRIBUTE_VALUE_LENGTH + " characters");
            }
            text(value, field + "['" + key + "']");
            copy.put(key, value);
        }
        return Collections.unmodifiableMap(copy);
    }

    /**
     * Rejects text no database can store faithfully: NUL characters and unpaired UTF-16 surrogates.
     * Emoji (paired surrogates) and right-to-left text are fine.
     */
    public static String text(String value, String field) {
        for (int i = 0, n = value.length(); i < n; i++) {
            char c = value.charAt(i);
            if (c == '\u0000') {
                throw NpsException.invalid(field, "contains a NUL character (U+0000) at index " + i + "; remove it");
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                throw NpsException.invalid(field, "contains an unpaired surrogate at index " + i + "; it is not valid Unicode");
            }
            if (Character.isLowSurrogate(c)) {
                throw NpsException.invalid(field, "contains an unpaired surrogate at index " + i + "; it is not valid Unicode");
            }
        }
        return value;
    }
}
