package dev.nps.nlp.embeddings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Themes as clusters of sentence vectors: spherical k-means with k-means++ seeding (fixed seed, so the same batch
 * gives the same themes), each cluster labelled with the words most typical of it (frequent in the cluster, rarer
 * elsewhere). Immutable.
 */
final class Clusters {
    static final Clusters EMPTY = new Clusters(new float[0][], List.of());

    private static final Set<String> STOP = Set.of(("a about after again all also am an and any are as at be been "
            + "before being but by can could did do does doing don't for from get got had has have having he her here "
            + "him his how i i'm if in into is it it's its just like me more most my no not now of on one only or "
            + "other our out over really so some still such than that the their them then there these they this "
            + "those through to too up us very was we were what when where which while who why will with would you "
            + "your yours ve ll re t s m d go went make made even much many well back way thing things").split(" "));

    private final float[][] centroids;
    private final List<String> labels;
    private final Set<String> hidden;

    private Clusters(float[][] centroids, List<String> labels) {
        this(centroids, labels, Set.of());
    }

    private Clusters(float[][] centroids, List<String> labels, Set<String> hidden) {
        this.centroids = centroids;
        this.labels = List.copyOf(labels);
        this.hidden = Set.copyOf(hidden);
    }

    /** @return the labels of the clusters that are not hidden */
    List<String> labels() {
        return hidden.isEmpty() ? labels : labels.stream().filter(l -> !hidden.contains(l)).toList();
    }

    /**
     * @return these clusters with those {@code hide} names no longer listed or given: a comment nearest to a hidden
     *         cluster gets no discovered theme rather than a farther one
     */
    Clusters hiding(java.util.function.Predicate<String> hide) {
        Set<String> h = new java.util.HashSet<>(hidden);
        for (String label : labels) {
            if (hide.test(label)) {
                h.add(label);
            }
        }
        return new Clusters(centroids, labels, h);
    }

    /**
     * @return the labels of the nearest cluster and of every other cluster almost as near (within {@code margin}),
     *         all at least minSimilarity, nearest first; at most three
     */
    List<String> near(float[] v, double minSimilarity, double margin) {
        double[] sims = new double[centroids.length];
        double best = -2;
        for (int c = 0; c < centroids.length; c++) {
            sims[c] = dot(v, centroids[c]);
            best = Math.max(best, sims[c]);
        }
        List<Integer> order = new ArrayList<>();
        for (int c = 0; c < centroids.length; c++) {
            if (sims[c] >= minSimilarity && sims[c] >= best - margin) {
                order.add(c);
            }
        }
        order.sort((a, b) -> Double.compare(sims[b], sims[a]));
        List<String> out = new ArrayList<>();
        for (int c : order.subList(0, Math.min(3, order.size()))) {
            if (!hidden.contains(labels.get(c))) {
                out.add(labels.get(c));
            }
        }
        return out;
    }

