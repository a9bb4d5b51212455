package dev.nps.engine.text;

import java.util.HashMap;
import java.util.Map;

/**
 * The customer-feedback layer over the VADER lexicon.
 *
 * <p>Why: VADER was rated on tweets and reviews, where "support", "help", "care", "credit" or "free" usually mean
 * approval. In NPS comments they are mostly the <em>topic</em> ("support", "customer care", "store credit",
 * "free trial"), so counting them as praise would make "The support agent never called me back" positive. Those
 * words are neutral here and sentiment comes from what is said about them. A short list of feedback phrases
 * ("never called back", "still waiting", "easy to use") and a few polar words VADER lacks ("slow", "overpriced",
 * "buggy") carry the sentiment of typical complaints and praise instead. So do negations that praise ("can't beat",
 * "couldn't be happier"), a refusal to come back ("won't go there again") or a promise to ("would buy again"), a
 * clause that opens with an imperative that recommends ("try their curry", "check out the bar") or warns ("avoid",
 * "stay away"), and a question that opens with "why".
 */
final class FeedbackDomain {
    /** Sentinel: the word is neutral here even though VADER rates it. */
    private static final Double NEUTRAL = Double.NaN;

    private static final Map<String, Double> WORDS = words();
    private static final Map<String, Double> PHRASES = phrases();
    private static final int MAX_PHRASE = PHRASES.keySet().stream().mapToInt(p -> p.split(" ").length).max().orElse(1);

    private FeedbackDomain() {}

    /** @return NaN for a topic word that must not count, a valence for an added word, null to defer to VADER */
    static Double valence(String lower) {
        return WORDS.get(lower);
    }

    /**
     * Replaces the valence of every feedback phrase found: the phrase's last token carries its valence (negated
     * when a negation word directly precedes a phrase that has none), the others count zero.
     */
    static void applyPhrases(String[] lower, double[] sentiments) {
        applyPhrases(lower, sentiments, null);
    }

    /**
     * As {@link #applyPhrases(String[], double[])}, knowing where clauses end.
     *
     * @param clauseEnd for each token whether it ends a clause, or null when unknown; a "too" that ends its clause
     *                  means "also" ("me too!"), not excess
     */
    static void applyPhrases(String[] lower, double[] sentiments, boolean[] clauseEnd) {
        int n = lower.length;
        for (int i = 0; i + 1 < n; i++) {
            if (clauseEnd != null && clauseEnd[i]) {
                continue;
            }
            // "too small", "too loud", "too many people": excess is a complaint when the next word is not itself
            // a judgement ("too good" stays positive); "not too ..." is handled by the negation before it
            if (lower[i].equals("too") && sentiments[i + 1] == 0 && isWord(lower[i + 1])
                    && !ThemeVocabulary.STOP_WORDS.contains(lower[i + 1]) && SentimentScorer.lexiconValence(lower[i + 1]) == 0
                    && valence(lower[i + 1]) == null) {
                boolean negated = i > 0 && SentimentScorer.negated(lower[i - 1]);
                sentiments[i + 1] = negated ? 0.74 * TOO : TOO;
            }
        }
        for (int i = 0; i < n; i++) {
            if (i == 0 || clauseEnd != null && clauseEnd[i - 1]) {
                imperative(lower, sentiments, i);
            }
        }
        for (int i = 0; i < n; i++) {
            if (lower[i].equals("again") && sentiments[i] == 0) {
                sentiments[i] = intentAgain(lower, i, clauseEnd);
            }
            for (int len = Math.min(MAX_PHRASE, n - i); len >= 2; len--) {
                String phrase = join(lower, i, len);
                Double v = PHRASES.get(phrase);
                if (v == null) {
                    continue;
                }
                double valence = v;
                if (i > 0 && SentimentScorer.negated(lower[i - 1]) && !SentimentScorer.negated(lower[i])) {
                    valence = -0.74 * valence;
                }
                for (int k = i; k < i + len - 1; k++) {
                    sentiments[k] = 0;
                }
                sentiments[i + len - 1] = valence;
                i += len - 1;
                break;
            }
        }
    }

