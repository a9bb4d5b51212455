package dev.nps.api.analytics;

import dev.nps.api.internal.Checks;
import java.util.List;

/**
 * How one attribute of the responses relates to the score.
 *
 * <p>For a numeric attribute the effect is Spearman's rank correlation of the score with the attribute, with a
 * confidence interval from Fisher's z (standard error {@code sqrt(1.06 / (n - 3))}, Fieller, Hartley and Pearson
 * 1957). For a categorical attribute the effect is the NPS gap in points between its best and worst value, with
 * the interval and p-value of the z-test on the trinomial variances.
 *
 * @param attribute   the attribute key
 * @param kind        numeric or categorical
 * @param n           responses with a value for the attribute
 * @param effect      rank correlation (-1..1) or NPS gap in points
 * @param low         lower bound of the effect's interval (NaN when undefined)
 * @param high        upper bound of the effect's interval (NaN when undefined)
 * @param pValue      two-sided p-value of "no effect" (1 when undefined)
 * @param significant whether pValue is below the report's alpha
 * @param best        categorical: the value with the highest NPS; numeric: empty
 * @param worst       categorical: the value with the lowest NPS; numeric: empty
 * @param segments    categorical: the NPS of each value, highest first; numeric: empty
 * @since 0.1
 */
public record Driver(String attribute, Kind kind, long n, double effect, double low, double high, double pValue,
                     boolean significant, String best, String worst, List<Segment> segments) {
    /** The kind of attribute. */
    public enum Kind { NUMERIC, CATEGORICAL }

    public Driver {
        Checks.notBlank(attribute, "attribute");
        Checks.notNull(kind, "kind");
        Checks.notNull(best, "best");
        Checks.notNull(worst, "worst");
        segments = List.copyOf(Checks.notNull(segments, "segments"));
    }

    /**
     * The NPS of one value of a categorical attribute.
     *
     * @param value the attribute value
     * @param nps   the NPS of the responses with that value
     */
    public record Segment(String value, NpsSummary nps) {
        public Segment {
            Checks.notNull(value, "value");
            Checks.notNull(nps, "nps");
        }
    }
}
