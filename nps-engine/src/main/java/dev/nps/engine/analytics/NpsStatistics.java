package dev.nps.engine.analytics;

import dev.nps.api.NpsException;
import dev.nps.api.analytics.Comparison;
import dev.nps.api.analytics.Interval;
import dev.nps.api.analytics.IntervalMethod;
import dev.nps.api.analytics.NpsSummary;
import dev.nps.api.analytics.ScoreCounts;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The statistics of an NPS, computed from a {@link ScoreCounts} cell.
 *
 * <p>The NPS is a difference of two proportions of one sample, so each response is -1 (detractor), 0 (passive)
 * or +1 (promoter) and its variance is the trinomial {@code V = pP + pD - (pP - pD)^2}. The standard error of the
 * NPS is {@code sqrt(V / n)}. Intervals are Wald (normal approximation) or adjusted-Wald, which adds 3 to n and
 * 3/4 to promoters and to detractors before the Wald formula (Rocks 2016, The American Statistician 70:365-372;
 * MeasuringU) and keeps its coverage close to nominal for small samples. All figures are reported in points
 * (-100..+100); an interval is clipped to that range.
 */
public final class NpsStatistics {
    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    private NpsStatistics() {}

    /**
     * @param counts     the cell
     * @param confidence e.g. 0.95
     * @param method     interval method
     * @param minSample  fewer responses are flagged as a small sample
     * @return the NPS with its standard error, interval and small-sample flag; NaN figures when empty
     */
    public static NpsSummary summarize(ScoreCounts counts, double confidence, IntervalMethod method, int minSample) {
        return new NpsSummary(counts, counts.nps(), standardError(counts), interval(counts, confidence, method),
                counts.total() < minSample);
    }

    /** @return the per-response variance on the -1..+1 scale: pP + pD - (pP - pD)^2; NaN when empty */
    public static double variance(ScoreCounts counts) {
        long n = counts.total();
        if (n == 0) {
            return Double.NaN;
        }
        return trinomialVariance((double) counts.promoters() / n, (double) counts.detractors() / n);
    }

    /** @return the standard error of the NPS, in points; NaN when empty */
    public static double standardError(ScoreCounts counts) {
        long n = counts.total();
        return n == 0 ? Double.NaN : 100 * Math.sqrt(variance(counts) / n);
    }

    /**
     * @return the confidence interval in points, clipped to -100..+100; [NaN, NaN] when empty for Wald,
     *         and the wide interval the adjustment gives for adjusted-Wald
     */
    public static Interval interval(ScoreCounts counts, double confidence, IntervalMethod method) {
        double z = zFor(confidence);
        double n = counts.total();
        double promoters = counts.promoters();
        double detractors = counts.detractors();
        if (method == IntervalMethod.ADJUSTED_WALD) {
            n += 3;
            promoters += 0.75;
            detractors += 0.75;
        }
        if (n == 0) {
            return new Interval(Double.NaN, Double.NaN, confidence, method);
        }
        double pP = promoters / n;
        double pD = detractors / n;
        double centre = pP - pD;
        double halfWidth = z * Math.sqrt(trinomialVariance(pP, pD) / n);
        return new Interval(clip(100 * (centre - halfWidth)), clip(100 * (centre + halfWidth)), confidence, method);
    }

    /**
     * Compares two independent groups (two segments, or a segment against the rest of the responses).
     *
     * @return a minus b with its standard error, z and two-sided p-value; never significant when a side is empty
     */
    public static Comparison compare(ScoreCounts a, ScoreCounts b, double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw NpsException.invalid("alpha", "must be between 0 and 1 exclusive (got " + alpha + ")");
        }
        long na = a.total();
        long nb = b.total();
        if (na == 0 || nb == 0) {
            return new Comparison(Double.NaN, Double.NaN, Double.NaN, 1.0, alpha, false);
        }
        double diff = a.nps() - b.nps();
        double se = 100 * Math.sqrt(variance(a) / na + variance(b) / nb);
        if (se == 0) {
            // Both groups are unanimous: a difference is certain, no difference is certainly none.
            boolean differs = diff != 0;
            return new Comparison(diff, 0, differs ? Math.copySign(Double.POSITIVE_INFINITY, diff) : Double.NaN,
                    differs ? 0.0 : 1.0, alpha, differs);
        }
        double zValue = diff / se;
        double p = 2 * STANDARD_NORMAL.cumulativeProbability(-Math.abs(zValue));
        return new Comparison(diff, se, zValue, p, alpha, p < alpha);
    }

    /**
     * The number of responses needed for a margin of error (half-width of the Wald interval).
     *
     * @param marginOfErrorPoints the wanted half-width in NPS points, e.g. 5
     * @param confidence          e.g. 0.95
     * @param expectedPromoterShare expected share of promoters, 0..1
     * @param expectedDetractorShare expected share of detractors, 0..1
     * @return the sample size, rounded up
     */
    public static long sampleSize(double marginOfErrorPoints, double confidence, double expectedPromoterShare,
                                  double expectedDetractorShare) {
        if (!(marginOfErrorPoints > 0 && marginOfErrorPoints <= 200)) {
            throw NpsException.invalid("marginOfError", "must be in (0, 200] points (got " + marginOfErrorPoints + ")");
        }
        if (!(expectedPromoterShare >= 0 && expectedDetractorShare >= 0 && expectedPromoterShare + expectedDetractorShare <= 1)) {
            throw NpsException.invalid("expected shares", "promoter and detractor shares must be >= 0 and add up to at most 1");
        }
        double z = zFor(confidence);
        double v = trinomialVariance(expectedPromoterShare, expectedDetractorShare);
        double moe = marginOfErrorPoints / 100;
        return Math.max(1, (long) Math.ceil(z * z * v / (moe * moe)));
    }

    /** The conservative sample size: the largest trinomial variance (1, half promoters and half detractors). */
    public static long sampleSize(double marginOfErrorPoints, double confidence) {
        return sampleSize(marginOfErrorPoints, confidence, 0.5, 0.5);
    }

    /** @return the two-sided standard normal quantile for a confidence level, e.g. 1.96 for 0.95 */
    public static double zFor(double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw NpsException.invalid("confidence", "must be between 0 and 1 exclusive, e.g. 0.95 (got " + confidence + ")");
        }
        // A grouped query asks for the same quantile once per group: remember the last one (an immutable pair,
        // so a racing reader sees either the old or the new pair, never a mix).
        Quantile last = lastQuantile;
        if (last.confidence == confidence) {
            return last.z;
        }
        double z = STANDARD_NORMAL.inverseCumulativeProbability(0.5 + confidence / 2);
        lastQuantile = new Quantile(confidence, z);
        return z;
    }

    private record Quantile(double confidence, double z) {}

    private static volatile Quantile lastQuantile = new Quantile(0.95, STANDARD_NORMAL.inverseCumulativeProbability(0.975));

    private static double trinomialVariance(double pP, double pD) {
        double d = pP - pD;
        return Math.max(0, pP + pD - d * d);
    }

    private static double clip(double points) {
        return Math.max(-100, Math.min(100, points));
    }
}