    /**
     * @param texts   the comments
     * @param vectors their unit vectors
     * @param k       clusters; 0 chooses {@code sqrt(n / 4)} within 2..20
     * @param minShare clusters smaller than this share of the batch are dropped
     */
    static Clusters discover(List<String> texts, float[][] vectors, int k, double minShare) {
        int n = vectors.length;
        if (n < 4) {
            return EMPTY;
        }
        int kk = k > 0 ? Math.min(k, n) : Math.max(2, Math.min(20, (int) Math.round(Math.sqrt(n / 4.0))));
        float[][] centroids = seed(vectors, kk, new Random(42));
        int[] assign = new int[n];
        for (int iter = 0; iter < 30; iter++) {
            boolean changed = false;
            for (int i = 0; i < n; i++) {
                int best = 0;
                double bestSim = -2;
                for (int c = 0; c < kk; c++) {
                    double s = dot(vectors[i], centroids[c]);
                    if (s > bestSim) {
                        bestSim = s;
                        best = c;
                    }
                }
                if (assign[i] != best || iter == 0) {
                    changed |= assign[i] != best;
                    assign[i] = best;
                }
            }
            float[][] next = new float[kk][vectors[0].length];
            for (int i = 0; i < n; i++) {
                float[] c = next[assign[i]];
                for (int d = 0; d < c.length; d++) {
                    c[d] += vectors[i][d];
                }
            }
            for (int c = 0; c < kk; c++) {
                next[c] = unit(next[c]);
            }
            centroids = next;
            if (!changed && iter > 0) {
                break;
            }
        }
        // label each cluster; drop small ones and ones whose label repeats another's
        Map<String, Integer> docFreq = new HashMap<>();
        List<Map<String, Integer>> perCluster = new ArrayList<>();
        int[] size = new int[kk];
        for (int c = 0; c < kk; c++) {
            perCluster.add(new HashMap<>());
        }
        for (int i = 0; i < n; i++) {
            size[assign[i]]++;
            for (String w : Set.copyOf(words(texts.get(i)))) {
                docFreq.merge(w, 1, Integer::sum);
                perCluster.get(assign[i]).merge(w, 1, Integer::sum);
            }
        }
        List<float[]> kept = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int c = 0; c < kk; c++) {
            if (size[c] < Math.max(2, minShare * n)) {
                continue;
            }
            String label = label(perCluster.get(c), docFreq, size[c], n);
            if (label != null && !labels.contains(label)) {
                kept.add(centroids[c]);
                labels.add(label);
            }
        }
        return new Clusters(kept.toArray(new float[0][]), labels);
    }

    /** The two words most typical of a cluster: share in the cluster times log of its lift over the batch. */
    private static String label(Map<String, Integer> inCluster, Map<String, Integer> docFreq, int size, int n) {
        List<Map.Entry<String, Double>> scored = new ArrayList<>();
        for (Map.Entry<String, Integer> e : inCluster.entrySet()) {
            // in a small cluster a word used once may be all there is
            if (e.getValue() < (size >= 10 ? 2 : 1)) {
                continue;
            }
            double share = (double) e.getValue() / size;
            double lift = share / ((double) docFreq.get(e.getKey()) / n);
            if (lift > 1) {
                scored.add(Map.entry(e.getKey(), share * Math.log(lift)));
            }
        }
        scored.sort((a, b) -> Double.compare(b.getValue(), a.getValue()) != 0
                ? Double.compare(b.getValue(), a.getValue()) : a.getKey().compareTo(b.getKey()));
        if (scored.isEmpty()) {
            return null;
        }
        return scored.size() == 1 ? scored.get(0).getKey() : scored.get(0).getKey() + " / " + scored.get(1).getKey();
    }

    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}']+")) {
            String s = w.replaceAll("^'+|'+$", "");
            if (s.length() > 2 && !STOP.contains(s) && !s.chars().allMatch(Character::isDigit)) {
                out.add(s);
            }
        }
        return out;
    }

    private static float[][] seed(float[][] v, int k, Random random) {
        int n = v.length;
        float[][] c = new float[k][];
        c[0] = v[random.nextInt(n)];
        double[] dist = new double[n];
        Arrays.fill(dist, Double.MAX_VALUE);
        for (int j = 1; j < k; j++) {
            double total = 0;
            for (int i = 0; i < n; i++) {
                double d = 1 - dot(v[i], c[j - 1]);
                dist[i] = Math.min(dist[i], d * d);
                total += dist[i];
            }
            double r = random.nextDouble() * total;
            int pick = n - 1;
            for (int i = 0; i < n; i++) {
                r -= dist[i];
                if (r <= 0) {
                    pick = i;
                    break;
                }
            }
            c[j] = v[pick];
        }
        return c;
    }

    static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static float[] unit(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        float[] out = v.clone();
        if (norm > 0) {
            float inv = (float) (1 / Math.sqrt(norm));
            for (int i = 0; i < out.length; i++) {
                out[i] *= inv;
            }
        }
        return out;
    }
}
