package dev.nps.engine.text;

import dev.nps.spi.Sentiment;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sentiment towards each theme a comment mentions (aspect-level sentiment), scored on the part of the comment that
 * talks about the theme rather than on the whole comment.
 *
 * <p>The comment is cut into clauses at sentence ends, semicolons, commas, dashes and contrast words ("but",
 * "however", "although", "though", "except", "whereas", "yet", "while"). A clause that names no theme elaborates the
 * nearest clause before it that does ("the food, which was above average, ..."), so it is scored together with it;
 * negation and boosters stay inside their clause, and a contrast word separates the two sides instead of weighting
 * them. What follows a wish ("for people who want great food") is not scored: it names a quality without saying the
 * place has it. A hyphen-joined word the scorer does not rate is read as its parts ("Food-awesome"). A few
 * descriptive words VADER lacks ("sticky", "drafty", "unbearable") count here ("pretty" before them is a degree
 * adverb, not praise), and so do rules
 * that only make sense towards a theme: words whose polarity depends on the theme ("cheap" praises a price, "small"
 * faults a room or a portion), "ok" as a shrug and "just ok" as a complaint, a wait counted in time ("it took 25
 * minutes") as a complaint, and praise after "would be" / "could have been" as a complaint. In a comparison, what follows "than" describes the thing
 * compared with ("more appealing than stuffy restaurants" praises the desserts), so it is not scored
 * ({@link ClauseRules}); a clause that opens with an imperative ("try the duck", "stay away") is read by the scorer
 * as a recommendation or a warning. A theme's
 * sentiment is the mean compound of its clause groups that carry any; when none does, the whole comment's without
 * its wishes and comparisons ("Loved it. Great pasta." stays positive on food).
 *
 * <p>Immutable and thread-safe; whole-text scoring stays in {@link SentimentScorer}.
 *
 * @since 0.1
 */
public final class AspectSentiment {
    private static final Pattern CLAUSE_BREAK = Pattern.compile(
            "[.!?;,:]+(?:\\s+|$)|\\s+-+\\s+|-{2,}|\\(|\\)|(?i)\\b(?:but|however|although|though|except|whereas|yet|while)\\b");

    /**
     * Where a clause stops asserting: a wish ("for people who want great food", "if you are looking for good Thai")
     * names a quality without saying the place has it, so the rest of the clause is not scored.
     */
    private static final Pattern IRREALIS = Pattern.compile(
            "(?i)\\b(?:want|wants|wanted|wanting|looking for|hoping for|wish|wished|craving)\\b.*");


    /**
     * Words that judge the thing they describe (a room, a dish, a bill) in feedback but are missing from the VADER
     * lexicon and the feedback layer. They count only here, so whole-comment scores stay comparable with VADER's
     * published figures.
     */
    private static final Map<String, Double> DESCRIPTIVE = Map.ofEntries(
            Map.entry("unbearable", -2.0), Map.entry("drafty", -1.0), Map.entry("sticky", -0.8),
            Map.entry("chewy", -0.8), Map.entry("rubbery", -1.2), Map.entry("oily", -0.8),
            Map.entry("underseasoned", -1.2), Map.entry("pricy", -0.8), Map.entry("economical", 1.0),
            Map.entry("dingy", -1.2), Map.entry("stuffy", -0.8), Map.entry("overbearing", -1.2),
            Map.entry("sloppy", -1.3), Map.entry("spotless", 1.5), Map.entry("disorganised", -1.2),
            Map.entry("phenomenal", 3.0), Map.entry("mouthwatering", 2.5), Map.entry("succulent", 2.0),
            Map.entry("savory", 1.2), Map.entry("patient", 1.3), Map.entry("inconsistent", -1.2),
            Map.entry("flavorless", -1.5), Map.entry("oversalted", -1.5), Map.entry("unavailable", -1.0),
            // a common misspelling of a word the feedback layer rates
            Map.entry("accomodating", 1.5));

    /**
     * Words whose polarity depends on what they describe, keyed by built-in seed topic ({@link ThemeVocabulary}):
     * "cheap" and "low" praise a price but not a dish (VADER rates "low" -1.1), "small" and "tight" fault a room or a
     * portion, "waited" faults service. The value is the word's valence when it describes that theme; it replaces
     * the general one in the clause's sum only for that theme.
     */
    private static final Map<String, Map<String, Double>> BY_TOPIC = Map.of(
            "price", Map.of("cheap", 1.2, "cheaper", 1.0, "low", 0.9, "lower", 0.7, "steep", -1.2, "high", -0.9,
                    "higher", -0.7),
            "customer service", Map.of("waited", -0.9, "attitude", -1.0),
            "delivery time", Map.of("waited", -0.9),
            "atmosphere", Map.of("small", -0.6, "smaller", -0.6, "tight", -0.9),
            "food and drink", Map.of("small", -0.6, "smaller", -0.6, "large", 0.8, "big", 0.6));

    /**
     * A wait counted in time units ("it took 25 minutes to bring", "we waited an hour") is a complaint in feedback
     * even without a sentiment word.
     */
    private static final Pattern LONG_WAIT = Pattern.compile("(?i)\\b(?:took|take|takes|taking|waited|wait|waiting)\\b"
            + "(?:\\s+\\S+){0,5}?\\s+(?:\\d+|an?|one|two|three|four|five|ten|twenty|thirty|forty|fifty|few|several|over|almost|nearly)"
            + "(?:\\s*\\+)?(?:\\s+(?:more|whole|full|extra))?\\s*(?:minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\\b");
    private static final double LONG_WAIT_VALENCE = -1.5;

    /**
     * Praise after "would be" / "could have been" is praise of what the place is not ("it would be so much better
     * run by people who understand service"): it counts as a mild complaint, -0.5 times its valence.
     */
    private static final java.util.Set<String> MODALS = java.util.Set.of("would", "could", "should", "might", "wouldve",
            "couldve", "shouldve");
    private static final double COUNTERFACTUAL_WEIGHT = 1.5;

    /**
     * "OK" about a dish or a waiter is a shrug, not praise (VADER rates "ok" +1.2), and "just OK" / "only okay" is a
     * complaint.
     */
    private static final Map<String, Double> LUKEWARM = Map.of("ok", 0.0, "okay", 0.0, "alright", 0.0);
    private static final java.util.Set<String> LIMITERS = java.util.Set.of("just", "only", "merely", "barely");
    private static final double JUST_OK = -0.8;

    /** Rated words that are degree adverbs before a descriptive word ("pretty drafty", "super sticky"). */
    private static final java.util.Set<String> DEGREE = java.util.Set.of("pretty", "super");
    private static final double DEGREE_BOOST = 0.293;

    private final SentimentScorer scorer;

    /** @param scorer how a clause is scored */
    public AspectSentiment(SentimentScorer scorer) {
        this.scorer = Objects.requireNonNull(scorer, "scorer");
    }

    /** @return aspect sentiment over the customer-feedback scorer, the analyser's default */
    public static AspectSentiment forFeedback() {
        return new AspectSentiment(SentimentScorer.forFeedback());
    }

    /**
     * @param text  any comment, may be null
     * @param model the themes
     * @return theme name to sentiment, in the order of the model's tagging; empty when no theme is mentioned
     */
    public Map<String, Sentiment> byTheme(String text, ThemeModel model) {
        Objects.requireNonNull(model, "model");
        String clean = Tokeniser.sanitise(text);
        List<String> whole = model.tag(clean);
        if (whole.isEmpty()) {
            return Map.of();
        }
        Map<String, double[]> sums = new LinkedHashMap<>();
        for (String t : whole) {
            sums.put(t, new double[2]);
        }
        for (Segment segment : segments(clean, model)) {
            String clause = unhyphenate(segment.text());
            double compound = scorer.compound(clause);
            List<String> words = Tokeniser.words(clause);
            double wait = longWait(clause);
            for (String t : segment.themes()) {
                double[] acc = sums.get(t);
                if (acc == null) {
                    continue;
                }
                double c = adjust(compound, wait, words, t, model.inducedLexicon());
                if (c != 0) {
                    acc[0] += c;
                    acc[1]++;
                }
            }
        }
        double overall = Double.NaN;
        Map<String, Sentiment> out = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : sums.entrySet()) {
            double[] acc = e.getValue();
            if (acc[1] > 0) {
                out.put(e.getKey(), Sentiment.of(acc[0] / acc[1]));
            } else {
                if (Double.isNaN(overall)) {
                    overall = scorer.compound(assertedText(clean, model));
                }
                out.put(e.getKey(), Sentiment.of(overall));
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * The comment without its wishes ("if you want good Thai") and without what it compares with ("than stuffy
     * restaurants"), or the comment itself when it has neither.
     */
    private static String assertedText(String clean, ThemeModel model) {
        boolean wish = IRREALIS.matcher(clean).find();
        if (!wish && ClauseRules.comparison(clean) == null) {
            return clean;
        }
        StringBuilder sb = new StringBuilder();
        for (String clause : clauses(clean)) {
            String a = IRREALIS.matcher(clause).replaceFirst("").strip();
            String[] comparison = ClauseRules.comparison(a);
            if (comparison != null && compares(comparison, model)) {
                a = comparison[0];
            }
            if (!a.isEmpty()) {
                sb.append(sb.length() == 0 ? "" : ", ").append(a);
            }
        }
        return sb.toString();
    }

    /** The clause's compound with the descriptive words added to its VADER sum. */
    double score(String clause) {
        return score(clause, null);
    }

    /** The clause's compound towards a theme: descriptive words added, topic-dependent words re-rated for it. */
    double score(String clause, String theme) {
        String text = unhyphenate(clause);
        return adjust(scorer.compound(text), longWait(text), Tokeniser.words(text), theme, Map.of());
    }

    /**
     * "Food-awesome", "staff-friendly": a hyphen-joined word the scorer does not rate, with a part it does, is read
     * as its parts; a rated compound ("self-confident") and a neutral one ("half-price") stay as they are.
     */
    String unhyphenate(String clause) {
        if (clause.indexOf('-') < 0) {
            return clause;
        }
        StringBuilder out = null;
        int n = clause.length();
        int i = 0;
        while (i < n) {
            int start = i;
            while (i < n && !Character.isWhitespace(clause.charAt(i))) {
                i++;
            }
            int from = start;
            int to = i;
            while (from < to && !Character.isLetter(clause.charAt(from))) {
                from++;
            }
            while (to > from && !Character.isLetter(clause.charAt(to - 1))) {
                to--;
            }
            String token = clause.substring(from, to).toLowerCase(java.util.Locale.ROOT);
            if (token.indexOf('-') > 0 && scorer.wordValence(token) == 0 && ratedPart(token)) {
                if (out == null) {
                    out = new StringBuilder(clause);
                }
                for (int k = from; k < to; k++) {
                    if (clause.charAt(k) == '-') {
                        out.setCharAt(k, ' ');
                    }
                }
            }
            while (i < n && Character.isWhitespace(clause.charAt(i))) {
                i++;
            }
        }
        return out == null ? clause : out.toString();
    }

    private boolean ratedPart(String token) {
        for (String part : token.split("-")) {
            if (!part.isEmpty() && (scorer.wordValence(part) != 0 || DESCRIPTIVE.containsKey(part))) {
                return true;
            }
        }
        return false;
    }

    /** "would be better", "could have been nice": praise of what the place is not. */
    private static boolean counterfactual(List<String> words, int i) {
        boolean modal = false;
        boolean be = false;
        for (int k = Math.max(0, i - 4); k < i; k++) {
            String w = words.get(k);
            modal |= MODALS.contains(w);
            be |= modal && (w.equals("be") || w.equals("been"));
        }
        return be;
    }

    private static double longWait(String clause) {
        return LONG_WAIT.matcher(clause).find() ? LONG_WAIT_VALENCE : 0;
    }

    /**
     * @param extra   what the clause adds to the sum whatever the theme (a long wait)
     * @param induced the batch's own polar words ({@link ThemeModel#inducedLexicon()}), counted like the descriptive
     *                words when the scorer does not rate them
     */
    private double adjust(double c, double extra, List<String> words, String theme, Map<String, Double> induced) {
        Map<String, Double> topical = theme == null ? Map.of() : BY_TOPIC.getOrDefault(theme, Map.of());
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            Double v = DESCRIPTIVE.get(w);
            if (v == null && !induced.isEmpty()) {
                v = induced.get(w);
                v = v == null || scorer.wordValence(w) != 0 ? null : v;
            }
            if (v != null && i > 0 && DEGREE.contains(words.get(i - 1)) && scorer.wordValence(w) == 0) {
                // the scorer read "pretty" in "pretty drafty" as praise: it is a degree adverb here
                v += Math.signum(v) * DEGREE_BOOST - scorer.wordValence(words.get(i - 1));
            }
            Double t = topical.get(w);
            if (t == null) {
                t = LUKEWARM.get(w);
                if (t != null && i > 0 && LIMITERS.contains(words.get(i - 1))) {
                    t = JUST_OK;
                }
            }
            if (t != null) {
                v = (v == null ? 0 : v) + t - scorer.wordValence(w);
            }
            if (counterfactual(words, i)) {
                double general = scorer.wordValence(w);
                if (general > 0) {
                    v = (v == null ? 0 : v) - COUNTERFACTUAL_WEIGHT * general;
                }
            }
            if (v != null && v != 0) {
                boolean negated = false;
                for (int k = Math.max(0, i - 3); k < i; k++) {
                    negated |= SentimentScorer.negated(words.get(k));
                }
                extra += negated ? -0.74 * v : v;
            }
        }
        if (extra == 0) {
            return c;
        }
        // back from the normalised compound to VADER's sum, add, normalise again
        double cc = Math.max(-0.999, Math.min(0.999, c));
        double sum = Math.signum(cc) * Math.sqrt(SentimentScorer.ALPHA * cc * cc / (1 - cc * cc));
        return SentimentScorer.normalise(sum + extra);
    }

    /** A run of clauses about the same themes: a clause naming themes and the theme-less clauses after it. */
    record Segment(String text, List<String> themes) {}

    /**
     * Whether a comparison's complement is about something other than the comment's theme: the clause names a theme
     * before "than", or none at all. "Nothing beats the food" style praise ("nothing is better than the food") keeps
     * its complement.
     */
    private static boolean compares(String[] comparison, ThemeModel model) {
        return !model.tag(comparison[0]).isEmpty() || model.tag(comparison[1]).isEmpty();
    }

    static List<Segment> segments(String text, ThemeModel model) {
        List<String> clauses = clauses(text);
        List<Segment> out = new ArrayList<>();
        for (String clause : clauses) {
            List<String> themes = model.tag(clause);
            String asserted = IRREALIS.matcher(clause).replaceFirst("").strip();
            String[] comparison = ClauseRules.comparison(asserted);
            if (comparison != null && compares(comparison, model)) {
                // what follows "than" describes the thing compared with, not the subject: only the comparative counts
                asserted = comparison[0];
                themes = model.tag(asserted);
            }
            if (themes.isEmpty()) {
                // a theme-less opening ("I was disappointed, but ...") says nothing sure about the themes after it
                if (!out.isEmpty()) {
                    Segment last = out.remove(out.size() - 1);
                    out.add(new Segment(last.text() + ", " + asserted, last.themes()));
                }
            } else {
                out.add(new Segment(asserted, themes));
            }
        }
        return out;
    }

    static List<String> clauses(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = CLAUSE_BREAK.matcher(text);
        int start = 0;
        while (m.find()) {
            add(out, text.substring(start, m.start()));
            start = m.end();
        }
        add(out, text.substring(start));
        return out;
    }

    private static void add(List<String> out, String part) {
        String p = part.strip();
        if (!p.isEmpty()) {
            out.add(p);
        }
    }
}
