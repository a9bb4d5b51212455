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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
    /** Results kept by {@link #cachedFor}: a dashboard offers a handful of periods and segments. */
    private static final int CACHED_FILTERS = 32;

    private final NpsStore store;
    private final TextAnalyser analyser;
    private final Duration reuseFor;
    private final Clock clock;
    /** The themes of a comment by the latest discovery; null before the first. */
    private volatile Function<String, List<String>> latest;
    private final Map<ResponseFilter, Discovery> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ResponseFilter, Discovery> eldest) {
            return size() > CACHED_FILTERS;
        }
    };

    /** One discovery: its rows for reports, how it tags a comment, and when it was made. */
    private record Discovery(List<NpsReport.ThemeRow> rows, Function<String, List<String>> themesOf, Instant at) {}

    private TextThemes(NpsStore store, TextAnalyser analyser, Duration reuseFor, Clock clock) {
        this.store = store;
        this.analyser = analyser;
        this.reuseFor = reuseFor;
        this.clock = clock;
    }

    private TextThemes(NpsStore store, TextAnalyser analyser) {
        this(store, analyser, Duration.ZERO, Clock.systemUTC());
    }

    /**
     * Reuses a discovery for the same filter, with its time window rounded down to {@code reuseFor}, for that long:
     * a dashboard asks again on every refresh, and themes over weeks of comments do not change from one minute to
     * the next. Without it every call discovers afresh (from up to {@link StoredFeedback#DEFAULT_MAX_ROWS}
     * comments, seconds on a large store).
     *
     * @param reuseFor how long a discovery is reused, positive
     * @param clock    what "now" is
     * @return a theme source like this one that reuses its discoveries
     * @throws dev.nps.api.NpsException {@code INVALID_ARGUMENT} for a duration that is not positive, or a null clock
     */
    public TextThemes cachedFor(Duration reuseFor, Clock clock) {
        Checks.notNull(reuseFor, "reuseFor");
        if (reuseFor.isZero() || reuseFor.isNegative()) {
            throw dev.nps.api.NpsException.invalid("reuseFor", "must be positive, e.g. Duration.ofMinutes(10) (got " + reuseFor + ")");
        }
        return new TextThemes(store, analyser, reuseFor, Checks.notNull(clock, "clock"));
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
        if (reuseFor.isZero()) {
            Discovery d = discover(filter);
            latest = d.themesOf();
            return d.rows();
        }
        ResponseFilter key = rounded(filter);
        Discovery d;
        synchronized (cache) {
            d = cache.get(key);
        }
        if (d == null || d.at().plus(reuseFor).isBefore(clock.instant())) {
            d = discover(filter);
            synchronized (cache) {
                cache.put(key, d);
            }
        }
        latest = d.themesOf();
        return d.rows();
    }

    /** The filter with its window's ends rounded down to whole {@link #reuseFor} periods: the cache key. */
    private ResponseFilter rounded(ResponseFilter filter) {
        long step = reuseFor.toMillis();
        ResponseFilter.Builder b = filter.toBuilder();
        Optional<Instant> from;
        Optional<Instant> to;
        try {
            from = filter.from().map(t -> Instant.ofEpochMilli(Math.floorDiv(t.toEpochMilli(), step) * step));
            to = filter.to().map(t -> Instant.ofEpochMilli(Math.floorDiv(t.toEpochMilli(), step) * step));
        } catch (ArithmeticException e) {
            return filter; // an instant beyond the epoch milliseconds (Instant.MIN, MAX): used as it is
        }
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            return filter; // a window shorter than a period: no rounding
        }
        from.ifPresent(b::from);
        to.ifPresent(b::to);
        return b.build();
    }

    private Discovery discover(ResponseFilter filter) {
        List<FeedbackRow> rows = StoredFeedback.read(store, filter);
        List<String> comments = new ArrayList<>(rows.size());
        rows.forEach(r -> comments.add(r.comment()));
        ThemeReport report;
        Function<String, List<String>> themesOf;
        if (analyser == null || analyser instanceof BuiltinTextAnalyser) {
            BuiltinTextAnalyser builtin = (BuiltinTextAnalyser) analyser;
            ThemeModel model = builtin == null ? ThemeModel.discover(comments, List.of()) : builtin.model().rediscover(comments);
            ThemeReporter.Builder b = ThemeReporter.builder().model(model);
            report = (builtin == null ? b : b.sentiment(builtin.scorer())).build().report(rows);
            themesOf = model::tag;
        } else {
            report = ThemeReporter.builder().build().report(rows, analyser);
            themesOf = comment -> analyser.analyse(comment, Locale.ROOT).themes();
        }
        List<NpsReport.ThemeRow> out = new ArrayList<>();
        for (ThemeStat t : report.themes()) {
            if (t.mentions() > 0) {
                out.add(ThemeImpacts.row(t.theme(), t.nps().counts(), report.overall().counts()));
            }
        }
        return new Discovery(List.copyOf(out), themesOf, clock.instant());
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
