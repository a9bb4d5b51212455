package dev.nps.engine.alerts;

import dev.nps.spi.Alert;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Alerts when the NPS of the last period fell significantly below a baseline: a one-sided z-test on the
 * trinomial variance ({@link dev.nps.engine.analytics.NpsStatistics#compare}), with a minimum number of
 * responses on each side and a minimum meaningful drop. With {@link Builder#segmentBy(String)} every segment is
 * tested and the Benjamini-Hochberg procedure keeps the false discovery rate across segments at {@code alpha}.
 *
 * @param id             the rule id
 * @param surveyId       the survey, or empty for all
 * @param segmentBy      the attribute whose values are tested separately, or empty for the overall NPS
 * @param period         the watched period, ending at the evaluation time
 * @param baseline       what it is compared with
 * @param minResponses   fewest responses on each side for a test
 * @param minDropPoints  the smallest drop worth an alert, in NPS points
 * @param alpha          significance level (false discovery rate across segments)
 * @param coolDown       least time between two alerts for one segment
 * @param severity       the alerts' severity
 * @since 0.1
 */
public record NpsDropRule(String id, Optional<String> surveyId, Optional<String> segmentBy, Duration period, Baseline baseline,
                          int minResponses, double minDropPoints, double alpha, Duration coolDown, Alert.Severity severity)
        implements AlertRule {
    /** Default fewest responses per side. {@value} */
    public static final int DEFAULT_MIN_RESPONSES = 30;
    /** Default smallest drop worth an alert, in points. {@value} */
    public static final double DEFAULT_MIN_DROP_POINTS = 5;
    /** Default significance level. {@value} */
    public static final double DEFAULT_ALPHA = 0.05;

    public NpsDropRule {
        Objects.requireNonNull(surveyId, "surveyId");
        Objects.requireNonNull(segmentBy, "segmentBy");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(severity, "severity");
    }

    /**
     * @param id the rule id
     * @return a builder with the defaults: weekly period against the previous week, overall NPS
     */
    public static Builder named(String id) {
        return new Builder(id);
    }

    @Override
    public List<String> problems() {
        List<String> p = new ArrayList<>();
        RuleChecks.id(id, p);
        RuleChecks.survey(id, surveyId, p);
        RuleChecks.segmentKey(id, segmentBy, p);
        RuleChecks.positive(id, "period", period, p);
        baseline.check("rules[" + id + "].baseline", p);
        RuleChecks.atLeast(id, "minResponses", minResponses, 10, p);
        RuleChecks.points(id, "minDropPoints", minDropPoints, 200, p);
        RuleChecks.alpha(id, alpha, p);
        RuleChecks.notNegative(id, "coolDown", coolDown, p);
        return p;
    }

    /** Builder; {@link #build()} freezes the settings, the monitor checks them. */
    public static final class Builder {
        private final String id;
        private String surveyId;
        private String segmentBy;
        private Duration period = Duration.ofDays(7);
        private Baseline baseline = Baseline.previousPeriod();
        private int minResponses = DEFAULT_MIN_RESPONSES;
        private double minDropPoints = DEFAULT_MIN_DROP_POINTS;
        private double alpha = DEFAULT_ALPHA;
        private Duration coolDown;
        private Alert.Severity severity = Alert.Severity.WARNING;

        private Builder(String id) {
            this.id = id;
        }

        public Builder survey(String surveyId) {
            this.surveyId = surveyId;
            return this;
        }

        public Builder segmentBy(String attributeKey) {
            this.segmentBy = attributeKey;
            return this;
        }

        public Builder period(Duration period) {
            this.period = period;
            return this;
        }

        public Builder baseline(Baseline baseline) {
            this.baseline = Objects.requireNonNull(baseline, "baseline");
            return this;
        }

        public Builder minResponses(int minResponses) {
            this.minResponses = minResponses;
            return this;
        }

        public Builder minDropPoints(double points) {
            this.minDropPoints = points;
            return this;
        }

        public Builder alpha(double alpha) {
            this.alpha = alpha;
            return this;
        }

        /** @param coolDown least time between two alerts for one segment (default: the period) */
        public Builder coolDown(Duration coolDown) {
            this.coolDown = coolDown;
            return this;
        }

        public Builder severity(Alert.Severity severity) {
            this.severity = Objects.requireNonNull(severity, "severity");
            return this;
        }

        public NpsDropRule build() {
            return new NpsDropRule(id, Optional.ofNullable(surveyId), Optional.ofNullable(segmentBy), period, baseline,
                    minResponses, minDropPoints, alpha, coolDown != null ? coolDown : period, severity);
        }
    }
}
