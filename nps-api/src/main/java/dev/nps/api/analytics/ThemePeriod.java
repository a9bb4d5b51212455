package dev.nps.api.analytics;

import dev.nps.api.internal.Checks;
import java.time.LocalDate;

/**
 * A theme in one period of its trend.
 *
 * @param period    first day of the period
 * @param responses all responses of the period
 * @param mentions  responses of the period that mention the theme
 * @param share     mentions divided by responses, 0..1
 * @param nps       NPS of the responses that mention the theme (NaN when none)
 * @since 0.1
 */
public record ThemePeriod(LocalDate period, long responses, long mentions, double share, double nps) {
    public ThemePeriod {
        Checks.notNull(period, "period");
    }
}
