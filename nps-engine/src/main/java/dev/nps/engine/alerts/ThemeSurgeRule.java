package dev.nps.engine.alerts;

import dev.nps.spi.Alert;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Alerts when a theme's share of the commented responses rose significantly from the baseline to the last
 * period (one-sided two-proportion z-test; Benjamini-Hochberg across themes). Needs a text analyser.
 *
 * @param id              the rule id
 * @param surveyId        the survey, or empty for all
 * @param themes          the themes watched; empty: every theme found
 * @param period          the watched period
 * @param baseline        what it is compared with
 * @param minResponses    fewest commented responses on each side
 * @param minIncreasePoints the smallest rise in share worth an alert, in percentage points
 * @param alpha           false discovery rate across themes
 * @param coolDown        least time between two alerts for one theme
 * @param severity        the alerts' severity
 * @since 0.1
 */
public record ThemeSurgeRule(String id, Optional<String> surveyId, Set<String> themes, Duration period, Baseline baseline,
                             int minResponses, double minIncreasePoints, double alpha, Duration coolDown,
                             Alert.Severity severity) implements AlertRule {

    public ThemeSurgeRule {
        Objects.requireNonNull(surveyId, "surveyId");
        themes = Set.copyOf(themes);
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(severity, "severity");
    }

    public static Builder named(String id) {
        return new Builder(id);
    }

    @Override
    public List<String> problems() {
        List<String> p = new ArrayList<>();
        RuleChecks.id(id, p);
        RuleChecks.survey(id, surveyId, p);
        RuleChecks.positive(id, "period", period, p);
        baseline.check("rules[" + id + "].baseline", p);
        RuleChecks.atLeast(id, "minResponses", minResponses, 10, p);
        RuleChecks.points(id, "minIncreasePoints", minIncreasePoints, 100, p);
        RuleChecks.alpha(id, alpha, p);
        RuleChecks.notNegative(id, "coolDown", coolDown, p);
        return p;
    }

    /** Builder; {@link #build()} freezes the settings, the monitor checks them. */
    public static final class Builder {
        private final String id;
        private String surveyId;
        private final Set<String> themes = new LinkedHashSet<>();
        private Duration period = Duration.ofDays(7);
        private Baseline baseline = Baseline.rolling(Duration.ofDays(28));
        private int minResponses = 30;
        private double minIncreasePoints = 5;
        private double alpha = 0.05;
        private Duration coolDown;
        private Alert.Severity severity = Alert.Severity.WARNING;

        private Builder(String id) {
            this.id = id;
        }

        public Builder survey(String surveyId) {
            this.surveyId = surveyId;
            return this;
        }

        public Builder themes(String... themes) {
            this.themes.addAll(List.of(themes));
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

        public Builder minIncreasePoints(double points) {
            this.minIncreasePoints = points;
            return this;
        }

        public Builder alpha(double alpha) {
            this.alpha = alpha;
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

        public ThemeSurgeRule build() {
            return new ThemeSurgeRule(id, Optional.ofNullable(surveyId), themes, period, baseline, minResponses, minIncreasePoints,
                    alpha, coolDown != null ? coolDown : period, severity);
        }
    }
}
