package dev.nps.engine.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tags comments with the themes of a {@link ThemeModel}: a comment mentions a theme when it contains one of the
 * theme's terms (stemmed words or phrases). Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class ThemeTagger {
    /** How many words a phrase may span when matching. */
    private static final int MAX_N = 3;

    /** Added to a user theme's score so that user themes come first. */
    private static final double USER_BONUS = 1_000;
    /**
     * A comment's further themes must score at least this share of its first: a passing word of another theme
     * ("we ordered" in a complaint about the waiter) does not tag it.
     */
    static final double SECONDARY_SHARE = 0.34;

    /**
     * Each further term of the same theme counts this much of the one before ({@value}): a list of five dishes is
     * more about food than one dish, but not so much more that a clear remark on the price beside it looks passing.
     */
    static final double REPEAT_DECAY = 0.8;
    private static final double[] REPEAT_FACTOR = new double[32];

    static {
        REPEAT_FACTOR[0] = 1;
        for (int i = 1; i < REPEAT_FACTOR.length; i++) {
            REPEAT_FACTOR[i] = REPEAT_FACTOR[i - 1] * REPEAT_DECAY;
        }
    }

    private final List<String> names;
    private final Map<String, int[]> index;
    private final Map<String, Double> weights;
    private final int userThemes;
    private final int[] breadth;

    /**
     * @param weights    weight of a term when ranking a comment's themes (1 when absent): rarer terms are more telling
     * @param userThemes how many of the first themes are the user's
     */
    ThemeTagger(List<String> names, List<? extends java.util.Collection<String>> termsPerTheme, Map<String, Double> weights,
                int userThemes) {
        this(names, termsPerTheme, weights, userThemes, new int[names.size()]);
    }

    /**
     * @param breadth for each theme grown from a topic of the built-in map, how many comments of the discovery batch
     *                mention it; 0 for the others. Of two such topics with the same score in a comment, the narrower
     *                comes first: the batch's broadest topic (food at a restaurant, the app for a software product)
     *                is the one named in passing ("our server checked on us twice during the whole meal").
     */
    ThemeTagger(List<String> names, List<? extends java.util.Collection<String>> termsPerTheme, Map<String, Double> weights,
                int userThemes, int[] breadth) {
        if (breadth.length != names.size()) {
            throw new IllegalArgumentException("one breadth per theme");
        }
        this.names = List.copyOf(names);
        this.weights = Map.copyOf(weights);
        this.userThemes = userThemes;
        this.breadth = breadth.clone();
        Map<String, List<Integer>> build = new HashMap<>();
        for (int t = 0; t < termsPerTheme.size(); t++) {
            for (String term : termsPerTheme.get(t)) {
                build.computeIfAbsent(term, k -> new ArrayList<>()).add(t);
            }
        }
        Map<String, int[]> idx = new HashMap<>(build.size() * 2);
        build.forEach((k, v) -> idx.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
        this.index = idx;
    }

    /**
     * A theme found in a comment.
     *
     * @param theme the theme
     * @param hits  how many of its terms matched
     * @param score the relevance used for ordering: the weights of the matched terms (rarer terms weigh more), each
     *              further term of the theme counting {@link #REPEAT_DECAY} times the one before
     */
    public record Match(String theme, int hits, double score) {}

    /**
     * @param text any comment, may be null or odd
     * @return the themes mentioned, user themes first, then the most relevant (see {@link Match#score()}); of two
     *         built-in topics with the same score, the narrower in the discovery batch comes first
     */
    public List<String> tag(String text) {
        List<Match> matches = match(text);
        List<String> out = new ArrayList<>(matches.size());
        for (Match m : matches) {
            out.add(m.theme());
        }
        return out;
    }

    /**
     * @param text any comment, may be null or odd
     * @return the themes mentioned with their hit counts, in the order of {@link #tag(String)}
     */
    public List<Match> match(String text) {
        if (index.isEmpty()) {
            return List.of();
        }
        String clean = Tokeniser.sanitise(text);
        List<Terms.Token> tokens = Terms.tokens(clean);
        // stop words are skipped, so "waited an hour" matches the user phrase "waited hour"
        List<String> stems = new ArrayList<>(tokens.size());
        for (Terms.Token t : tokens) {
            if (t.stem() != null) {
                stems.add(t.stem());
            }
        }
        int[] hits = new int[names.size()];
        double[] score = new double[names.size()];
        boolean any = false;
        java.util.Set<String> seen = new java.util.HashSet<>();
        int n = stems.size();
        for (int i = 0; i < n; i++) {
            String term = stems.get(i);
            for (int k = 0; k < MAX_N && i + k < n; k++) {
                if (k > 0) {
                    term = term + ' ' + stems.get(i + k);
                }
                int[] themes = index.get(term);
                if (themes != null && seen.add(term)) {
                    double w = weights.getOrDefault(term, 1.0);
                    for (int t : themes) {
                        score[t] += w * REPEAT_FACTOR[Math.min(hits[t], REPEAT_FACTOR.length - 1)];
                        hits[t]++;
                        any = true;
                    }
                }
            }
        }
        if (!any) {
            return List.of();
        }
        List<Integer> found = new ArrayList<>();
        double[] total = new double[hits.length];
        for (int t = 0; t < hits.length; t++) {
            if (hits[t] > 0) {
                found.add(t);
                total[t] = score[t] + (t < userThemes ? USER_BONUS : 0);
            }
        }
        found.sort((a, b) -> {
            int c = Double.compare(total[b], total[a]);
            if (c != 0) {
                return c;
            }
            // equal evidence for two topics of the built-in map: the narrower one is the more telling
            if (breadth[a] > 0 && breadth[b] > 0 && breadth[a] != breadth[b]) {
                return Integer.compare(breadth[a], breadth[b]);
            }
            return Integer.compare(a, b);
        });
        List<Match> out = new ArrayList<>(found.size());
        for (int t : found) {
            out.add(new Match(names.get(t), hits[t], total[t]));
        }
        // a user theme always stays; the discovered ones are compared with the best discovered one
        double best = 0;
        for (int t = userThemes; t < hits.length; t++) {
            best = Math.max(best, score[t]);
        }
        double least = best * SECONDARY_SHARE;
        out.removeIf(m -> m.score() < least);
        return List.copyOf(out);
    }
}
