package dev.nps.engine.alerts;

import dev.nps.api.analytics.Comparison;
import dev.nps.api.analytics.ScoreCounts;
import dev.nps.engine.analytics.NpsStatistics;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The tests behind the alert rules: one-sided drops in NPS, two-proportion z-tests, Benjamini-Hochberg and the
 * EWMA control chart. Public so that tests and dashboards can reproduce a decision; values in, values out.
 *
 * @since 0.1
 */
public final class AlertStatistics {
    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    private AlertStatistics() {}

    /**
     * The one-sided test that the NPS fell from {@code baseline} to {@code recent}. The difference is
     * {@link NpsStatistics#compare}'s; the standard error pools both sides (their trinomial variance under the null
     * hypothesis of no change), which holds the false-alarm rate at the level for small samples where the unpooled
     * Wald error is liberal (measured with 40,000 null trials per case: at 30 responses a side, 5.1% pooled
     * against 5.5-6.0% unpooled at a 5% level).
     *
     * @param recent   the recent period's counts
     * @param baseline the baseline's counts
     * @return the difference (recent minus baseline), its pooled standard error and the one-sided p-value of a
     *         drop (1 when a side is empty)
     */
    public static Drop npsDrop(ScoreCounts recent, ScoreCounts baseline) {
        Comparison c = NpsStatistics.compare(recent, baseline, 0.5);
        long na = recent.total();
        long nb = baseline.total();
        if (na == 0 || nb == 0) {
            return new Drop(c.difference(), Double.NaN, 1);
        }
        double se = 100 * Math.sqrt(NpsStatistics.variance(recent.plus(baseline)) * (1.0 / na + 1.0 / nb));
        if (se == 0) {
            return new Drop(c.difference(), 0, c.difference() < 0 ? 0 : 1);
        }
        return new Drop(c.difference(), se, STANDARD_NORMAL.cumulativeProbability(c.difference() / se));
    }