    /** Words that may open an imperative before its verb ("so definitely try", "you must try"). */
    private static final java.util.Set<String> LEAD = java.util.Set.of("and", "but", "or", "so", "also", "just",
            "definitely", "absolutely", "really", "then", "please", "do", "now", "must", "you", "should", "i'd", "we'd");
    private static final java.util.Set<String> DETERMINERS = java.util.Set.of("the", "a", "an", "any", "anything",
            "one", "some", "their", "its", "it", "them", "everything", "whatever");
    /** Valence of an imperative that recommends ("try their curry", "check out the bar") or warns ("avoid"). */
    private static final double RECOMMEND = 1.5;
    private static final double WARN = -1.5;

    /**
     * A clause that opens with an imperative recommends ("try", "check out", "stick to", "order the") or warns
     * ("avoid", "stay away", "steer clear", "beware", "don't bother"): its verb carries the valence, the words of the
     * idiom none ("clear" in "steer clear" is no praise).
     */
    private static void imperative(String[] w, double[] sentiments, int start) {
        int i = start;
        while (i < w.length && i - start < 3 && LEAD.contains(w[i])) {
            i++;
        }
        if (i >= w.length) {
            return;
        }
        String next = i + 1 < w.length ? w[i + 1] : "";
        int len = 0;
        double v = 0;
        switch (w[i]) {
            case "try" -> {
                // "try the" anywhere is a phrase of its own; "try to come early" is advice, not praise
                if (!next.isEmpty() && !next.equals("to") && !next.equals("not") && !next.equals("and")
                        && !next.equals("the")) {
                    len = 1;
                    v = RECOMMEND;
                }
            }
            case "check" -> {
                if (next.equals("out") || next.equals("it")) {
                    len = 2;
                    v = RECOMMEND;
                }
            }
            case "stick" -> {
                if (next.equals("to") || next.equals("with")) {
                    len = 2;
                    v = RECOMMEND;
                }
            }
            case "order", "get" -> {
                if (DETERMINERS.contains(next)) {
                    len = 1;
                    v = RECOMMEND;
                }
            }
            case "avoid", "beware" -> {
                len = 1;
                v = WARN;
            }
            case "stay" -> {
                if (next.equals("away")) {
                    len = 2;
                    v = WARN;
                }
            }
            case "steer" -> {
                if (next.equals("clear")) {
                    len = 2;
                    v = WARN;
                }
            }
            case "be" -> {
                if (next.equals("careful") || next.equals("warned")) {
                    len = 2;
                    v = WARN;
                }
            }
            case "don't", "dont" -> {
                if (next.equals("bother") || next.equals("waste") || next.equals("order")) {
                    len = 2;
                    v = WARN;
                } else if (next.equals("miss")) {
                    len = 2;
                    v = RECOMMEND;
                }
            }
            default -> { }
        }
        for (int k = i; k < i + len; k++) {
            sentiments[k] = k == i ? v : 0;
        }
    }

    /** A question that opens with "why" (not "why not"): in feedback, "Why does a refund take three weeks?" */
    private static final java.util.regex.Pattern WHY_QUESTION = java.util.regex.Pattern.compile(
            "(?i)(?:^|[.!?,;:]\\s*)\\s*(why)\\b(?!\\s+not\\b)[^.!?]*\\?");
    /** Valence of a rhetorical "why ...?" question. {@value} */
    private static final double WHY = -1.2;

    /**
     * A question that opens with "why" is a complaint in feedback ("Why make a reservation if you won't keep it?"):
     * each such question gives its "why" a negative valence when it carries none.
     *
     * @param text the text the tokens were read from
     */
    static void applyRhetoricalQuestions(String text, String[] lower, double[] sentiments) {
        if (text.indexOf('?') < 0) {
            return;
        }
        java.util.regex.Matcher m = WHY_QUESTION.matcher(text);
        int token = 0;
        int pos = 0;
        boolean inToken = false;
        while (m.find()) {
            // the "why" is the token that starts at m.start(1): count the whitespace-separated tokens before it
            for (; pos < m.start(1); pos++) {
                boolean space = Character.isWhitespace(text.charAt(pos));
                if (!space && !inToken) {
                    token++;
                }
                inToken = !space;
            }
            int i = inToken ? token - 1 : token;
            if (i < lower.length && lower[i].equals("why") && sentiments[i] == 0) {
                sentiments[i] = WHY;
            }
        }
    }

