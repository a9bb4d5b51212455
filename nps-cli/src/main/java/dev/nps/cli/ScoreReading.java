package dev.nps.cli;

import java.util.regex.Pattern;

/**
 * One cell of the score column read as a score, or the reason it is not one. Whole numbers 0..10 are scores (a
 * trailing {@code .0}, as spreadsheets write, is accepted); a 0 is a detractor's score, never a blank.
 *
 * @param score   0..10, or -1 when {@code problem} is set
 * @param problem why the cell is not a score, or null
 */
record ScoreReading(int score, String problem) {
    private static final Pattern WHOLE = Pattern.compile("[+-]?\\d+(\\.0+)?");
    private static final Pattern TRAILING_ZEROS = Pattern.compile("\\.0+$");
    private static final Pattern LEADING_ZEROS = Pattern.compile("^0+(?=\\d)");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d*[.,]\\d+");

    static ScoreReading of(String raw) {
        String v = raw == null ? "" : raw.strip();
        if (v.isEmpty()) {
            return new ScoreReading(-1, "score is blank");
        }
        // The common case, one or two digits, without a regex: this runs once per row of a large file.
        if (v.length() <= 2 && isDigit(v.charAt(0)) && isDigit(v.charAt(v.length() - 1))) {
            int s = v.length() == 1 ? v.charAt(0) - '0' : (v.charAt(0) - '0') * 10 + (v.charAt(1) - '0');
            return s <= 10 ? new ScoreReading(s, null) : new ScoreReading(-1, "score '" + v + "' is outside 0-10");
        }
        if (WHOLE.matcher(v).matches()) {
            String digits = TRAILING_ZEROS.matcher(v).replaceFirst("");
            digits = digits.startsWith("+") ? digits.substring(1) : digits;
            boolean negative = digits.startsWith("-");
            String magnitude = negative ? digits.substring(1) : digits;
            magnitude = LEADING_ZEROS.matcher(magnitude).replaceFirst("");
            if (!negative && magnitude.length() <= 2 && Integer.parseInt(magnitude) <= 10) {
                return new ScoreReading(Integer.parseInt(magnitude), null);
            }
            if (negative && magnitude.equals("0")) {
                return new ScoreReading(0, null);
            }
            return new ScoreReading(-1, "score '" + shorten(v) + "' is outside 0-10");
        }
        if (DECIMAL.matcher(v).matches()) {
            return new ScoreReading(-1, "score '" + shorten(v) + "' is not a whole number");
        }
        return new ScoreReading(-1, "score '" + shorten(v) + "' is not a number");
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    boolean valid() {
        return problem == null;
    }

    /** Keeps a reason short; a long cell in the score column is more likely text than a number. */
    static String shorten(String v) {
        return v.length() <= 20 ? v : v.substring(0, 17) + "...";
    }
}
