package dev.nps.engine.alerts;

import dev.nps.spi.Alert;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Alerts when the response rate (responses per invitation sent in the period) fell significantly from the
 * baseline (one-sided two-proportion z-test). Invitation counts come from an {@link InvitationCounts}.
 *
 * @param id              the rule id
 * @param surveyId        the survey, or empty for all
 * @param period          the watched period
 * @param baseline        what it is compared with
 * @param minInvitations  fewest invitations on each side
 * @param minDropPoints   the smallest drop in the rate worth an alert, in percentage points
 * @param alpha           significance level
 * @param coolDown        least time between two alerts
 * @param severity        the alerts' severity
 * @since 0.1
 */
public record ResponseRateRule(String id, Optional<String> surveyId, Duration period, Baseline baseline, int minInvitations,
                               double minDropPoints, double alpha, Duration coolDown, Alert.Severity severity)
        implements AlertRule {

    public ResponseRateRule {
        Objects.requireNonNull(surveyId, "surveyId");
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
        RuleChecks.atLeast(id, "minInvitations", minInvitations, 20, p);
        RuleChecks.points(id, "minDropPoints", minDropPoints, 100, p);
        RuleChecks.alpha(id, alpha, p);
        RuleChecks.notNegative(id, "coolDown", coolDown, p);
        return p;
    }

    /** Builder; {@link #build()} freezes the settings, the monitor checks them. */
    public static final class Builder {
        private final String id;
        private String surveyId;
        private Duration period = Duration.ofDays(7);
        private Baseline baseline = Baseline.previousPeriod();
        private int minInvitations = 50;
        private double minDropPoints = 5;
        private double alpha = 0.05;
        private Duration coolDown;
        private Alert.Severity severity = Alert.Severity.INFO;

        private Builder(String id) {
            this.id = id;
        }

        public Builder survey(String surveyId) {
            this.surveyId = surveyId;
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

        public Builder minInvitations(int minInvitations) {
            this.minInvitations = minInvitations;
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

        public Builder coolDown(Duration coolDown) {
            this.coolDown = coolDown;
            return this;
        }

        public Builder severity(Alert.Severity severity) {
            this.severity = Objects.requireNonNull(severity, "severity");
            return this;
        }

        public ResponseRateRule build() {
            return new ResponseRateRule(id, Optional.ofNullable(surveyId), period, baseline, minInvitations, minDropPoints, alpha,
                    coolDown != null ? coolDown : period, severity);
        }
    }
}
