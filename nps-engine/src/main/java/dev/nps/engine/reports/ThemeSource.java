package dev.nps.engine.reports;

import dev.nps.api.analytics.ResponseFilter;
import java.util.List;

/**
 * Supplies the themes found in comments with their effect on the NPS, for reports and the dashboard. The
 * built-in text analyser's theme report satisfies it; {@link ThemeImpacts} computes the rows from per-theme counts.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface ThemeSource {

    /**
     * @param filter which responses
     * @return one row per theme, in any order
     */
    List<NpsReport.ThemeRow> themes(ResponseFilter filter);
}
