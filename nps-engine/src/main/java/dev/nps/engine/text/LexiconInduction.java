package dev.nps.engine.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Learns a few polar words of a batch's own domain, without labels, from how words the sentiment lexicon does not
 * rate are used next to words it does (after Hatzivassiloglou and McKeown, 1997):
 *
 * <ul>
 *   <li>adjectives joined by "and", "or" or a comma share their polarity ("cold and soggy", "fresh, flaky"), and
 *       joined by "but" or "yet" they take the opposite one ("pricey but delicious");</li>
 *   <li>a word needs at least {@link Options#minCount()} such links, nearly all of one sign, and its valence is
 *       capped well below the lexicon's strong words;</li>
 *   <li>a long word that is one misspelling away from a rated word ("magnificant", "impecible": vowels changed,
 *       added or dropped, a letter doubled or not) takes that word's valence, unless a word of the batch is just as
 *       close.</li>
 * </ul>
 *
 * <p>Never learnt: words the lexicon or the feedback layer rate (or deliberately leave neutral), stop words, degree
 * adverbs and negations, and the words of the themes (a theme word next to "great" is what is great, not a
 * judgement). The words learnt count only in {@link AspectSentiment}; whole-comment scores are unchanged.
 */
final class LexiconInduction {
    /**
     * Tuning of the induction.
     *
     * @param minCount     fewest links (conjunctions) a word needs
     * @param minAgreement least share of its links that must agree on the sign
     * @param minValence   the valence of a word learnt from weak evidence
     * @param maxValence   the strongest valence a learnt word gets
     * @param spelling     whether misspellings of rated words are learnt
     */
    record Options(int minCount, double minAgreement, double minValence, double maxValence, boolean spelling) {
        static final Options DEFAULT = new Options(2, 0.8, 0.6, 1.5, true);
    }

    /** The shortest word read as a misspelling of a rated word: shorter ones are too often other real words. */
    static final int MIN_MISSPELLING = 7;
    /** Least absolute valence of a rated word for it to lend its polarity. */
    private static final double MIN_ANCHOR = 1.0;

    /** Degree adverbs (VADER's boosters and dampeners): skipped between the joined words, never learnt. */
    private static final Set<String> DEGREE = Set.of("absolutely", "amazingly", "awfully", "completely",
            "considerably", "decidedly", "deeply", "enormously", "entirely", "especially", "exceptionally",
            "extremely", "fabulously", "fully", "greatly", "highly", "hugely", "incredibly", "intensely", "majorly",
            "more", "most", "particularly", "purely", "quite", "really", "remarkably", "so", "substantially",
            "thoroughly", "totally", "tremendously", "unbelievably", "unusually", "utterly", "very", "almost",
            "barely", "hardly", "just", "marginally", "partly", "scarcely", "slightly", "somewhat", "pretty",
            "super", "fairly", "rather", "bit", "little", "kinda", "sorta", "also", "always", "often",
            "usually", "consistently", "generally", "still", "even");
    private static final Set<String> SAME = Set.of("and", ",", "or", "&");
    private static final Set<String> OPPOSITE = Set.of("but", "yet");
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
        Map<String, Boolean> candidate = new HashMap<>();
        Map<String, double[]> votes = new HashMap<>();
        Map<String, Integer> frequency = new HashMap<>();
        Set<String> predicative = new java.util.HashSet<>();
        for (String c : comments) {
            List<String> tokens = tokens(Tokeniser.sanitise(c));
            int n = tokens.size();
            for (int i = 0; i < n; i++) {
                String w = tokens.get(i);
                if (!isWord(w)) {
                    continue;
                }
                frequency.merge(w, 1, Integer::sum);
                if (!candidate.computeIfAbsent(w, x -> learnable(x, themeStems, scorer))) {
                    continue;
                }
                if (predicative(tokens, i)) {
                    predicative.add(w);
                }
                if (negatedBefore(tokens, i)) {
                    continue;
                }
                // the rated word before: "<rated> and <w>"
                link(votes, w, tokens, i, -1, scorer);
                // the rated word after: "<w> and <rated>"
                link(votes, w, tokens, i, +1, scorer);
            }
        }
        Map<String, Double> out = new TreeMap<>();
        votes.forEach((w, v) -> {
            if (!predicative.contains(w)) {
                // only adjectives: a word never seen after "is", "was", "very", "too" is likely a noun of a list
                return;
            }
            double pos = v[0];
            double neg = v[1];
            double total = pos + neg;
            if (total < o.minCount()) {
                return;
            }
            double agree = Math.max(pos, neg) / total;
            if (agree < o.minAgreement()) {
                return;
            }
            double meanAbs = v[2] / total;
            double valence = Math.max(o.minValence(), Math.min(o.maxValence(), 0.5 * meanAbs * (2 * agree - 1)));
            out.put(w, pos > neg ? valence : -valence);
        });
        if (o.spelling()) {
            // the rated words of the batch, by skeleton: what its misspellings may stand for
            Map<String, List<String>> rated = new HashMap<>();
            for (String w : frequency.keySet()) {
                if (w.length() >= MIN_MISSPELLING && Boolean.FALSE.equals(candidate.get(w)) && scorer.wordValence(w) != 0
                        && !ThemeVocabulary.STOP_WORDS.contains(w)) {
                    rated.computeIfAbsent(skeleton(w), k -> new ArrayList<>(2)).add(w);
                }
            }
            for (Map.Entry<String, Integer> e : frequency.entrySet()) {
                String w = e.getKey();
                if (w.length() >= MIN_MISSPELLING && !out.containsKey(w) && Boolean.TRUE.equals(candidate.get(w))) {
                    Double v = misspelling(w, frequency, rated, scorer, o);
                    if (v != null) {
                        out.put(w, v);
                    }
                }
            }
        }
        return out;
    }

    /**
     * Looks for a rated word joined to {@code tokens[i]} on one side, across degree adverbs, and records its vote.
     *
     * @param dir -1 for the word before, +1 for the word after
     */
    private static void link(Map<String, double[]> votes, String w, List<String> tokens, int i, int dir, SentimentScorer scorer) {
        int n = tokens.size();
        int k = i + dir;
        // degree adverbs right next to w ("and very soggy")
        while (k >= 0 && k < n && DEGREE.contains(tokens.get(k))) {
            k += dir;
        }
        if (k < 0 || k >= n) {
            return;
        }
        String joint = tokens.get(k);
        boolean opposite = OPPOSITE.contains(joint);
        if (!opposite && !SAME.contains(joint)) {
            return;
        }
        k += dir;
        // ", and", ", but", "and,"
        if (k >= 0 && k < n && !tokens.get(k).equals(joint) && (SAME.contains(tokens.get(k)) || OPPOSITE.contains(tokens.get(k)))) {
            opposite |= OPPOSITE.contains(tokens.get(k));
            k += dir;
        } else if (joint.equals(",") && dir > 0 && (i == 0 || tokens.get(i - 1).equals("."))) {
            // "Overall, great": a word alone before a comma at the start of a clause is a discourse marker
            return;
        }
        while (k >= 0 && k < n && DEGREE.contains(tokens.get(k))) {
            k += dir;
        }
        if (k < 0 || k >= n) {
            return;
        }
        String anchor = tokens.get(k);
        if (!isWord(anchor) || ThemeVocabulary.STOP_WORDS.contains(anchor)) {
            return;
        }
        double v = scorer.wordValence(anchor);
        if (Math.abs(v) < MIN_ANCHOR || negatedBefore(tokens, k)) {
            return;
        }
        if (dir > 0 && k + 1 < n && isWord(tokens.get(k + 1)) && !SAME.contains(tokens.get(k + 1))
                && !OPPOSITE.contains(tokens.get(k + 1))) {
            // "caviar and fantastic service": the rated word describes the next noun, not w
            return;
        }
        double[] acc = votes.computeIfAbsent(w, x -> new double[3]);
        boolean positive = (v > 0) != opposite;
        acc[positive ? 0 : 1]++;
        acc[2] += Math.abs(v);
    }

    /** Verbs after which an adjective describes the subject: "the fish was soggy", "it tasted bland". */
    private static final Set<String> COPULAS = Set.of("is", "was", "are", "were", "be", "been", "being", "seems",
            "seemed", "looks", "looked", "tastes", "tasted", "feels", "felt", "smells", "smelled", "smelt", "sounds",
            "became", "becomes", "remains", "remained", "stays", "stayed", "too", "very", "so", "extremely",
            "incredibly", "quite", "really", "pretty", "rather", "fairly", "somewhat", "slightly", "overly");

    /** Whether the word at i follows a copula or a degree adverb ("was soggy", "so noisy"), as adjectives do. */
    private static boolean predicative(List<String> tokens, int i) {
        if (i == 0) {
            return false;
        }
        String before = tokens.get(i - 1);
        if (!COPULAS.contains(before)) {
            return false;
        }
        // "is being", "was served": a participle after a copula is a verb form unless a degree adverb came first
        String w = tokens.get(i);
        return !(w.endsWith("ed") || w.endsWith("ing")) || !Set.of("is", "was", "are", "were", "be", "been", "being").contains(before);
    }

    /** A negation within three words before, inside the clause. */
    private static boolean negatedBefore(List<String> tokens, int i) {
        for (int k = i - 1; k >= Math.max(0, i - 3); k--) {
            String t = tokens.get(k);
            if (t.equals(".")) {
                return false;
            }
            if (SentimentScorer.negated(t) || t.equals("no")) {
                return true;
            }
        }
        return false;
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
     * The valence of the rated word {@code w} misspells, or null. A misspelling keeps the consonants and changes
     * vowels or doubled letters; it is taken when exactly one rated word (or several of one sign) is that close and
     * no other word of the batch is as close.
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

    private static boolean isWord(String t) {
        return !t.isEmpty() && Character.isLetter(t.charAt(0));
    }

    /** Lower-case words, commas as ",", and "." for every other clause-ending mark. */
    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(text.charAt(i))
                        || ((text.charAt(i) == '\'' || text.charAt(i) == '\u2019') && i + 1 < n && Character.isLetter(text.charAt(i + 1))))) {
                    i++;
                }
                String w = text.substring(start, i).toLowerCase(Locale.ROOT).replace('\u2019', '\'');
                out.add(w.endsWith("'s") ? w.substring(0, w.length() - 2) : w);
                continue;
            }
            if (c == ',') {
                out.add(",");
            } else if (".!?;:()[]\"".indexOf(c) >= 0 || (c == '-' && i + 1 < n && text.charAt(i + 1) == '-')) {
                if (out.isEmpty() || !out.get(out.size() - 1).equals(".")) {
                    out.add(".");
                }
            }
            i++;
        }
        return out;
    }
}
