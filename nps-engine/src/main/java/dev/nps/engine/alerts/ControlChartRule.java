package dev.nps.engine.alerts;

import dev.nps.spi.Alert;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Continuous monitoring: an EWMA chart over per-response values (-1 detractor, 0 passive, +1 promoter) in
 * answer order, centred on the baseline's mean, with a lower control limit whose width is calibrated by
 * simulation so that an in-control window false-alarms with probability {@code alpha}
 * ({@link AlertStatistics#calibratedLimitWidth}). Alerts when the EWMA falls below the limit.
 *
 * @param id            the rule id
 * @param surveyId      the survey, or empty for all
 * @param window        the charted window, ending at the evaluation time
 * @param baseline      the window the in-control mean and variance come from, ending where the chart starts
 * @param lambda        smoothing weight in (0, 1]; small values catch small lasting shifts
 * @param alpha         false-alarm probability of one evaluation of an in-control window, e.g. 0.01
 * @param minBaseline   fewest baseline responses for a chart
 * @param minResponses  fewest charted responses before a signal counts
 * @param coolDown      least time between two alerts
 * @param severity      the alerts' severity
 * @since 0.1
 */
public record ControlChartRule(String id, Optional<String> surveyId, Duration window, Duration baseline, double lambda,
                               double alpha, int minBaseline, int minResponses, Duration coolDown,
                               Alert.Severity severity) implements AlertRule {

    public ControlChartRule {
        Objects.requireNonNull(surveyId, "surveyId");
        Objects.requireNonNull(severity, "severity");
    }

    /**
     * @param id the rule id
     * @return a builder with the defaults: the last 7 days charted against the 28 days before, lambda 0.1, false-alarm probability 0.01
     */
    public static Builder named(String id) {
        return new Builder(id);
    }

    @Override
    public List<String> problems() {
        List<String> p = new ArrayList<>();
        RuleChecks.id(id, p);
        RuleChecks.survey(id, surveyId, p);
        RuleChecks.positive(id, "window", window, p);
        RuleChecks.positive(id, "baseline", baseline, p);
        if (!(lambda > 0 && lambda <= 1)) {
            p.add("rules[" + id + "].lambda: must be in (0, 1], e.g. 0.1 (got " + lambda + ")");
        }
        if (!(alpha >= 0.001 && alpha <= 0.2)) {
            p.add("rules[" + id + "].alpha: must be 0.001..0.2, e.g. 0.01 (got " + alpha + ")");
        }
        RuleChecks.atLeast(id, "minBaseline", minBaseline, 30, p);
        RuleChecks.atLeast(id, "minResponses", minResponses, 5, p);
        RuleChecks.notNegative(id, "coolDown", coolDown, p);
        return p;
    }

    /** Builder; {@link #build()} freezes the settings, the monitor checks them. */
    public static final class Builder {
        private final String id;
        private String surveyId;
        private Duration window = Duration.ofDays(7);
        private Duration baseline = Duration.ofDays(28);
        private double lambda = 0.1;
        private double alpha = 0.01;
        private int minBaseline = 100;
        private int minResponses = 10;
        private Duration coolDown = Duration.ofDays(1);
        private Alert.Severity severity = Alert.Severity.WARNING;

        private Builder(String id) {
            this.id = id;
        }

        public Builder survey(String surveyId) {
            this.surveyId = surveyId;
            return this;
        }

        public Builder window(Duration window) {
            this.window = window;
            return this;
        }

        public Builder baseline(Duration baseline) {
            this.baseline = baseline;
            return this;
        }

        public Builder lambda(double lambda) {
            this.lambda = lambda;
            return this;
        }

        /** @param alpha false-alarm probability of one evaluation of an in-control window (default 0.01) */
        public Builder alpha(double alpha) {
            this.alpha = alpha;
            return this;
        }

        public Builder minBaseline(int minBaseline) {
            this.minBaseline = minBaseline;
            return this;
        }

        public Builder minResponses(int minResponses) {
            this.minResponses = minResponses;
            return this;
        }

        public Builder coolDown(Duration coolDown) {
            this.coolDown = coolDown;
            return this;
        }

        public Builder severity(Alert.Severity severity) {
            this.severity = Objects.requireNonNull(severity, "severity");
            return this;
        }

        public ControlChartRule build() {
            return new ControlChartRule(id, Optional.ofNullable(surveyId), window, baseline, lambda, alpha, minBaseline,
                    minResponses, coolDown, severity);
        }
    }
}
