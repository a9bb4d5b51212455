package dev.nps.engine.text;

import dev.nps.spi.Sentiment;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Rule-based sentiment: our implementation of VADER (Hutto and Gilbert, ICWSM 2014) over its MIT-licensed lexicon,
 * optionally with a layer for customer-feedback vocabulary. Immutable and thread-safe; never throws for odd text.
 *
 * <p>The rules: lexicon valence per token; boosters and dampeners within three tokens before a word (scaled 1,
 * 0.95, 0.9 by distance); ALL-CAPS emphasis when the text is not all in capitals; negation within three tokens
 * ({@code not}, {@code n't}, {@code never}, ...; "never so/this" amplifies, "without doubt" does not negate),
 * {@code no} before a sentiment word, {@code least} (but not "at least"/"very least"), contrastive {@code but}
 * (before x0.5, after x1.5), special idioms, exclamation marks (+0.292 each, at most four) and question marks,
 * emoji through their descriptions, and the normalisation {@code x / sqrt(x^2 + 15)}. Negation and {@code but}
 * are case-insensitive.
 *
 * @since 0.1
 */
public final class SentimentScorer {
    private static final double B_INCR = 0.293;
    private static final double B_DECR = -0.293;
    private static final double C_INCR = 0.733;
    private static final double N_SCALAR = -0.74;
    /** VADER's normalisation constant: the sum at which the compound reaches about 0.25 per unit. {@value} */
    static final double ALPHA = 15;

    private static final Set<String> NEGATE = Set.of("aint", "arent", "cannot", "cant", "couldnt", "darent",
            "didnt", "doesnt", "ain't", "aren't", "can't", "couldn't", "daren't", "didn't", "doesn't", "dont",
            "hadnt", "hasnt", "havent", "isnt", "mightnt", "mustnt", "neither", "don't", "hadn't", "hasn't",
            "haven't", "isn't", "mightn't", "mustn't", "neednt", "needn't", "never", "none", "nope", "nor", "not",
            "nothing", "nowhere", "oughtnt", "shant", "shouldnt", "uhuh", "wasnt", "werent", "oughtn't", "shan't",
            "shouldn't", "uh-uh", "wasn't", "weren't", "without", "wont", "wouldnt", "won't", "wouldn't", "rarely",
            "seldom", "despite");

    private static final Map<String, Double> BOOSTERS = boosters();

    /** Neutral words added to every text in the NPS variant's proportion measure (chosen on the tuning split). */
    private static final double PROPORTION_PRIOR = 2;

    /** Rated words that are degree adverbs before another rated word, with the boost they give it there. */
    private static final Map<String, Double> INTENSIFIERS = Map.of("pretty", 0.0, "super", B_INCR,
            "freaking", B_INCR, "freakin", B_INCR, "damn", B_INCR, "damned", B_INCR, "fricking", B_INCR);

    /** Rated adverbs of certainty, which only strengthen a negation after them. */
    private static final Set<String> CERTAINTY = Set.of("certainly", "definitely", "surely", "truly", "honestly");

    private static final Map<String, Double> SPECIAL_CASES = Map.ofEntries(
            Map.entry("the shit", 3.0), Map.entry("the bomb", 3.0), Map.entry("bad ass", 1.5),
            Map.entry("badass", 1.5), Map.entry("bus stop", 0.0), Map.entry("yeah right", -2.0),
            Map.entry("kiss of death", -1.5), Map.entry("to die for", 3.0), Map.entry("beating heart", 3.1),
            Map.entry("broken heart", -2.9));

    private static final VaderLexicon LEXICON = VaderLexicon.load();

    private final boolean feedbackDomain;
    private final NpsRules rules;

    private SentimentScorer(boolean feedbackDomain, NpsRules rules) {
        this.feedbackDomain = feedbackDomain;
        this.rules = rules;
    }

    /**
     * What the NPS variant changes in the documented VADER rules with the feedback layer; each rule can be switched
     * off to measure what it contributes. The numbers were chosen on a fixed 30% tuning split of the VADER ground
     * truth (see nps-benchmarks' SentimentEvaluation), never on the other 70%.
     *
     * @param addedWords       evaluative words of everyday English the VADER lexicon lacks ("pointless", "tedious",
     *                         "insightful"; resource {@code nps_lexicon_additions.txt}, written by hand)
     * @param derivedAdverbs   an adverb missing from the lexicon takes its adjective's valence ("hilariously")
     * @param elongation       a word not in the lexicon is looked up again with repeated letters squeezed
     *                         ("goooood", "yesss") and with a dropped g restored ("lovin")
     * @param intensifiers     "pretty", "super", "freaking", "damn" before a rated word are degree adverbs, not
     *                         praise or blame of their own ("pretty bad", "freaking love"); so are
     *                         "certainly", "definitely" before a negation ("certainly isn't")
     * @param shouting         a text all in capitals gets the capitals emphasis too (VADER gives it only when some
     *                         words are not in capitals)
     * @param negatedNegative  the scalar of a negated negative word ("not bad" is faint praise); VADER uses -0.74
     *                         for both signs, which makes "not bad" nearly as positive as "good"
     * @param negativeWeight   the weight of negative valences in the sum (negativity bias); 1 is VADER
     * @param exclamation      the emphasis per exclamation mark (at most four); VADER's is 0.292
     * @param proportionWeight how much of the compound comes from VADER's proportion measure
     *                         {@code (pos - neg) / (pos + neg + neutral + 2)} instead of the normalised sum, so that
     *                         one mild word in a long neutral text counts less; 0 is VADER
     * @param negationScope    a negation with a negative word after it belongs to that word and does not reach a
     *                         word further on ("let's not forget the outstanding pizza", "won't disappoint anyone
     *                         hungry"); VADER negates every word up to three tokens after a negator
     */
    record NpsRules(boolean addedWords, boolean derivedAdverbs, boolean elongation, boolean intensifiers,
            boolean shouting, double negatedNegative, double negativeWeight, double exclamation,
            double proportionWeight, boolean negationScope) {
        /** The documented VADER rules alone. */
        static final NpsRules NONE = new NpsRules(false, false, false, false, false, N_SCALAR, 1, 0.292, 0, false);
        /** The NPS variant. */
        static final NpsRules DEFAULT = new NpsRules(true, true, true, true, true, -0.4, 1.1, 0.7, 0.4, true);

        boolean on() {
            return !equals(NONE);
        }
    }

    /**
     * @return plain VADER: the reference implementation (vaderSentiment 3.3) rule for rule, including its quirks
     *         (its operator precedence in the "never so/this" check, its value-indexed "but" rule, emoji read one code
     *         point at a time, no HTML unescaping), so its compound scores equal the reference's
     */
    public static SentimentScorer vader() {
        return new SentimentScorer(false, NpsRules.NONE);
    }

    /**
     * @return VADER with the rules as documented rather than as the reference codes them, plus the customer-feedback
     *         layer ({@link FeedbackDomain}), without the fixes of {@link #nps()}
     */
    public static SentimentScorer forFeedback() {
        return new SentimentScorer(true, NpsRules.NONE);
    }

    /**
     * The analyser's default: {@link #forFeedback()} with known weaknesses of VADER fixed. It reads evaluative words
     * the VADER lexicon lacks ("pointless", "insightful") and adverbs of rated adjectives ("hilariously"), elongated
     * and g-dropped words ("goooood", "lovin"); treats "pretty", "super", "freaking", "damn" before a rated word as
     * degree adverbs, as "certainly"/"definitely" before a negation; emphasises a text all in capitals; makes a negated negative faint praise ("not bad") rather than
     * praise, and stops a negation at the negative word it meets ("let's not forget the outstanding pizza"); weighs negative words a little more (negativity bias) and exclamation marks more; and blends the
     * normalised sum with VADER's proportion of positive and negative words, so that one mild word in a long neutral
     * text counts less. On the VADER ground truth its correlation with the human mean is above the paper's on all
     * four sets, also on the 70% not used to choose its numbers (see nps-benchmarks' eval-text.sh).
     *
     * @return the NPS scorer
     * @since 0.1
     */
    public static SentimentScorer nps() {
        return new SentimentScorer(true, NpsRules.DEFAULT);
    }

    /** @return a scorer with these rules over the documented VADER rules and the feedback layer (for ablations) */
    static SentimentScorer withRules(NpsRules rules) {
        return new SentimentScorer(true, java.util.Objects.requireNonNull(rules, "rules"));
    }

    /**
     * @param text any text, may be null, empty, huge or binary
     * @return the sentiment; {@link Sentiment#NEUTRAL} when nothing in the text carries sentiment
     */
    public Sentiment score(String text) {
        return Sentiment.of(compound(text));
    }

    /**
     * @param text any text, may be null
     * @return the compound score in -1..1
     */
    public double compound(String text) {
        return normalise(valenceSum(text));
    }

    /**
     * @return the sum of the valences after the rules and the punctuation emphasis, before normalisation; in the NPS
     *         variant the sum whose normalisation is the blend with the proportion measure
     */
    double valenceSum(String text) {
        // plain VADER reads the text as the reference does: no HTML unescaping, emoji one code point at a time
        String sanitised = Tokeniser.sanitise(text, feedbackDomain);
        if (rules.on()) {
            // "don’t" negates like "don't"
            sanitised = sanitised.replace('\u2019', '\'');
        }
        String clean = LEXICON.replaceEmoji(sanitised, feedbackDomain).strip();
        if (clean.isEmpty()) {
            return 0;
        }
        List<String> tokens = Tokeniser.sentimentTokens(clean);
        int n = tokens.size();
        if (n == 0) {
            return 0;
        }
        String[] raw = tokens.toArray(new String[0]);
        String[] lower = new String[n];
        boolean[] upper = new boolean[n];
        int upperCount = 0;
        for (int i = 0; i < n; i++) {
            lower[i] = raw[i].toLowerCase(Locale.ROOT);
            upper[i] = Tokeniser.isUpper(raw[i]);
            if (upper[i]) {
                upperCount++;
            }
        }
        boolean capDiff = (upperCount > 0 && upperCount < n) || (rules.shouting() && upperCount >= 2 && upperCount == n);
        boolean[] clauseEnd = rules.on() ? Tokeniser.clauseEnds(clean, n) : null;
        double[] sentiments = new double[n];
        int modifiers = 0;
        for (int i = 0; i < n; i++) {
            String w = lower[i];
            if (BOOSTERS.containsKey(w) || (i < n - 1 && w.equals("kind") && lower[i + 1].equals("of"))) {
                modifiers++;
                continue;
            }
            if (rules.intensifiers() && i < n - 1 && INTENSIFIERS.containsKey(w) && (inLexicon(lower[i + 1])
                    || BOOSTERS.containsKey(lower[i + 1]) || lower[i + 1].equals("much"))) {
                modifiers++;
                continue;
            }
            if (rules.intensifiers() && i < n - 1 && CERTAINTY.contains(w) && negated(lower[i + 1])) {
                // "certainly isn't", "definitely not": certainty about a negation is not praise
                modifiers++;
                continue;
            }
            sentiments[i] = valence(raw, lower, upper, capDiff, i);
        }
        if (feedbackDomain) {
            FeedbackDomain.applyPhrases(lower, sentiments, clauseEnd);
            FeedbackDomain.applyRhetoricalQuestions(clean, lower, sentiments);
        }
        if (feedbackDomain) {
            butCheck(lower, sentiments);
        } else {
            referenceButCheck(lower, sentiments);
        }
        double sum = 0;
        for (double s : sentiments) {
            sum += s < 0 ? s * rules.negativeWeight() : s;
        }
        double emphasis = punctuationEmphasis(clean, rules.exclamation());
        if (sum > 0) {
            sum += emphasis;
        } else if (sum < 0) {
            sum -= emphasis;
        }
        if (rules.proportionWeight() > 0 && sum != 0) {
            double pos = 0;
            double neg = 0;
            int neutral = 0;
            for (double s : sentiments) {
                if (s > 0) {
                    pos += s + 1;
                } else if (s < 0) {
                    neg += s - 1;
                } else {
                    neutral++;
                }
            }
            // degree words modify a rated word, they do not dilute it like neutral content; the prior keeps a
            // one-word comment ("Meh.", "ok") from counting as wholly positive or negative
            double share = (pos + neg) / (pos - neg + Math.max(0, neutral - modifiers) + PROPORTION_PRIOR);
            double c = (1 - rules.proportionWeight()) * normalise(sum) + rules.proportionWeight() * share;
            c = Math.max(-0.999, Math.min(0.999, c));
            return c * Math.sqrt(ALPHA / (1 - c * c));
        }
        return sum;
    }

    /**
     * The sentiment towards each theme a comment mentions, read from the clauses about it with this scorer: "the food
     * was great but the service was slow" is positive on food and negative on service. The same as
     * {@code new AspectSentiment(this).byTheme(text, model)}, which holds the rules.
     *
     * @param text  any comment, may be null
     * @param model the themes
     * @return theme name to sentiment, in the order of the model's tagging; empty when no theme is mentioned
     */
    public Map<String, Sentiment> byTheme(String text, ThemeModel model) {
        return new AspectSentiment(this).byTheme(text, model);
    }

    /** @return the VADER valence of a lower-case word, or 0 when it is not in the lexicon */
    static double lexiconValence(String lower) {
        Double v = LEXICON.valence(lower);
        return v == null ? 0 : v;
    }

    /** @return {@code x / sqrt(x^2 + alpha)} clipped to -1..1 */
    static double normalise(double score) {
        double norm = score / Math.sqrt(score * score + ALPHA);
        return Math.max(-1, Math.min(1, norm));
    }

    /** @return this scorer's valence of a lower-case word before any rule, 0 when it rates none */
    double wordValence(String lower) {
        Double v = lexicon(lower);
        return v == null ? 0 : v;
    }

    private Double lexicon(String lower) {
        if (feedbackDomain) {
            Double d = FeedbackDomain.valence(lower);
            if (d != null) {
                return Double.isNaN(d) ? null : d;
            }
        }
        if (rules.addedWords() && rules.derivedAdverbs()) {
            // one look-up in the lexicon with the additions and derived adverbs, the analyser's hot path
            Double v = LEXICON.extended(lower);
            return v != null || !rules.elongation() ? v : informalValence(lower);
        }
        Double v = LEXICON.valence(lower);
        if (v != null || !rules.on()) {
            return v;
        }
        return npsValence(lower, true);
    }

    /** The NPS variant's look-up of a word the VADER lexicon lacks. */
    private Double npsValence(String lower, boolean squeeze) {
        Double v = null;
        if (rules.addedWords()) {
            v = LEXICON.added(lower);
        }
        if (v == null && rules.derivedAdverbs()) {
            v = LEXICON.adverb(lower);
        }
        if (v == null && squeeze && rules.elongation()) {
            v = informalValence(lower);
        }
        return v;
    }

    /** "goooood" as "good", "yesss" as "yes", "lovin" as "loving"; null when none of those is rated. */
    private Double informalValence(String lower) {
        String squeezed = VaderLexicon.squeeze(lower, 2);
        if (squeezed != null) {
            Double v = informal(squeezed);
            return v != null ? v : informal(VaderLexicon.squeeze(lower, 1));
        }
        return lower.length() > 4 && lower.endsWith("in") ? informal(lower + "g") : null;
    }

    private Double informal(String form) {
        Double v = LEXICON.valence(form);
        return v != null ? v : npsValence(form, false);
    }

    /** Negation: VADER's scalar, or the NPS variant's milder one for a negative word ("not bad" is faint praise). */
    private double negate(double valence) {
        return valence < 0 ? valence * rules.negatedNegative() : valence * N_SCALAR;
    }

    private boolean inLexicon(String lower) {
        return lexicon(lower) != null;
    }

    private double valence(String[] raw, String[] lower, boolean[] upper, boolean capDiff, int i) {
        Double base = lexicon(lower[i]);
        if (base == null) {
            return 0;
        }
        int n = lower.length;
        double valence = base;
        if (lower[i].equals("no") && i != n - 1 && inLexicon(lower[i + 1])) {
            // "no" before a sentiment word negates that word instead of counting itself
            valence = 0;
        }
        if ((i > 0 && lower[i - 1].equals("no")) || (i > 1 && lower[i - 2].equals("no"))
                || (i > 2 && lower[i - 3].equals("no") && (lower[i - 1].equals("or") || lower[i - 1].equals("nor")))) {
            valence = negate(base);
        }
        if (upper[i] && capDiff) {
            valence += valence > 0 ? C_INCR : -C_INCR;
        }
        for (int startI = 0; startI < 3; startI++) {
            int j = i - (startI + 1);
            if (j >= 0 && (!inLexicon(lower[j]) || (rules.intensifiers() && startI == 0 && INTENSIFIERS.containsKey(lower[j])))) {
                double s = scalarIncDec(raw[j], lower[j], upper[j], valence, capDiff);
                if (startI == 1 && s != 0) {
                    s *= 0.95;
                } else if (startI == 2 && s != 0) {
                    s *= 0.9;
                }
                valence += s;
                if (!(rules.negationScope() && startI > 0 && negated(lower[j]) && negativeBetween(lower, j, i))) {
                    valence = negationCheck(valence, lower, startI, i);
                }
                if (startI == 2) {
                    valence = specialIdioms(valence, lower, i, feedbackDomain);
                }
            }
        }
        return leastCheck(valence, lower, i);
    }

    /**
     * Whether a negative word stands between the negator at {@code j} and the word at {@code i}: the negation is
     * that word's ("let's not forget the outstanding pizza", "won't disappoint a hungry crowd"), not the later one's.
     */
    private boolean negativeBetween(String[] lower, int j, int i) {
        for (int k = j + 1; k < i; k++) {
            Double v = lexicon(lower[k]);
            if (v != null && v < 0 && !INTENSIFIERS.containsKey(lower[k])) {
                return true;
            }
        }
        return false;
    }

    private double scalarIncDec(String raw, String lower, boolean upper, double valence, boolean capDiff) {
        Double b = BOOSTERS.get(lower);
        if (b == null && rules.intensifiers()) {
            b = INTENSIFIERS.get(lower);
        }
        if (b == null) {
            return 0;
        }
        double scalar = valence < 0 ? -b : b;
        if (upper && capDiff) {
            scalar += valence > 0 ? C_INCR : -C_INCR;
        }
        return scalar;
    }

    static boolean negated(String lower) {
        return NEGATE.contains(lower) || lower.contains("n't");
    }

    /**
     * @param intended true for the rule as documented; false for the reference implementation's operator
     *                 precedence, under which any word three places back followed by "so"/"this" just before the
     *                 sentiment word amplifies it (x1.25), negator or not; plain VADER keeps that for fidelity
     */
    private double negationCheck(double valence, String[] w, int startI, int i) {
        boolean intended = feedbackDomain;
        switch (startI) {
            case 0:
                return negated(w[i - 1]) ? negate(valence) : valence;
            case 1:
                if (w[i - 2].equals("never") && (w[i - 1].equals("so") || w[i - 1].equals("this"))) {
                    return valence * 1.25;
                }
                if (w[i - 2].equals("without") && w[i - 1].equals("doubt")) {
                    return valence;
                }
                return negated(w[i - 2]) ? negate(valence) : valence;
            default:
                boolean soThisBefore = w[i - 1].equals("so") || w[i - 1].equals("this");
                boolean neverSoThis = w[i - 3].equals("never") && (w[i - 2].equals("so") || w[i - 2].equals("this"));
                if (intended ? w[i - 3].equals("never") && (neverSoThis || soThisBefore) : neverSoThis || soThisBefore) {
                    return valence * 1.25;
                }
                if (w[i - 3].equals("without") && (w[i - 2].equals("doubt") || w[i - 1].equals("doubt"))) {
                    return valence;
                }
                return negated(w[i - 3]) ? negate(valence) : valence;
        }
    }

    private static double specialIdioms(double valence, String[] w, int i, boolean aroundWord) {
        String oneZero = w[i - 1] + " " + w[i];
        String twoOneZero = w[i - 2] + " " + oneZero;
        String twoOne = w[i - 2] + " " + w[i - 1];
        String threeTwoOne = w[i - 3] + " " + twoOne;
        String threeTwo = w[i - 3] + " " + w[i - 2];
        for (String seq : new String[] {oneZero, twoOneZero, twoOne, threeTwoOne, threeTwo}) {
            Double v = SPECIAL_CASES.get(seq);
            if (v != null) {
                valence = v;
                break;
            }
        }
        if (w.length - 1 > i) {
            Double v = SPECIAL_CASES.get(w[i] + " " + w[i + 1]);
            if (v != null) {
                valence = v;
            }
        }
        if (aroundWord && w.length - 1 > i) {
            // an idiom around the word ("to die for"), which the reference misses
            Double v = SPECIAL_CASES.get(w[i - 1] + " " + w[i] + " " + w[i + 1]);
            if (v != null) {
                valence = v;
            }
        }
        if (w.length - 1 > i + 1) {
            Double v = SPECIAL_CASES.get(w[i] + " " + w[i + 1] + " " + w[i + 2]);
            if (v != null) {
                valence = v;
            }
        }
        for (String gram : new String[] {threeTwoOne, threeTwo, twoOne}) {
            Double b = BOOSTERS.get(gram);
            if (b != null) {
                valence += b;
            }
        }
        return valence;
    }

    private double leastCheck(double valence, String[] w, int i) {
        if (i > 1 && w[i - 1].equals("least") && !inLexicon(w[i - 1])) {
            if (!w[i - 2].equals("at") && !w[i - 2].equals("very")) {
                return negate(valence);
            }
        } else if (i > 0 && w[i - 1].equals("least") && !inLexicon(w[i - 1])) {
            return negate(valence);
        }
        return valence;
    }

    /** Contrastive "but": what comes after it weighs more than what comes before (first "but" only, as VADER). */
    private static void butCheck(String[] w, double[] sentiments) {
        int bi = -1;
        for (int i = 0; i < w.length; i++) {
            if (w[i].equals("but")) {
                bi = i;
                break;
            }
        }
        if (bi < 0) {
            return;
        }
        for (int i = 0; i < sentiments.length; i++) {
            if (i < bi) {
                sentiments[i] *= 0.5;
            } else if (i > bi) {
                sentiments[i] *= 1.5;
            }
        }
    }

    /**
     * The reference implementation's "but" rule, kept for plain VADER: it walks the scores by value
     * ({@code list.index}), so a score equal to an earlier one is looked up at the earlier position; a repeated
     * value can then be halved twice while its later twin keeps its weight.
     */
    private static void referenceButCheck(String[] w, double[] sentiments) {
        int bi = -1;
        for (int i = 0; i < w.length; i++) {
            if (w[i].equals("but")) {
                bi = i;
                break;
            }
        }
        if (bi < 0) {
            return;
        }
        for (int k = 0; k < sentiments.length; k++) {
            double value = sentiments[k];
            int si = 0;
            while (sentiments[si] != value) {
                si++;
            }
            if (si < bi) {
                sentiments[si] = value * 0.5;
            } else if (si > bi) {
                sentiments[si] = value * 1.5;
            }
        }
    }

    private static double punctuationEmphasis(String text, double perExclamation) {
        int ep = Math.min(4, Tokeniser.count(text, '!'));
        int qm = Tokeniser.count(text, '?');
        double qmAmp = qm > 1 ? (qm <= 3 ? qm * 0.18 : 0.96) : 0;
        return ep * perExclamation + qmAmp;
    }

    private static Map<String, Double> boosters() {
        Map<String, Double> m = new HashMap<>();
        for (String w : ("absolutely amazingly awfully completely considerable considerably decidedly deeply effing "
                + "enormous enormously entirely especially exceptional exceptionally extreme extremely fabulously "
                + "flipping flippin frackin fracking fricking frickin frigging friggin fully fuckin fucking fuggin "
                + "fugging greatly hella highly hugely incredible incredibly intensely major majorly more most "
                + "particularly purely quite really remarkably so substantially thoroughly total totally tremendous "
                + "tremendously uber unbelievably unusually utter utterly very").split(" ")) {
            m.put(w, B_INCR);
        }
        for (String w : ("almost barely hardly kinda kindof kind-of less little marginal marginally occasional "
                + "occasionally partly scarce scarcely slight slightly somewhat sorta sortof sort-of").split(" ")) {
            m.put(w, B_DECR);
        }
        m.put("just enough", B_DECR);
        m.put("kind of", B_DECR);
        m.put("sort of", B_DECR);
        return Map.copyOf(m);
    }
}