    /** Verbs of coming back to a business: "won't go there again", "would buy again". */
    private static final java.util.Set<String> INTENT_VERBS = java.util.Set.of("go", "come", "visit", "eat", "dine",
            "order", "buy", "shop", "stay", "use", "book", "return", "try", "purchase", "fly", "going", "coming", "visiting",
            "eating", "dining", "ordering", "buying", "shopping", "staying", "using", "booking", "returning",
            "purchasing", "flying");
    /** Words that make "... again" a promise to come back. */
    private static final java.util.Set<String> WILL = java.util.Set.of("will", "would", "i'll", "we'll", "i'd",
            "we'd", "definitely", "gladly", "happily", "certainly", "surely", "plan", "planning", "hope", "want");

    /**
     * "We won't go to this place again" is a detractor's promise, "I would buy again" a promoter's: the valence of
     * "again" when a verb of coming back comes at most six words before it in the same clause, and a negation (or a
     * "will"/"would") at most three words before that verb; 0 otherwise. "Have" counts only after a negation
     * ("nothing I would have again"), and not before "to" ("didn't have to call again").
     */
    private static double intentAgain(String[] lower, int i, boolean[] clauseEnd) {
        for (int j = i - 1; j >= Math.max(0, i - 6); j--) {
            if (clauseEnd != null && clauseEnd[j]) {
                return 0;
            }
            boolean have = lower[j].equals("have") && !lower[j + 1].equals("to");
            if (have || INTENT_VERBS.contains(lower[j])) {
                boolean will = false;
                for (int k = j - 1; k >= Math.max(0, j - 3); k--) {
                    if (SentimentScorer.negated(lower[k])) {
                        return INTENT_AGAIN_NEGATED;
                    }
                    will |= WILL.contains(lower[k]);
                }
                if (will && !have) {
                    return INTENT_AGAIN;
                }
            }
        }
        return 0;
    }

    /** Valence of "again" after a promise to come back, and after a refusal. */
    private static final double INTENT_AGAIN = 1.5;
    private static final double INTENT_AGAIN_NEGATED = -2.0;

    /** Valence of "too" before a neutral word. {@value} */
    private static final double TOO = -1.2;

