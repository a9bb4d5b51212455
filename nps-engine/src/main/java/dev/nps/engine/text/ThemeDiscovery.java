package dev.nps.engine.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Unsupervised theme discovery over a batch of comments.
 *
 * <ol>
 *   <li>Candidate terms: stems of non-stop words found in at least {@code minDf} comments and in at most half of
 *       them; words that mostly carry sentiment ("great", "terrible") are judgements, not topics, and are left out
 *       unless the seed map names them, and so is "time" (see {@link ThemeVocabulary#NON_TOPICS}). Bigrams and
 *       trigrams of adjacent stems become candidates when they occur together far more often than chance
 *       (pointwise mutual information at least log 3).</li>
 *   <li>Each candidate gets a context vector: the candidates it shares comments with, weighted by positive PMI.</li>
 *   <li>Seed topics from the built-in synonym map that the batch mentions form the first themes; every other
 *       candidate joins the seed theme whose centroid context is most similar (cosine), when that similarity is
 *       high enough and clearly above the runner-up.</li>
 *   <li>The remaining candidates are grouped by average-link agglomerative clustering on the same cosine; groups
 *       mentioned often enough become new themes, labelled with their most frequent word or phrase.</li>
 * </ol>
 */
final class ThemeDiscovery {
    /**
     * Tuning of discovery.
     *
     * @param minDf          fewest comments a term must appear in (raised to 0.2% of the batch for large batches)
     * @param maxThemes      most themes returned
     * @param useSeeds       whether the built-in topic map seeds the themes
     * @param assign         least cosine to join a seed theme
     * @param margin         least lead over the second-best seed theme
     * @param cluster        least average-link cosine to group two new-theme clusters
     * @param minThemeShare  least share of comments a new theme must be mentioned in
     */
    record Options(int minDf, int maxThemes, boolean useSeeds, double assign, double margin, double cluster,
                   double minThemeShare) {
        static final Options DEFAULT = new Options(2, 30, true, 0.60, 0.10, 0.25, 0.02);

        Options withoutSeeds() {
            return new Options(minDf, maxThemes, false, assign, margin, cluster, minThemeShare);
        }
    }

    /**
     * Least cosine for a whole group of new-theme words to join a seed theme. {@value}
     *
     * <p>Why these are strict (this and {@link Options#DEFAULT}'s 0.6 for single words): context vectors from a batch
     * of a few thousand comments are noisy, and looser thresholds pulled generic words ("order", "years", "small")
     * and whole unrelated groups ("new york", "time", "city") into the seed topics, which then tagged comments that
     * are not about them. Words left out form their own themes, which users can merge.
     */
    static final double GROUP_ASSIGN = 0.45;
    /** Most candidate terms considered (the most frequent), which bounds the time on large batches. */
    static final int MAX_CANDIDATES = 2000;
    static final double SEED_WEIGHT = 3.0;
    /** The scorer whose lexicon says which words are already rated. */
    private static final SentimentScorer SCORER = SentimentScorer.nps();

    private ThemeDiscovery() {}

    /**
     * The themes found, the weight of each term for ranking a comment's themes (rarer terms weigh more), and the
     * polar words of the batch's domain that the sentiment lexicon lacks ({@link LexiconInduction}).
     */
    record Result(List<ThemeModel.Entry> entries, Map<String, Double> weights, Map<String, Double> lexicon) {
        static final Result EMPTY = new Result(List.of(), Map.of(), Map.of());

        Result {
            entries = List.copyOf(entries);
            weights = Map.copyOf(weights);
            lexicon = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(lexicon));
        }

        Result(List<ThemeModel.Entry> entries, Map<String, Double> weights) {
            this(entries, weights, Map.of());
        }
    }

    static Result discover(Collection<String> comments, Options o) {
        int nDocs = comments.size();
        List<Set<String>> docs = new ArrayList<>(nDocs);
        Map<String, Integer> df = new HashMap<>();
        Map<String, Map<String, Integer>> surface = new HashMap<>();
        List<List<Terms.Token>> tokenised = new ArrayList<>(nDocs);
        for (String c : comments) {
            List<Terms.Token> tokens = Terms.tokens(Tokeniser.sanitise(c));
            tokenised.add(tokens);
            Set<String> terms = Terms.terms(tokens, 3);
            docs.add(terms);
            for (String t : terms) {
                df.merge(t, 1, Integer::sum);
            }
            for (Terms.Token t : tokens) {
                if (t.stem() != null) {
                    surface.computeIfAbsent(t.stem(), k -> new HashMap<>()).merge(t.word(), 1, Integer::sum);
                }
            }
        }
        if (nDocs == 0) {
            return Result.EMPTY;
        }
        int minDf = Math.max(o.minDf(), (int) Math.ceil(0.002 * nDocs));
        Map<String, String> seedOf = o.useSeeds() ? seedIndex() : Map.of();
        Set<String> nonTopics = nonTopicStems();

        // 1. candidates
        List<String> candidates = new ArrayList<>();
        for (Map.Entry<String, Integer> e : df.entrySet()) {
            String t = e.getKey();
            int d = e.getValue();
            if (d < minDf) {
                continue;
            }
            if (t.indexOf(' ') < 0) {
                boolean seed = seedOf.containsKey(t);
                if (!seed && (d > nDocs / 2 || t.length() < 3 || nonTopics.contains(t) || isJudgement(t, surface))) {
                    continue;
                }
                candidates.add(t);
            } else {
                String[] parts = t.split(" ");
                double expected = 1.0;
                boolean ok = true;
                for (String p : parts) {
                    Integer pd = df.get(p);
                    if (pd == null || isJudgement(p, surface)) {
                        ok = false;
                        break;
                    }
                    expected *= (double) pd / nDocs;
                }
                if (ok && d >= Math.max(3, minDf) && d / (expected * nDocs) >= 3) {
                    candidates.add(t);
                }
            }
        }
        candidates.sort(Comparator.comparing((String t) -> -df.get(t)).thenComparing(t -> t));
        if (candidates.size() > MAX_CANDIDATES) {
            candidates.subList(MAX_CANDIDATES, candidates.size()).clear();
        }
        recordPhraseSurfaces(tokenised, new java.util.HashSet<>(candidates), surface);
        Map<String, Integer> idx = new HashMap<>();
        for (int i = 0; i < candidates.size(); i++) {
            idx.put(candidates.get(i), i);
        }

        // 2. context vectors (sparse, PPMI over comment co-occurrence)
        int m = candidates.size();
        List<Map<Integer, Double>> cooc = new ArrayList<>(m);
        for (int i = 0; i < m; i++) {
            cooc.add(new HashMap<>());
        }
        boolean[] phrase = new boolean[m];
        for (int i = 0; i < m; i++) {
            phrase[i] = candidates.get(i).indexOf(' ') > 0;
        }
        java.util.BitSet[] postings = new java.util.BitSet[m];
        for (int i = 0; i < m; i++) {
            postings[i] = new java.util.BitSet(nDocs);
        }
        for (int d = 0; d < nDocs; d++) {
            List<Integer> present = new ArrayList<>();
            for (String t : docs.get(d)) {
                Integer i = idx.get(t);
                if (i != null) {
                    present.add(i);
                    postings[i].set(d);
                }
            }
            for (int x = 0; x < present.size(); x++) {
                int a = present.get(x);
                for (int y = x + 1; y < present.size(); y++) {
                    int b = present.get(y);
                    // a phrase and its own words always co-occur; that says nothing about context
                    if ((phrase[a] || phrase[b]) && overlaps(candidates.get(a), candidates.get(b))) {
                        continue;
                    }
                    cooc.get(a).merge(b, 1.0, Double::sum);
                    cooc.get(b).merge(a, 1.0, Double::sum);
                }
            }
        }
        List<Vec> vectors = new ArrayList<>(m);
        for (int a = 0; a < m; a++) {
            Map<Integer, Double> v = new HashMap<>();
            double dfa = df.get(candidates.get(a));
            for (Map.Entry<Integer, Double> e : cooc.get(a).entrySet()) {
                double dfb = df.get(candidates.get(e.getKey()));
                double pmi = Math.log(e.getValue() * nDocs / (dfa * dfb));
                if (pmi > 0) {
                    v.put(e.getKey(), pmi);
                }
            }
            vectors.add(normalise(v));
        }

        // 3. seed themes and assignment by context
        Map<String, List<Integer>> seedMembers = new LinkedHashMap<>();
        int[] assigned = new int[m];
        java.util.Arrays.fill(assigned, -1);
        List<String> seedLabels = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            String label = seedFor(candidates.get(i), seedOf);
            if (label != null) {
                seedMembers.computeIfAbsent(label, k -> new ArrayList<>()).add(i);
            }
        }
        seedLabels.addAll(seedMembers.keySet());
        List<Vec> centroids = new ArrayList<>();
        for (int s = 0; s < seedLabels.size(); s++) {
            Map<Integer, Double> c = new HashMap<>();
            for (int i : seedMembers.get(seedLabels.get(s))) {
                assigned[i] = s;
                double w = Math.log(1 + df.get(candidates.get(i)));
                vectors.get(i).addTo(c, w);
            }
            centroids.add(normalise(c));
        }
        for (int i = 0; i < m; i++) {
            if (assigned[i] >= 0 || centroids.isEmpty()) {
                continue;
            }
            double best = 0;
            double second = 0;
            int bestS = -1;
            for (int s = 0; s < centroids.size(); s++) {
                double sim = cosine(vectors.get(i), centroids.get(s));
                if (sim > best) {
                    second = best;
                    best = sim;
                    bestS = s;
                } else if (sim > second) {
                    second = sim;
                }
            }
            if (bestS >= 0 && best >= o.assign() && best - second >= o.margin()
                    && best >= nearestOutsider(i, m, assigned, vectors)) {
                assigned[i] = bestS;
                seedMembers.get(seedLabels.get(bestS)).add(i);
            }
        }

        // 4. new themes from the rest
        List<List<Integer>> clusters = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            if (assigned[i] < 0) {
                clusters.add(new ArrayList<>(List.of(i)));
            }
        }
        agglomerate(clusters, vectors, o.cluster(), 400);
        // a group of dish names is more clearly "food" than any one of them: compare whole groups to the seeds again
        if (!centroids.isEmpty()) {
            for (java.util.Iterator<List<Integer>> it = clusters.iterator(); it.hasNext(); ) {
                List<Integer> cl = it.next();
                Map<Integer, Double> c = new HashMap<>();
                for (int i : cl) {
                    double w = Math.log(1 + df.get(candidates.get(i)));
                    vectors.get(i).addTo(c, w);
                }
                Vec centroid = normalise(c);
                double best = 0;
                double second = 0;
                int bestS = -1;
                for (int s2 = 0; s2 < centroids.size(); s2++) {
                    double sim = cosine(centroid, centroids.get(s2));
                    if (sim > best) {
                        second = best;
                        best = sim;
                        bestS = s2;
                    } else if (sim > second) {
                        second = sim;
                    }
                }
                if (bestS >= 0 && best >= GROUP_ASSIGN && best - second >= o.margin()) {
                    seedMembers.get(seedLabels.get(bestS)).addAll(cl);
                    it.remove();
                }
            }
        }

        // 5. build entries: seed themes, then new ones, ordered by mentions
        List<ThemeModel.Entry> out = new ArrayList<>();
        List<int[]> sizes = new ArrayList<>();
        for (String label : seedLabels) {
            List<Integer> members = seedMembers.get(label);
            ThemeModel.Entry found = entry(label, members, candidates, surface, df);
            // the seed's own words stay, so a comment using a rarer one is still tagged
            Set<String> terms = new LinkedHashSet<>(found.terms());
            seedOf.forEach((term, l) -> {
                if (l.equals(label)) {
                    terms.add(term);
                }
            });
            int mentions = mentions(members, postings, terms, docs);
            out.add(new ThemeModel.Entry(label, terms, found.keywords(), false, true, mentions));
            sizes.add(new int[] {mentions});
        }
        int minMentions = Math.max(minDf, (int) Math.ceil(o.minThemeShare() * nDocs));
        Set<String> usedNames = new LinkedHashSet<>(seedLabels);
        for (List<Integer> cl : clusters) {
            ThemeModel.Entry found = entry(null, cl, candidates, surface, df);
            int mentions = mentions(cl, postings, found.terms(), docs);
            if (mentions >= minMentions && usedNames.add(found.name())) {
                out.add(new ThemeModel.Entry(found.name(), found.terms(), found.keywords(), false, false, mentions));
                sizes.add(new int[] {mentions});
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < out.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing((Integer i) -> -sizes.get(i)[0]));
        List<ThemeModel.Entry> sorted = new ArrayList<>();
        Map<String, Double> weights = new HashMap<>();
        for (int i : order) {
            if (sorted.size() < o.maxThemes()) {
                ThemeModel.Entry e = out.get(i);
                sorted.add(e);
                for (String t : e.terms()) {
                    // a word of the built-in topic map is a clearer sign of its topic than one found by context
                    weights.put(t, seedOf.containsKey(t) ? SEED_WEIGHT : 1.0);
                }
            }
        }
        // 6. the domain's own polar words, never the words of a theme or of the topic map
        Set<String> themeStems = new java.util.HashSet<>(seedOf.keySet());
        for (ThemeModel.Entry e : sorted) {
            for (String t : e.terms()) {
                if (t.indexOf(' ') < 0) {
                    themeStems.add(t);
                }
            }
        }
        Map<String, Double> lexicon = LexiconInduction.induce(comments, themeStems, SCORER, LexiconInduction.Options.DEFAULT);
        return new Result(sorted, weights, lexicon);
    }

    /**
     * The similarity of a candidate to its nearest candidate outside every seed: a word closer to such a neighbour
     * than to any seed theme ("password" next to "login") is left to form a new theme with it. Only the most
     * frequent candidates are compared, which bounds the work.
     */
    private static double nearestOutsider(int i, int m, int[] assigned, List<Vec> vectors) {
        double best = 0;
        for (int k = 0; k < Math.min(m, 500); k++) {
            if (k != i && assigned[k] < 0) {
                best = Math.max(best, cosine(vectors.get(i), vectors.get(k)));
            }
        }
        return best;
    }

    private static boolean overlaps(String a, String b) {
        return a.contains(b) || b.contains(a);
    }

    /** A word whose every common surface form is clearly positive or negative in the VADER lexicon. */
    private static boolean isJudgement(String stem, Map<String, Map<String, Integer>> surface) {
        Map<String, Integer> forms = surface.get(stem);
        if (forms == null) {
            return false;
        }
        String top = top(forms);
        return Math.abs(SentimentScorer.lexiconValence(top)) >= 1.0;
    }

    private static void recordPhraseSurfaces(List<List<Terms.Token>> docs, Set<String> wanted,
                                             Map<String, Map<String, Integer>> surface) {
        for (List<Terms.Token> tokens : docs) {
            int n = tokens.size();
            for (int i = 0; i < n; i++) {
                if (tokens.get(i).stem() == null) {
                    continue;
                }
                String stem = tokens.get(i).stem();
                String word = tokens.get(i).word();
                for (int k = 1; k < 3 && i + k < n && tokens.get(i + k).stem() != null; k++) {
                    stem = stem + ' ' + tokens.get(i + k).stem();
                    word = word + ' ' + tokens.get(i + k).word();
                    if (wanted.contains(stem)) {
                        surface.computeIfAbsent(stem, x -> new HashMap<>()).merge(word, 1, Integer::sum);
                    }
                }
            }
        }
    }

    private static Set<String> nonTopicStems() {
        Set<String> out = new java.util.HashSet<>();
        for (String w : ThemeVocabulary.NON_TOPICS) {
            String t = Terms.keywordTerm(w);
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }

    private static Map<String, String> seedIndex() {
        Map<String, String> m = new HashMap<>();
        ThemeVocabulary.SEEDS.forEach((label, words) -> {
            for (String w : words) {
                String t = Terms.keywordTerm(w);
                if (t != null) {
                    m.putIfAbsent(t, label);
                }
            }
        });
        return m;
    }

    /** A phrase belongs to the seed of its last word (its head in English noun phrases), else of its first. */
    private static String seedFor(String term, Map<String, String> seedOf) {
        String label = seedOf.get(term);
        if (label != null || term.indexOf(' ') < 0) {
            return label;
        }
        String[] parts = term.split(" ");
        label = seedOf.get(parts[parts.length - 1]);
        return label != null ? label : seedOf.get(parts[0]);
    }

    private static ThemeModel.Entry entry(String label, List<Integer> members, List<String> candidates,
                                          Map<String, Map<String, Integer>> surface, Map<String, Integer> df) {
        List<Integer> sorted = new ArrayList<>(members);
        sorted.sort(Comparator.comparing((Integer i) -> -df.get(candidates.get(i))));
        Set<String> terms = new LinkedHashSet<>();
        List<String> keywords = new ArrayList<>();
        for (int i : sorted) {
            String t = candidates.get(i);
            terms.add(t);
            keywords.add(top(surface.getOrDefault(t, Map.of(t, 1))));
        }
        String name = label;
        if (name == null) {
            // a phrase reads better than a single word when one is among the most frequent terms
            name = keywords.get(0);
            for (int k = 0; k < Math.min(3, sorted.size()); k++) {
                if (candidates.get(sorted.get(k)).indexOf(' ') > 0) {
                    name = keywords.get(k);
                    break;
                }
            }
        }
        return new ThemeModel.Entry(name, terms, keywords.stream().distinct().limit(20).toList(), false);
    }

    /** Comments mentioning any of a theme's candidates (by postings) or, for a seed theme, any of its own words. */
    private static int mentions(List<Integer> members, java.util.BitSet[] postings, Set<String> terms, List<Set<String>> docs) {
        java.util.BitSet any = new java.util.BitSet();
        for (int i : members) {
            any.or(postings[i]);
        }
        if (terms.size() == members.size()) {
            return any.cardinality();
        }
        for (int d = 0; d < docs.size(); d++) {
            if (!any.get(d)) {
                for (String t : terms) {
                    if (docs.get(d).contains(t)) {
                        any.set(d);
                        break;
                    }
                }
            }
        }
        return any.cardinality();
    }

    private static String top(Map<String, Integer> counts) {
        String best = null;
        int bestCount = -1;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() > bestCount || (e.getValue() == bestCount && e.getKey().compareTo(best) < 0)) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        return best;
    }

    private static void agglomerate(List<List<Integer>> clusters, List<Vec> vectors, double threshold,
                                     int maxItems) {
        // bounded: only the most frequent leftovers are clustered, which keeps discovery fast on big batches
        if (clusters.size() > maxItems) {
            clusters.subList(maxItems, clusters.size()).clear();
        }
        int n = clusters.size();
        double[][] sim = new double[n][n];
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                sim[a][b] = cosine(vectors.get(clusters.get(a).get(0)), vectors.get(clusters.get(b).get(0)));
                sim[b][a] = sim[a][b];
            }
        }
        int[] size = new int[n];
        boolean[] alive = new boolean[n];
        for (int i = 0; i < n; i++) {
            size[i] = 1;
            alive[i] = true;
        }
        while (true) {
            double best = threshold;
            int ba = -1;
            int bb = -1;
            for (int a = 0; a < n; a++) {
                if (!alive[a]) {
                    continue;
                }
                for (int b = a + 1; b < n; b++) {
                    if (alive[b] && sim[a][b] >= best) {
                        best = sim[a][b];
                        ba = a;
                        bb = b;
                    }
                }
            }
            if (ba < 0) {
                break;
            }
            for (int c = 0; c < n; c++) {
                if (alive[c] && c != ba && c != bb) {
                    double s = (sim[ba][c] * size[ba] + sim[bb][c] * size[bb]) / (size[ba] + size[bb]);
                    sim[ba][c] = s;
                    sim[c][ba] = s;
                }
            }
            clusters.get(ba).addAll(clusters.get(bb));
            size[ba] += size[bb];
            alive[bb] = false;
        }
        List<List<Integer>> kept = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (alive[i]) {
                kept.add(clusters.get(i));
            }
        }
        clusters.clear();
        clusters.addAll(kept);
    }

    /** A sparse vector with sorted indices, for fast dot products. */
    private record Vec(int[] idx, double[] val) {
        void addTo(Map<Integer, Double> sum, double weight) {
            for (int k = 0; k < idx.length; k++) {
                sum.merge(idx[k], val[k] * weight, Double::sum);
            }
        }
    }

    private static Vec normalise(Map<Integer, Double> v) {
        double norm = 0;
        for (double x : v.values()) {
            norm += x * x;
        }
        double inv = norm == 0 ? 0 : 1 / Math.sqrt(norm);
        int[] idx = new int[v.size()];
        int k = 0;
        for (int key : v.keySet()) {
            idx[k++] = key;
        }
        java.util.Arrays.sort(idx);
        double[] val = new double[idx.length];
        for (int i = 0; i < idx.length; i++) {
            val[i] = v.get(idx[i]) * inv;
        }
        return new Vec(idx, val);
    }

    private static double cosine(Vec a, Vec b) {
        int[] ai = a.idx();
        int[] bi = b.idx();
        double dot = 0;
        int i = 0;
        int j = 0;
        while (i < ai.length && j < bi.length) {
            if (ai[i] == bi[j]) {
                dot += a.val()[i++] * b.val()[j++];
            } else if (ai[i] < bi[j]) {
                i++;
            } else {
                j++;
            }
        }
        return dot;
    }
}
