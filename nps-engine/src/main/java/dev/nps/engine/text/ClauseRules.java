package dev.nps.engine.text;

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
    private static final Pattern THAN = Pattern.compile(
            "(?i)\\b(?<!\\bmore\\s|\\bless\\s|\\bother\\s|\\brather\\s|\\bno\\s)than\\b"
                    + "|(?<=\\b(?:better|worse|more\\s\\w{1,20}|less\\s\\w{1,20}|cheaper|bigger|smaller|nicer|tastier|worse)\\s)then\\b");

    /** Where the thing compared with ends and the clause goes on: a coordination or a relative clause. */
    private static final Pattern COMPLEMENT_END = Pattern.compile("(?i)\\b(?:and|so|which|because)\\b");

    /**
     * @param clause a clause
     * @return the clause without what follows its "than" up to a coordination ("and", "so", "which", "because"),
     *         and that complement: {clause without complement, complement}; null when it compares nothing
     */
    static String[] comparison(String clause) {
        if (clause.length() < 6 || !mentions(clause, "than") && !mentions(clause, "then")) {
            return null;
        }
        Matcher m = THAN.matcher(clause);
        if (!m.find()) {
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

    /** A cheap test before the pattern: whether the lower-case word occurs in the text, in any case. */
    private static boolean mentions(String text, String lower) {
        int n = lower.length();
        for (int i = 0; i + n <= text.length(); i++) {
            if (text.regionMatches(true, i, lower, 0, n)) {
                return true;
            }
        }
        return false;
    }
}
