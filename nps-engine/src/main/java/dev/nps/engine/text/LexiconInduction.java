package dev.nps.engine.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Learns the polar words of a batch that the sentiment lexicon misses because they are misspelt: a long word the
 * lexicon does not rate, one or two slips away from a rated word of the same batch ("magnificant", "impecible",
 * "disapointed", "delicous"), takes that word's valence. A slip keeps the consonants in order (vowels changed, added
 * or dropped, a letter doubled or not: the two words have the same {@link #skeleton(String)}); the rated word must be
 * commoner in the batch than the misspelling, start with the same letter, and be the only one that close (or all
 * those that close must agree on the sign); words of seven or eight letters are only read as missing a letter
 * ("pleasnt", "beatiful"), since a changed letter there often makes another real word ("curtain", "certain").
 *
 * <p>Never learnt: words the lexicon or the feedback layer rate (or deliberately leave neutral), stop words, degree
 * adverbs and negations, and the words of the themes. The valence is capped to {@link Options#minValence()} ..
 * {@link Options#maxValence()}. The words learnt count only in {@link AspectSentiment}; whole-comment scores are
 * unchanged.
 *
 * <p>Joining unrated adjectives to rated ones ("cold and soggy", "pricey but good", after Hatzivassiloglou and
 * McKeown, 1997) was tried as well: on a batch of a few thousand comments it learnt a handful of sensible words
 * ("dry", "oily", "unique") but did not change the aspect polarity of the tuning split, so it is not part of it.
 */
final class LexiconInduction {
    /**
     * Tuning of the induction.
     *
     * @param minValence the weakest valence a learnt word gets
     * @param maxValence the strongest valence a learnt word gets
     */
    record Options(double minValence, double maxValence) {
        static final Options DEFAULT = new Options(0.6, 1.5);
    }

    /** The shortest word read as a misspelling of a rated word: shorter ones are too often other real words. */
    static final int MIN_MISSPELLING = 7;

    /** Degree adverbs (VADER's boosters and dampeners): never learnt ("incredibly" is no slip of "incredible"). */
    private static final Set<String> DEGREE = Set.of("absolutely", "amazingly", "awfully", "completely",
            "considerably", "decidedly", "deeply", "enormously", "entirely", "especially", "exceptionally",
            "extremely", "fabulously", "fully", "greatly", "highly", "hugely", "incredibly", "intensely", "majorly",
            "particularly", "purely", "remarkably", "substantially", "thoroughly", "totally", "tremendously",
            "unbelievably", "unusually", "utterly", "marginally", "partly", "scarcely", "slightly", "somewhat");
    private static final String VOWELS = "aeiouy";

    private LexiconInduction() {}

    /**
     * @param comments   the batch
     * @param themeStems the stems of the theme words, never learnt
     * @param scorer     the scorer whose lexicon says which words are rated
     * @param o          the tuning
     * @return the words learnt and their valence, sorted by word
     */
    static Map<String, Double> induce(Collection<String> comments, Set<String> themeStems, SentimentScorer scorer, Options o) {
        Map<String, Integer> frequency = new HashMap<>();
        for (String c : comments) {
            for (String w : Tokeniser.words(Tokeniser.sanitise(c))) {
                if (w.length() >= MIN_MISSPELLING) {
                    frequency.merge(w, 1, Integer::sum);
                }
            }
        }
        // the rated words of the batch, by skeleton: what its misspellings may stand for
        Map<String, List<String>> rated = new HashMap<>();
        List<String> unrated = new ArrayList<>();
        for (String w : frequency.keySet()) {
            if (scorer.wordValence(w) != 0) {
                if (!ThemeVocabulary.STOP_WORDS.contains(w)) {
                    rated.computeIfAbsent(skeleton(w), k -> new ArrayList<>(2)).add(w);
                }
            } else {
                unrated.add(w);
            }
        }
        Map<String, Double> out = new TreeMap<>();
        for (String w : unrated) {
            if (rated.containsKey(skeleton(w)) && learnable(w, themeStems, scorer)) {
                Double v = misspelling(w, frequency, rated, scorer, o);
                if (v != null) {
                    out.put(w, v);
                }
            }
        }
        return out;
    }

    /** A word that may be learnt: unrated, not a stop word, a degree adverb, a negation or a theme word. */
    static boolean learnable(String w, Set<String> themeStems, SentimentScorer scorer) {
        if (w.length() < 3 || !w.chars().allMatch(Character::isLetter)) {
            return false;
        }
        if (ThemeVocabulary.STOP_WORDS.contains(w) || DEGREE.contains(w) || SentimentScorer.negated(w)) {
            return false;
        }
        if (scorer.wordValence(w) != 0 || FeedbackDomain.valence(w) != null || SentimentScorer.lexiconValence(w) != 0) {
            return false;
        }
        return !themeStems.contains(Terms.stemOf(w));
    }

    /**
     * The valence of the rated word of the batch that {@code w} misspells, or null: the closest rated words with the
     * same skeleton, commoner than {@code w}, all of one sign.
     */
    private static Double misspelling(String w, Map<String, Integer> frequency, Map<String, List<String>> rated,
                                      SentimentScorer scorer, Options o) {
        List<String> near = rated.get(skeleton(w));
        if (near == null) {
            return null;
        }
        int count = frequency.get(w);
        int maxDistance = w.length() >= 9 ? 2 : 1;
        int best = Integer.MAX_VALUE;
        List<String> bestWords = new ArrayList<>();
        for (String r : near) {
            // the right spelling is the commoner one in the batch; a short word is read only as missing a letter
            if (r.charAt(0) != w.charAt(0) || frequency.get(r) <= count || (w.length() < 9 && w.length() >= r.length())) {
                continue;
            }
            int d = distance(w, r, maxDistance);
            if (d > maxDistance) {
                continue;
            }
            if (d < best) {
                best = d;
                bestWords.clear();
            }
            if (d == best) {
                bestWords.add(r);
            }
        }
        if (bestWords.isEmpty()) {
            return null;
        }
        double sum = 0;
        double sign = 0;
        for (String r : bestWords) {
            double v = scorer.wordValence(r);
            if (sign != 0 && Math.signum(v) != sign) {
                return null;
            }
            sign = Math.signum(v);
            sum += v;
        }
        double v = sum / bestWords.size();
        return Math.signum(v) * Math.max(o.minValence(), Math.min(o.maxValence(), Math.abs(v)));
    }

    /** The consonants of a word with doubled letters single: what a misspelling by vowels or doubling keeps. */
    static String skeleton(String w) {
        StringBuilder sb = new StringBuilder(w.length());
        char last = 0;
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (VOWELS.indexOf(c) < 0 && c != last) {
                sb.append(c);
            }
            last = c;
        }
        return sb.toString();
    }

    /** Levenshtein distance, or {@code max + 1} as soon as it exceeds {@code max}. */
    static int distance(String a, String b, int max) {
        if (Math.abs(a.length() - b.length()) > max) {
            return max + 1;
        }
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin > max) {
                return max + 1;
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
