package dev.nps.api;

/**
 * A likelihood-to-recommend score: an integer 0..10, nothing else. A 0 is a score, not a blank.
 *
 * @param value 0..10
 * @since 0.1
 */
public record Score(int value) {
    public static final int MIN = 0;
    public static final int MAX = 10;

    private static final Score[] CACHE = new Score[11];

    static {
        for (int i = 0; i <= 10; i++) {
            CACHE[i] = new Score(i);
        }
    }

    public Score {
        requireValid(value);
    }

    /**
     * @param value 0..10
     * @return the score
     * @throws NpsException {@link ErrorCode#INVALID_SCORE} outside 0..10
     */
    public static Score of(int value) {
        requireValid(value);
        return CACHE[value];
    }

    /**
     * Parses a score from text such as {@code "9"} or {@code " 10 "}. Decimals ("7.5"), words and blanks
     * are rejected: the caller decides whether to skip the row.
     *
     * @param text the text, may be null
     * @return the score
     * @throws NpsException {@link ErrorCode#INVALID_SCORE} when the text is not an integer 0..10
     */
    public static Score parse(String text) {
        if (text == null || text.isBlank()) {
            throw new NpsException(ErrorCode.INVALID_SCORE, "score: blank; a score is an integer 0..10");
        }
        String t = text.strip();
        if (t.length() > 2 || !t.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            throw new NpsException(ErrorCode.INVALID_SCORE, "score: not an integer 0..10 (got " + describe(t) + ")");
        }
        return of(Integer.parseInt(t));
    }

    /** @return the category of this score */
    public Category category() {
        return Category.of(value);
    }

    static void requireValid(int value) {
        if (value < MIN || value > MAX) {
            throw new NpsException(ErrorCode.INVALID_SCORE, "score: must be an integer 0..10 (got " + value + ")");
        }
    }

    private static String describe(String t) {
        return t.length() <= 12 ? "'" + t + "'" : t.length() + " characters";
    }
}
