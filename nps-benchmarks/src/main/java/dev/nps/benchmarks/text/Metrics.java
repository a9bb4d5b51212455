package dev.nps.benchmarks.text;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Small statistics for the evaluation: Pearson correlation, NMI and purity. */
final class Metrics {
    private Metrics() {}

    static double pearson(double[] x, double[] y) {
        int n = x.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    /** Normalised mutual information (arithmetic-mean normalisation) between clusters and classes. */
    static double nmi(List<String> clusters, List<String> classes) {
        int n = clusters.size();
        Map<String, Integer> c = new HashMap<>();
        Map<String, Integer> k = new HashMap<>();
        Map<String, Integer> joint = new HashMap<>();
        for (int i = 0; i < n; i++) {
            c.merge(clusters.get(i), 1, Integer::sum);
            k.merge(classes.get(i), 1, Integer::sum);
            joint.merge(clusters.get(i) + "\u0000" + classes.get(i), 1, Integer::sum);
        }
        double mi = 0;
        for (Map.Entry<String, Integer> e : joint.entrySet()) {
            String[] parts = e.getKey().split("\u0000", 2);
            double pxy = (double) e.getValue() / n;
            double px = (double) c.get(parts[0]) / n;
            double py = (double) k.get(parts[1]) / n;
            mi += pxy * Math.log(pxy / (px * py));
        }
        double hc = entropy(c, n);
        double hk = entropy(k, n);
        return hc + hk == 0 ? 1 : 2 * mi / (hc + hk);
    }

    static double purity(List<String> clusters, List<String> classes) {
        Map<String, Map<String, Integer>> byCluster = new HashMap<>();
        for (int i = 0; i < clusters.size(); i++) {
            byCluster.computeIfAbsent(clusters.get(i), x -> new HashMap<>()).merge(classes.get(i), 1, Integer::sum);
        }
        int sum = 0;
        for (Map<String, Integer> m : byCluster.values()) {
            sum += m.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        }
        return (double) sum / clusters.size();
    }

    private static double entropy(Map<String, Integer> counts, int n) {
        double h = 0;
        for (int v : counts.values()) {
            double p = (double) v / n;
            h -= p * Math.log(p);
        }
        return h;
    }
}
