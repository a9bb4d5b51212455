package dev.nps.engine.reports;

import dev.nps.api.Response;
import dev.nps.api.analytics.ResponseFilter;
import dev.nps.api.analytics.ThemeReport;
import dev.nps.api.analytics.ThemeStat;
import dev.nps.api.internal.Checks;
import dev.nps.engine.text.BuiltinTextAnalyser;
import dev.nps.engine.text.FeedbackRow;
import dev.nps.engine.text.StoredFeedback;
import dev.nps.engine.text.ThemeModel;
import dev.nps.engine.text.ThemeReporter;
import dev.nps.spi.NpsStore;
import dev.nps.spi.TextAnalyser;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Themes for reports and the dashboard: discovers the themes of the comments a filter matches (as
 * {@code NpsEngine.themeReport} does, with the engine's analyser when given: the built-in one's user themes, renames
 * and merges, or a plug-in's own themes), reports each theme's NPS impact, and tells which responses mention a theme
 * of the latest discovery (for drill-down).
 *
 * @since 0.1
 */
public final class TextThemes implements ThemeSource {
    private final NpsStore store;
    private final TextAnalyser analyser;
    /** The themes of a comment by the latest discovery; null before the first. */
    private volatile Function<String, List<String>> latest;

    private TextThemes(NpsStore store, TextAnalyser analyser) {
        this.store = store;
        this.analyser = analyser;
    }

    /**
     * @param store where the responses are, never null
     * @return the theme source, with the built-in discovery's defaults
     */
    public static TextThemes over(NpsStore store) {
        return new TextThemes(Checks.notNull(store, "store"), null);
    }

    /**
     * @param store    where the responses are, never null
     * @param analyser the engine's text analyser ({@code NpsEngine.textAnalyser()}), never null
     * @return the theme source, with that analyser's themes
     */
    public static TextThemes over(NpsStore store, TextAnalyser analyser) {
        return new TextThemes(Checks.notNull(store, "store"), Checks.notNull(analyser, "analyser"));
    }

    @Override
    public List<NpsReport.ThemeRow> themes(ResponseFilter filter) {
        Checks.notNull(filter, "filter");
        List<FeedbackRow> rows = StoredFeedback.read(store, filter);
        List<String> comments = new ArrayList<>(rows.size());
        rows.forEach(r -> comments.add(r.comment()));
        ThemeReport report;
        if (analyser == null || analyser instanceof BuiltinTextAnalyser) {
            BuiltinTextAnalyser builtin = (BuiltinTextAnalyser) analyser;
            ThemeModel model = builtin == null ? ThemeModel.discover(comments, List.of()) : builtin.model().rediscover(comments);
            ThemeReporter.Builder b = ThemeReporter.builder().model(model);
            report = (builtin == null ? b : b.sentiment(builtin.scorer())).build().report(rows);
            latest = model::tag;
        } else {
            report = ThemeReporter.builder().build().report(rows, analyser);
            latest = comment -> analyser.analyse(comment, Locale.ROOT).themes();
        }
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
        Function<String, List<String>> themesOf = latest;
        return themesOf != null && response.comment().map(c -> themesOf.apply(c).contains(theme)).orElse(false);
    }
}
