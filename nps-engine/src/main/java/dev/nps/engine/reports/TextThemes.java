package dev.nps.engine.reports;

import dev.nps.api.Response;
import dev.nps.api.analytics.ResponseFilter;
import dev.nps.api.analytics.ThemeReport;
import dev.nps.api.analytics.ThemeStat;
import dev.nps.api.internal.Checks;
import dev.nps.engine.text.FeedbackRow;
import dev.nps.engine.text.StoredFeedback;
import dev.nps.engine.text.ThemeModel;
import dev.nps.engine.text.ThemeReporter;
import dev.nps.spi.NpsStore;
import java.util.ArrayList;
import java.util.List;

/**
 * Themes from the built-in text analyser for reports and the dashboard: discovers the themes of the comments a
 * filter matches (as {@code NpsEngine.themeReport} does), reports each theme's NPS impact, and tells which responses
 * mention a theme of the latest discovery (for drill-down).
 *
 * @since 0.1
 */
public final class TextThemes implements ThemeSource {
    private final NpsStore store;
    private volatile ThemeModel latest;

    private TextThemes(NpsStore store) {
        this.store = store;
    }

    /**
     * @param store where the responses are, never null
     * @return the theme source
     */
    public static TextThemes over(NpsStore store) {
        return new TextThemes(Checks.notNull(store, "store"));
    }

    @Override
    public List<NpsReport.ThemeRow> themes(ResponseFilter filter) {
        Checks.notNull(filter, "filter");
        List<FeedbackRow> rows = StoredFeedback.read(store, filter);
        List<String> comments = new ArrayList<>(rows.size());
        rows.forEach(r -> comments.add(r.comment()));
        ThemeModel model = ThemeModel.discover(comments, List.of());
        ThemeReport report = ThemeReporter.builder().model(model).build().report(rows);
        latest = model;
        List<NpsReport.ThemeRow> out = new ArrayList<>();
        for (ThemeStat t : report.themes()) {
            if (t.mentions() > 0) {
                out.add(ThemeImpacts.row(t.theme(), t.nps().counts(), report.overall().counts()));
            }
        }
        return out;
    }

    /**
     * @param response a response
     * @param theme    a theme returned by the latest {@link #themes} call
     * @return whether the response's comment mentions the theme (false before any {@link #themes} call)
     */
    public boolean mentions(Response response, String theme) {
        Checks.notNull(response, "response");
        Checks.notNull(theme, "theme");
        ThemeModel model = latest;
        return model != null && response.comment().map(c -> model.tag(c).contains(theme)).orElse(false);
    }
}
