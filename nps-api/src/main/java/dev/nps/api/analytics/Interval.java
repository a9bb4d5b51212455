package dev.nps.api.analytics;

import dev.nps.api.NpsException;

/**
 * A confidence interval for an NPS, on the -100..+100 scale, never outside it.
 *
 * @param low        lower bound
 * @param high       upper bound
 * @param confidence confidence level, e.g. 0.95
 * @param method     how it was computed
 * @since 0.1
 */
public record Interval(double low, double high, double confidence, IntervalMethod method) {
    public Interval {
        if (!(confidence > 0 && confidence < 1)) {
            throw NpsException.invalid("confidence", "must be between 0 and 1 exclusive (got " + confidence + ")");
        }
        if (method == null) {
            throw NpsException.invalid("method", "must not be null");
        }
        if (!Double.isNaN(low) && !Double.isNaN(high) && (low > high || low < -100 || high > 100)) {
            throw NpsException.invalid("interval", "must satisfy -100 <= low <= high <= 100 (got [" + low + ", " + high + "])");
        }
    }

    /** @return whether the value lies inside the interval, bounds included */
    public boolean contains(double value) {
        return value >= low && value <= high;
    }

    /** @return half the width */
    public double marginOfError() {
        return (high - low) / 2;
    }
}
