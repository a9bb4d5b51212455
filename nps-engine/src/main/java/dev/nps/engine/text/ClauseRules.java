package dev.nps.engine.text;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Constructions of a clause that decide what its sentiment is about, for {@link AspectSentiment}: a comparison
 * ("the desserts are more appealing than stuffy overpriced restaurants") judges the thing before "than" by the
 * comparative alone. Stateless; package-private.
 */
final class ClauseRules {
    private ClauseRules() {}

    /**
     * "than" after a comparative, or "then" after one of the commonest comparatives (a frequent misspelling), that
     * is not a quantity or a degree: "more than an hour", "less than stellar", "other than", "rather than" are left
     * alone.
     */
    private static final Pattern THAN = Pattern.compile("(?i)\\bth[ae]n\\b");
    private static final Set<String> NOT_BEFORE_THAN = Set.of("more", "less", "other", "rather", "no");
    private static final Set<String> BEFORE_THEN = Set.of("better", "worse", "cheaper", "bigger", "smaller", "nicer",
            "tastier");

    /** Where the thing compared with ends and the clause goes on: a coordination or a relative clause. */
    private static final Pattern COMPLEMENT_END = Pattern.compile("(?i)\\b(?:and|so|which|because)\\b");

    /**
     * @param clause a clause
     * @return the clause without what follows its "than" up to a coordination ("and", "so", "which", "because"),
     *         and that complement: {clause without complement, complement}; null when it compares nothing
     */
    static String[] comparison(String clause) {
        if (clause.length() < 6 || !mentionsThan(clause)) {
            return null;
        }
        Matcher m = THAN.matcher(clause);
        boolean found = false;
        while (!found && m.find()) {
            String[] before = lastWords(clause, m.start());
            found = Character.toLowerCase(clause.charAt(m.start() + 2)) == 'a'
                    ? !NOT_BEFORE_THAN.contains(before[1])
                    : BEFORE_THEN.contains(before[1]) || before[0].equals("more") || before[0].equals("less");
        }
        if (!found) {
            return null;
        }
        String head = clause.substring(0, m.start()).strip();
        if (head.isEmpty()) {
            return null;
        }
        String rest = clause.substring(m.end());
        Matcher end = COMPLEMENT_END.matcher(rest);
        if (end.find()) {
            // "larger than most and features adequate seating": the clause goes on about its subject
            return new String[] {head + " " + rest.substring(end.start()).strip(), rest.substring(0, end.start()).strip()};
        }
        return new String[] {head, rest.strip()};
    }

    /** A cheap test before the pattern: whether "than" or "then" occurs in the text, in any case. */
    private static boolean mentionsThan(String text) {
        for (int i = 0; i + 4 <= text.length(); i++) {
            if ((text.charAt(i) | 0x20) == 't' && (text.charAt(i + 1) | 0x20) == 'h'
                    && (text.charAt(i + 3) | 0x20) == 'n') {
                char c = (char) (text.charAt(i + 2) | 0x20);
                if (c == 'a' || c == 'e') {
                    return true;
                }
            }
        }
        return false;
    }

    /** @return the two words just before {@code end}, lower case, the nearer last; "" where there is none */
    private static String[] lastWords(String text, int end) {
        String[] out = {"", ""};
        int i = end;
        for (int k = 1; k >= 0; k--) {
            while (i > 0 && !Character.isLetter(text.charAt(i - 1))) {
                i--;
            }
            int stop = i;
            while (i > 0 && Character.isLetter(text.charAt(i - 1))) {
                i--;
            }
            out[k] = text.substring(i, stop).toLowerCase(java.util.Locale.ROOT);
        }
        return out;
    }
}
