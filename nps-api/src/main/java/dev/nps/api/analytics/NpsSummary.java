package dev.nps.api.analytics;

import dev.nps.api.NpsException;

/**
 * An NPS with everything needed to read it honestly: the counts, the standard error, an interval and
 * a small-sample flag (never hidden).
 *
 * @param counts        the score histogram
 * @param nps           the NPS on -100..+100 (NaN when there are no responses)
 * @param standardError standard error of the NPS in points (trinomial variance)
 * @param interval      confidence interval
 * @param smallSample   true when fewer responses than the configured minimum
 * @since 0.1
 */
public record NpsSummary(ScoreCounts counts, double nps, double standardError, Interval interval, boolean smallSample) {
    public NpsSummary {
        if (counts == null || interval == null) {
            throw NpsException.invalid("summary", "counts and interval must not be null");
        }
    }

    public long responses() {
        return counts.total();
    }

    public long promoters() {
        return counts.promoters();
    }

    public long passives() {
        return counts.passives();
    }

    public long detractors() {
        return counts.detractors();
    }

    /** @return the NPS, same as {@link #nps()} */
    public double score() {
        return nps;
    }
}
