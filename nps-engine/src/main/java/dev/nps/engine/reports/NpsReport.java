package dev.nps.engine.reports;

import dev.nps.api.internal.Checks;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A finished NPS report: every figure a reader needs, with its count and interval, ready to render as HTML, CSV
 * or JSON. Built by {@link ReportBuilder}; written as JSON by {@link ReportJson}.
 *
 * @param title        heading shown on the report
 * @param surveyId     the survey reported on, empty for all surveys
 * @param from         start of the window (inclusive), empty when unbounded
 * @param to           end of the window (exclusive)
 * @param generatedAt  when the report was built
 * @param confidence   confidence level of every interval, e.g. 0.95
 * @param overall      the NPS of the whole window
 * @param distribution counts of the scores 0..10 (eleven entries)
 * @param trend        one point per period with responses, oldest first (also the category shares over time)
 * @param segments     segments side by side, each compared with the rest
 * @param themes       themes by NPS impact, largest absolute impact first; empty without a theme input
 * @param funnel       invitation funnel, when funnel counts were given
 * @since 0.1
 */
public record NpsReport(String title, Optional<String> surveyId, Optional<Instant> from, Instant to, Instant generatedAt,
                        double confidence, Figure overall, List<Long> distribution, List<TrendPoint> trend,
                        List<SegmentRow> segments, List<ThemeRow> themes, Optional<Funnel> funnel) {
    public NpsReport {
        Checks.notNull(title, "report.title");
        Checks.notNull(surveyId, "report.surveyId");
        Checks.notNull(from, "report.from");
        Checks.notNull(to, "report.to");
        Checks.notNull(generatedAt, "report.generatedAt");
        Checks.notNull(overall, "report.overall");
        distribution = List.copyOf(Checks.notNull(distribution, "report.distribution"));
        if (distribution.size() != 11) {
            throw dev.nps.api.NpsException.invalid("report.distribution", "must hold 11 counts for scores 0..10 (got "
                    + distribution.size() + ")");
        }
        trend = List.copyOf(Checks.notNull(trend, "report.trend"));
        segments = List.copyOf(Checks.notNull(segments, "report.segments"));
        themes = List.copyOf(Checks.notNull(themes, "report.themes"));
        Checks.notNull(funnel, "report.funnel");
    }

    /**
     * An NPS with its counts and interval.
     *
     * @param responses   number of responses
     * @param promoters   scores 9-10
     * @param passives    scores 7-8
     * @param detractors  scores 0-6
     * @param nps         -100..+100, NaN when there are no responses
     * @param low         interval lower bound
     * @param high        interval upper bound
     * @param smallSample fewer responses than the minimum sample
     */
    public record Figure(long responses, long promoters, long passives, long detractors, double nps, double low,
                         double high, boolean smallSample) {
        /** @return the share of promoters in percent, NaN when empty */
        public double promoterShare() {
            return share(promoters);
        }

        /** @return the share of passives in percent, NaN when empty */
        public double passiveShare() {
            return share(passives);
        }

        /** @return the share of detractors in percent, NaN when empty */
        public double detractorShare() {
            return share(detractors);
        }

        private double share(long part) {
            return responses == 0 ? Double.NaN : 100.0 * part / responses;
        }
    }

    /**
     * One period of the trend.
     *
     * @param period first day of the period
     * @param figure the NPS of the period
     */
    public record TrendPoint(LocalDate period, Figure figure) {
        public TrendPoint {
            Checks.notNull(period, "trend.period");
            Checks.notNull(figure, "trend.figure");
        }
    }

    /**
     * One segment compared with the rest of the window.
     *
     * @param key         the attribute
     * @param value       its value ({@code ""} for responses without it)
     * @param figure      the segment's NPS
     * @param difference  segment minus rest, in points (NaN without a rest)
     * @param pValue      two-sided p-value of the difference (1 without a rest)
     * @param significant whether the difference is significant at the report's alpha
     */
    public record SegmentRow(String key, String value, Figure figure, double difference, double pValue,
                             boolean significant) {
        public SegmentRow {
            Checks.notNull(key, "segment.key");
            Checks.notNull(value, "segment.value");
            Checks.notNull(figure, "segment.figure");
        }
    }

    /**
     * A theme's effect on the NPS.
     *
     * @param theme      the theme's label
     * @param mentions   responses mentioning it
     * @param npsWith    NPS of those responses
     * @param npsWithout NPS of the other responses
     * @param impact     how many points the overall NPS would move without the theme's responses, signed so that
     *                   a theme dragging the NPS down is negative
     */
    public record ThemeRow(String theme, long mentions, double npsWith, double npsWithout, double impact) {
        public ThemeRow {
            Checks.notNull(theme, "theme.theme");
            if (mentions < 0) {
                throw dev.nps.api.NpsException.invalid("theme.mentions", "must not be negative (got " + mentions + ")");
            }
        }
    }

    /**
     * How invitations turned into answers.
     *
     * @param invited   invitations created
     * @param delivered invitations the channel accepted
     * @param opened    invitations opened, when the channel can tell
     * @param answered  responses
     */
    public record Funnel(long invited, long delivered, Optional<Long> opened, long answered) {
        public Funnel {
            Checks.notNull(opened, "funnel.opened");
            if (invited < 0 || delivered < 0 || answered < 0 || opened.orElse(0L) < 0) {
                throw dev.nps.api.NpsException.invalid("funnel", "counts must not be negative");
            }
        }

        /** @return answered over invited in percent, NaN when nobody was invited */
        public double responseRate() {
            return invited == 0 ? Double.NaN : 100.0 * answered / invited;
        }
    }
}
