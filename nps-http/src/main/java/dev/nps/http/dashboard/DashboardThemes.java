package dev.nps.http.dashboard;

import dev.nps.api.Response;
import dev.nps.engine.reports.ThemeSource;

/**
 * Themes for the dashboard: their NPS impact (as in reports) and which responses mention a theme, for the
 * drill-down. The built-in text analyser's theme report satisfies it through an adapter.
 *
 * @since 0.1
 */
public interface DashboardThemes extends ThemeSource {

    /**
     * @param response a response
     * @param theme    a theme label from {@link #themes}
     * @return whether the response mentions the theme
     */
    boolean mentions(Response response, String theme);

    /**
     * @param themes the built-in text analyser's themes, never null
     * @return the dashboard's view of them
     */
    static DashboardThemes of(dev.nps.engine.reports.TextThemes themes) {
        java.util.Objects.requireNonNull(themes, "themes");
        return new DashboardThemes() {
            @Override
            public java.util.List<dev.nps.engine.reports.NpsReport.ThemeRow> themes(dev.nps.api.analytics.ResponseFilter filter) {
                return themes.themes(filter);
            }

            @Override
            public boolean mentions(Response response, String theme) {
                return themes.mentions(response, theme);
            }
        };
    }
}
