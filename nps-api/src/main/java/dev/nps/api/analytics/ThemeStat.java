package dev.nps.api.analytics;

import dev.nps.api.internal.Checks;
import java.util.List;

/**
 * One theme of a {@link ThemeReport}.
 *
 * <p>The impact is what the theme's responses move the overall NPS by: the overall NPS minus the NPS of the
 * responses that do not mention the theme, which equals {@code share x (NPS of theme - NPS of the rest)}. Its
 * standard error is {@code share x} the standard error of that difference (the share taken as fixed).
 *
 * @param theme               the theme's name
 * @param mentions            responses whose comment mentions it
 * @param share               mentions divided by all responses of the report, 0..1
 * @param nps                 the NPS of the responses that mention it, with its interval
 * @param averageSentiment    mean compound sentiment (-1..1) towards the theme in those comments (from the
 *                            clauses that mention it)
 * @param impact              overall NPS minus the NPS without these responses, in points
 * @param impactStandardError standard error of the impact, in points (NaN when undefined)
 * @param trend               mentions and NPS per period, oldest first
 * @param emerging            whether the share grew significantly in the last period against the one before
 * @param emergingPValue      one-sided p-value of that growth (two-proportion z-test); 1 when undefined
 * @param quotes              two or three short, typical comments
 * @since 0.1
 */
public record ThemeStat(String theme, long mentions, double share, NpsSummary nps, double averageSentiment, double impact,
                        double impactStandardError, List<ThemePeriod> trend, boolean emerging, double emergingPValue,
                        List<String> quotes) {
    public ThemeStat {
        Checks.notBlank(theme, "theme");
        Checks.notNull(nps, "nps");
        trend = List.copyOf(Checks.notNull(trend, "trend"));
        quotes = List.copyOf(Checks.notNull(quotes, "quotes"));
    }
}
