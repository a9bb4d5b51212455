package dev.nps.engine.rules;

import dev.nps.api.NpsException;
import dev.nps.api.internal.Checks;
import java.time.Duration;

/**
 * How often one contact may be surveyed: at most once per window, counted across all surveys or per survey.
 * A survey's own {@code throttlePerContact} replaces the window for that survey.
 *
 * @param window the minimum time between two invitations to one contact, positive
 * @param scope  what counts against the window
 * @since 0.1
 */
public record FatiguePolicy(Duration window, Scope scope) {
    /** Default: not surveyed in the last 90 days by any survey. */
    public static final FatiguePolicy DEFAULT = new FatiguePolicy(Duration.ofDays(90), Scope.ACROSS_SURVEYS);

    /** What counts against the window. */
    public enum Scope {
        /** Any survey's invitation. */
        ACROSS_SURVEYS,
        /** Only invitations of the same survey. */
        PER_SURVEY
    }

    public FatiguePolicy {
        Checks.notNull(window, "fatigue.window");
        if (window.isNegative() || window.isZero()) {
            throw NpsException.invalid("fatigue.window", "must be positive (got " + window + ")");
        }
        Checks.notNull(scope, "fatigue.scope");
    }
}