    /**
     * A one-sided two-proportion z-test (pooled variance) that the share rose from baseline to recent.
     *
     * @return recent share minus baseline share in points, and the one-sided p-value of an increase (1 when a
     *         side is empty or both shares are 0 or 1)
     */
    public static Drop shareIncrease(long recentHits, long recentTotal, long baselineHits, long baselineTotal) {
        if (recentTotal <= 0 || baselineTotal <= 0) {
            return new Drop(Double.NaN, Double.NaN, 1);
        }
        double p1 = (double) recentHits / recentTotal;
        double p0 = (double) baselineHits / baselineTotal;
        double pooled = (double) (recentHits + baselineHits) / (recentTotal + baselineTotal);
        double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / recentTotal + 1.0 / baselineTotal));
        double diff = 100 * (p1 - p0);
        if (se == 0) {
            return new Drop(diff, 0, 1);
        }
        double z = (p1 - p0) / se;
        return new Drop(diff, 100 * se, STANDARD_NORMAL.cumulativeProbability(-z));
    }

    /**
     * Benjamini-Hochberg: which hypotheses are rejected with the false discovery rate controlled at {@code q}.
     *
     * @param pValues the p-values, none NaN
     * @param q       the false discovery rate, in (0, 1)
     * @return for each p-value, whether it is a discovery
     */
    public static boolean[] benjaminiHochberg(List<Double> pValues, double q) {
        int m = pValues.size();
        Integer[] order = new Integer[m];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble(pValues::get));
        int largest = -1;
        for (int k = 0; k < m; k++) {
            if (pValues.get(order[k]) <= (k + 1) * q / m) {
                largest = k;
            }
        }
        boolean[] rejected = new boolean[m];
        for (int k = 0; k <= largest; k++) {
            rejected[order[k]] = true;
        }
        return rejected;
    }

    /**
     * Runs a lower-sided EWMA chart over per-response values (-1 detractor, 0 passive, +1 promoter) with the
     * in-control mean and standard deviation estimated from the baseline.
     *
     * @param baseline   the baseline's counts (mean and variance of the per-response values)
     * @param recent     per-response values of the monitored window in time order, each -1, 0 or +1
     * @param lambda     smoothing, in (0, 1]
     * @param limitWidth control-limit width in standard deviations, e.g. 3
     * @return the chart's last state and the index of the first point below the lower limit (-1 for none)
     */
    public static Ewma ewma(ScoreCounts baseline, int[] recent, double lambda, double limitWidth) {
        long n = baseline.total();
        double mean = n == 0 ? 0 : (double) (baseline.promoters() - baseline.detractors()) / n;
        double variance = n == 0 ? 0 : NpsStatistics.variance(baseline);
        double sigma = Math.sqrt(variance);
        double z = mean;
        double lower = mean;
        int firstSignal = -1;
        double decay = 1;
        for (int t = 0; t < recent.length; t++) {
            z = lambda * recent[t] + (1 - lambda) * z;
            decay *= (1 - lambda) * (1 - lambda);
            lower = mean - limitWidth * sigma * Math.sqrt(lambda / (2 - lambda) * (1 - decay));
            if (firstSignal < 0 && z < lower) {
                firstSignal = t;
            }
        }
        return new Ewma(100 * mean, 100 * z, 100 * lower, firstSignal);
    }

    /**
     * Finds the control-limit width (in standard deviations) that gives the wanted false-alarm probability for a
     * chart of {@code n} responses, by parametric bootstrap: baselines are redrawn from the baseline's shares (so
     * the error of estimating the centre and variance counts), windows of {@code n} in-control responses are drawn
     * from the same shares, and the width is the {@code 1 - alpha} quantile of how far each simulated chart dips
     * below its centre. Normal-theory widths (L = 3) are far too narrow for NPS data: with few detractors a single
     * one is a large jump, and a 500-response window then false-alarms in a third to a half of in-control cases.
     *
     * @param baseline    the baseline's counts
     * @param n           responses in the charted window
     * @param lambda      smoothing, in (0, 1]
     * @param alpha       wanted false-alarm probability for the whole window
     * @param simulations simulated charts, e.g. 2000
     * @param seed        the simulation's seed (the same inputs give the same width)
     * @return the width; infinite when the baseline has no variance (then no chart can be drawn)
     */
    public static double calibratedLimitWidth(ScoreCounts baseline, int n, double lambda, double alpha, int simulations, long seed) {
        long total = baseline.total();
        if (total == 0 || n == 0) {
            return Double.POSITIVE_INFINITY;
        }
        double p = (double) baseline.promoters() / total;
        double d = (double) baseline.detractors() / total;
        if (NpsStatistics.variance(baseline) == 0) {
            return Double.POSITIVE_INFINITY;
        }
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        double[] dips = new double[simulations];
        for (int s = 0; s < simulations; s++) {
            long promoters = 0;
            long detractors = 0;
            // Past 5,000 baseline responses the estimation error is negligible next to the window's own noise.
            if (total > 5_000) {
                promoters = Math.round(p * total);
                detractors = Math.round(d * total);
            }
            for (long i = 0; total <= 5_000 && i < total; i++) {
                double u = random.nextDouble();
                if (u < p) {
                    promoters++;
                } else if (u < p + d) {
                    detractors++;
                }
            }
            double mean = (double) (promoters - detractors) / total;
            double variance = (double) (promoters + detractors) / total - mean * mean;
            double sigma = Math.sqrt(Math.max(variance, 0));
            double z = mean;
            double decay = 1;
            double worst = 0;
            for (int t = 0; t < n; t++) {
                double u = random.nextDouble();
                int x = u < p ? 1 : u < p + d ? -1 : 0;
                z = lambda * x + (1 - lambda) * z;
                decay *= (1 - lambda) * (1 - lambda);
                double sd = sigma * Math.sqrt(lambda / (2 - lambda) * (1 - decay));
                double standardized = sd == 0 ? (z < mean ? Double.POSITIVE_INFINITY : 0) : (mean - z) / sd;
                worst = Math.max(worst, standardized);
            }
            dips[s] = worst;
        }
        Arrays.sort(dips);
        int index = Math.min(simulations - 1, (int) Math.ceil((1 - alpha) * simulations));
        return dips[index];
    }

    /**
     * A one-sided test result.
     *
     * @param difference    recent minus baseline, in points
     * @param standardError of the difference, in points
     * @param pValue        one-sided p-value in the alerting direction
     */
    public record Drop(double difference, double standardError, double pValue) {}

    /**
     * An EWMA chart's state, on the NPS scale (-100..+100).
     *
     * @param centre      the in-control mean (the baseline NPS)
     * @param last        the EWMA after the last point
     * @param lowerLimit  the lower control limit at the last point
     * @param firstSignal index of the first point below its limit, -1 when none
     */
    public record Ewma(double centre, double last, double lowerLimit, int firstSignal) {
        public boolean signalled() {
            return firstSignal >= 0;
        }
    }
}
