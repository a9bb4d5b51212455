package dev.nps.engine.alerts;

import dev.nps.spi.Alert;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One alert rule. Rules are immutable; their settings are checked when an {@link AlertMonitor} is built, which
 * reports every problem of every rule at once.
 *
 * @since 0.1
 */
public sealed interface AlertRule permits NpsDropRule, ControlChartRule, DetractorRule, ThemeSurgeRule, ResponseRateRule {

    /** @return the rule's id, unique within a monitor; part of every alert key */
    String id();

    /** @return the survey watched, or empty for all surveys */
    Optional<String> surveyId();

    /** @return the least time between two alerts of this rule for one segment */
    Duration coolDown();

    /** @return the severity of the alerts */
    Alert.Severity severity();

    /** @return the problems in the settings, each naming the field and the fix; empty when valid */
    List<String> problems();
}