    private static boolean isWord(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isLetter(s.charAt(i))) {
                return false;
            }
        }
        return !s.isEmpty();
    }

    private static String join(String[] w, int from, int len) {
        StringBuilder sb = new StringBuilder(w[from]);
        for (int k = from + 1; k < from + len; k++) {
            sb.append(' ').append(w[k]);
        }
        return sb.toString();
    }

    private static Map<String, Double> words() {
        Map<String, Double> m = new HashMap<>();
        // topics of customer feedback, not judgements
        for (String w : new String[] {"support", "supports", "supported", "help", "helps", "credit", "credits",
                "charge", "charges", "care", "refund", "refunds", "service", "free", "please", "value", "kind"}) {
            m.put(w, NEUTRAL);
        }
        // polar words of product and service feedback that the VADER lexicon lacks
        m.put("slow", -1.2);
        m.put("slower", -1.2);
        m.put("sluggish", -1.4);
        m.put("late", -1.0);
        m.put("expensive", -1.0);
        m.put("overpriced", -1.8);
        m.put("pricey", -0.8);
        m.put("overcharged", -2.0);
        m.put("buggy", -1.8);
        m.put("laggy", -1.5);
        m.put("glitchy", -1.6);
        m.put("unresponsive", -1.8);
        m.put("unreliable", -1.7);
        m.put("reliable", 1.5);
        m.put("crashes", -1.7);
        m.put("crashing", -1.7);
        m.put("crashed", -1.7);
        m.put("attentive", 1.8);
        m.put("tasty", 2.0);
        m.put("stale", -1.5);
        m.put("bland", -1.2);
        m.put("rude", -2.2);
        m.put("unhelpful", -1.8);
        m.put("intuitive", 1.6);
        m.put("seamless", 1.8);
        m.put("hassle", -1.5);
        m.put("decent", 1.0);
        m.put("reasonable", 1.0);
        m.put("reasonably", 0.8);
        m.put("mediocre", -1.3);
        m.put("subpar", -1.5);
        m.put("prompt", 1.2);
        m.put("promptly", 1.2);
        m.put("knowledgeable", 1.5);
        m.put("polite", 1.5);
        m.put("professional", 1.2);
        m.put("inattentive", -1.5);
        m.put("inefficient", -1.5);
        m.put("cramped", -1.2);
        m.put("overcrowded", -1.2);
        m.put("filthy", -2.0);
        m.put("soggy", -1.2);
        m.put("undercooked", -1.5);
        m.put("overcooked", -1.2);
        m.put("gem", 2.0);
        m.put("ripoff", -2.5);
        m.put("tasteless", -1.5);
        m.put("overrated", -1.5);
        m.put("underwhelming", -1.5);
        m.put("inedible", -2.2);
        m.put("overdone", -1.0);
        // general words of product and service feedback (speed, staff, food, price, place); not taken from any
        // evaluation set
        m.put("fast", 1.0);
        m.put("quick", 1.0);
        m.put("quickly", 0.8);
        m.put("efficient", 1.8);
        m.put("accurate", 1.0);
        m.put("impeccable", 2.5);
        m.put("impeccably", 2.5);
        m.put("authentic", 1.5);
        m.put("expert", 1.2);
        m.put("flavorful", 1.8);
        m.put("flavourful", 1.8);
        m.put("juicy", 1.2);
        m.put("tender", 1.0);
        m.put("crispy", 0.8);
        m.put("affordable", 1.2);
        m.put("inexpensive", 1.0);
        m.put("accommodating", 1.5);
        m.put("spacious", 1.0);
        m.put("cozy", 1.3);
        m.put("cosy", 1.3);
        m.put("cold", -0.8);
        m.put("lukewarm", -1.0);
        m.put("greasy", -1.0);
        m.put("salty", -0.6);
        m.put("watery", -1.2);
        m.put("burnt", -1.5);
        m.put("burned", -1.2);
        m.put("rushed", -1.2);
        m.put("forgot", -1.3);
        m.put("crowded", -0.8);
        m.put("tiny", -0.6);
        m.put("loud", -0.6);
        m.put("dismissive", -1.5);
        m.put("understaffed", -1.3);
        m.put("overpricing", -1.5);
        m.put("unable", -1.2);
        m.put("rough", -1.0);
        m.put("unlimited", 1.0);
        return Map.copyOf(m);
    }

    private static Map<String, Double> phrases() {
        Map<String, Double> m = new HashMap<>();
        // "can't" and its spellings, for the idioms where it praises ("can't beat"); "won't" and its kin before
        // "return"
        String[] negatedCan = {"can't", "cant", "cannot", "can not", "couldn't", "couldnt", "could not"};
        String[] notReturning = {"won't", "wont", "will not", "wouldn't", "wouldnt", "would not", "never", "not",
                "will never", "would never", "won't ever", "didn't", "did not", "hasn't", "has not", "haven't",
                "have not"};
        for (String p : new String[] {"never called", "never call", "never calls", "never got back", "never heard back",
                "never responded", "never replied", "never answered", "never arrived", "never received", "never came",
                "never showed", "never fixed", "never resolved", "never refunded", "no response", "no reply",
                "no answer", "no help", "no one called", "nobody called", "still waiting", "not working",
                "doesn't work", "does not work", "didn't work", "did not work", "stopped working", "not fixed",
                "not resolved", "don't care", "doesn't care", "didn't care", "did not care", "didn't help",
                "did not help", "doesn't help", "charged twice", "double charged", "hidden fees", "on hold",
                "hung up", "keeps crashing", "thumbs down", "rip off", "ripped off", "nothing special", "below average",
                "could be better", "could have been better", "could be a lot better", "could have been a lot better",
                "could be much better", "needs improvement", "room for improvement", "took for ever", "takes for ever",
                "take for ever", "could be improved", "could use improvement", "needs work", "left out"}) {
            m.put(p, -1.8);
        }
        for (String p : new String[] {"waste of time", "waste of money", "took forever", "takes forever",
                "hard to use", "difficult to use", "not worth", "too expensive", "too slow", "cancel my subscription",
                "want a refund", "want my money back"}) {
            m.put(p, -2.0);
        }
        // a negation that praises ("can't beat", "couldn't be happier") or blames ("couldn't be worse"): VADER would
        // negate the word after it
        for (String can : negatedCan) {
            for (String p : new String[] {"beat", "go wrong", "fault", "imagine better", "imagine a better",
                    "ask for better", "ask for a better", "ask for more", "have asked for more",
                    "have asked for better", "say enough", "recommend enough", "praise enough", "get enough",
                    "be happier", "have been happier", "be more pleased", "be more satisfied", "be better",
                    "have been better", "get any better"}) {
                m.put(can + " " + p, 2.0);
            }
            for (String them : new String[] {"them", "it", "you", "him", "her", "this place", "this company"}) {
                m.put(can + " recommend " + them + " enough", 2.0);
                m.put(can + " thank " + them + " enough", 2.0);
            }
            for (String p : new String[] {"be worse", "have been worse", "get any worse", "get worse", "stand"}) {
                m.put(can + " " + p, -2.0);
            }
        }
        for (String p : new String[] {"no complaints", "nothing to complain about", "doesn't get any better",
                "does not get any better", "doesn't get better", "does not get better"}) {
            m.put(p, 1.8);
        }
        // not coming back is the clearest detractor signal; a call or an item that was not returned is a complaint too
        for (String not : notReturning) {
            for (String p : new String[] {"return", "returned", "returning", "be returning", "come again",
                    "go again"}) {
                m.put(not + " " + p, -2.0);
            }
        }
        m.put("never again", -2.0);
        // having to ask or chase is a complaint about service, and being sent elsewhere a strong one
        for (String p : new String[] {"had to ask", "have to ask", "had to wait", "have to wait", "had to remind",
                "had to chase", "had to flag", "had to repeat", "until we asked", "until i asked",
                "take my business elsewhere", "take our business elsewhere", "not enough", "not nearly enough",
                "not quite enough"}) {
            m.put(p, -1.5);
        }
        for (String p : new String[] {"not crazy about", "not too crazy about", "not that crazy about",
                "would have rather", "would rather have", "should have gone", "skip the", "cost a fortune",
                "costs a fortune", "paid a fortune", "small fortune", "shell out", "with attitude", "an attitude",
                "too much", "long wait", "long waits", "wait was long", "long queue", "long queues", "long line",
                "long lines", "all we got", "all i got", "all we received", "all i received", "all we were given",
                "thanks for nothing"}) {
            m.put(p, -1.5);
        }
        for (String p : new String[] {"crazy about", "head and shoulders above", "look forward to",
                "looking forward to", "skip the line", "skip the queue", "skip the wait", "if not better",
                "if not good", "if not great", "if not the best", "if not excellent"}) {
            m.put(p, 2.0);
        }
        // "the special" of the day is a dish, not praise; "a great deal of" and "great big" are quantities
        for (String p : new String[] {"great deal of", "great many", "great big", "the special", "the specials", "daily special", "daily specials",
                "lunch special", "lunch specials", "dinner special", "dinner specials", "house special",
                "chef's special", "today's special"}) {
            m.put(p, 0.0);
        }
        // "like" as a preposition ("felt like a canteen", "tastes like cardboard") and "party" as a group of people
        // ("a party of 6", "third party") are not praise
        for (String p : new String[] {"feel like", "feels like", "felt like", "look like", "looks like",
                "looked like", "seem like", "seems like", "seemed like", "sound like", "sounds like",
                "sounded like", "taste like", "tastes like", "tasted like", "smell like", "smells like",
                "smelled like", "something like", "party of", "parties of", "third party", "our party",
                "your party", "large party", "large parties", "whole party", "entire party"}) {
            m.put(p, 0.0);
        }
        for (String p : new String[] {"easy to use", "took care of", "above and beyond", "worth the money",
                "worth every penny", "for free", "good value", "great value", "value for money", "quick response",
                "fast response", "solved my problem", "fixed my problem", "resolved my issue", "helped me", "thumbs up", "must try", "worth it", "bang for the buck",
                "bang for your buck", "be back", "come back", "coming back", "go back", "going back",
                "above average", "out of this world", "hats off", "on point", "can't wait", "cannot wait",
                "try the"}) {
            m.put(p, 2.0);
        }
        return Map.copyOf(m);
    }
}
