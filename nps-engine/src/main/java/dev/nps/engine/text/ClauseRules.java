package dev.nps.engine.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Constructions of a clause that decide what its sentiment is about, for {@link AspectSentiment}: a comparison
 * ("the desserts are more appealing than stuffy overpriced restaurants") judges the thing before "than" by the
 * comparative alone, and a clause in the imperative ("try the duck", "stay away from the fish") recommends or warns.
 * Stateless; package-private.
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

    /** Words that may open an imperative before its verb: "and", "so", "definitely", "you must", ... */
    private static final String LEAD = "^(?:(?:and|so|also|just|definitely|absolutely|really|then|please|do|now|"
            + "you\\s+(?:must|should|have\\s+to|need\\s+to|gotta|got\\s+to|ought\\s+to)|must|highly|strongly|"
            + "i\\s+(?:suggest|recommend(?:\\s+you)?))\\s+)*";
    /** A warning may also open with a personal advice: "I would avoid", "I'd stay away". */
    private static final String ADVICE = "(?:(?:i\\s+would|i'd|we\\s+would|we'd)\\s+)?";
    private static final Pattern RECOMMEND = Pattern.compile("(?i)" + LEAD
            + "(?:try(?!\\s+(?:the|to|not|and)\\b)|check\\s+(?:out|it\\s+out)|go\\s+for|don'?t\\s+miss|do\\s+not\\s+miss"
            + "|ask\\s+for|stick\\s+(?:to|with)|save\\s+room\\s+for|make\\s+sure\\s+(?:to|you)\\s+(?:try|order|get)"
            + "|be\\s+sure\\s+to\\s+(?:try|order|get)"
            + "|(?:order|get)(?=\\s+(?:the|a|an|any|anything|one|some|their|its|it|them|everything|whatever)\\b))\\b");
    private static final Pattern WARN = Pattern.compile("(?i)" + LEAD + ADVICE
            + "(?:avoid|stay\\s+away|steer\\s+clear|beware|be\\s+(?:careful|warned|aware)"
            + "|(?:don'?t|do\\s+not|never)\\s+(?:bother|order|waste|get\\s+the|eat\\s+the|try))\\b");

    /** Valence of a clause that opens with a recommendation ("try the", "check out"), and with a warning. */
    static final double RECOMMENDATION = 1.5;
    static final double WARNING = -1.5;

    /** A clause with the valence of its imperative and the rest of the clause, which is scored as usual. */
    record Imperative(double valence, String rest) {}

    /**
     * @param clause a clause, cut as {@link AspectSentiment#clauses(String)} cuts them
     * @return the recommendation or the warning the clause opens with, or null when it opens with neither
     */
    static Imperative imperative(String clause) {
        if (clause.length() < 3) {
            return null;
        }
        Matcher m = WARN.matcher(clause);
        if (m.lookingAt()) {
            return new Imperative(WARNING, clause.substring(m.end()).strip());
        }
        m = RECOMMEND.matcher(clause);
        if (m.lookingAt()) {
            return new Imperative(RECOMMENDATION, clause.substring(m.end()).strip());
        }
        return null;
    }
}
