package dev.nps.engine.reports;

import dev.nps.api.NpsException;
import dev.nps.api.analytics.Comparison;
import dev.nps.api.analytics.GroupResult;
import dev.nps.api.analytics.NpsQuery;
import dev.nps.api.analytics.NpsResult;
import dev.nps.api.analytics.NpsSummary;
import dev.nps.api.analytics.ResponseFilter;
import dev.nps.api.analytics.TimeBucket;
import dev.nps.api.internal.Checks;
import dev.nps.engine.analytics.NpsAnalytics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Builds an {@link NpsReport} from the engine's analytics:
 *
 * <pre>{@code
 * NpsReport report = ReportBuilder.over(engine.analytics(), engine.clock())
 *     .survey("post-purchase").last(Duration.ofDays(90)).trendBy(TimeBucket.WEEK)
 *     .segmentBy("plan", "region").themes(themeSource).funnel(funnelCounts)
 *     .build();
 * }</pre>
 *
 * <p>Defaults: every survey, all time up to now, weekly trend in UTC, 95% adjusted-Wald intervals, small samples
 * below {@value NpsQuery#DEFAULT_MIN_SAMPLE}, alpha {@value NpsQuery#DEFAULT_ALPHA}. Not thread-safe; {@link #build()}
 * may be called again.
 *
 * @since 0.1
 */
public final class ReportBuilder {
    private final Function<NpsQuery, NpsResult> runner;
    private final Clock clock;
    private String title = "Net Promoter Score report";
    private String survey;
    private Instant from;
    private Instant to;
    private Duration last;
    private TimeBucket bucket = TimeBucket.WEEK;
    private ZoneId zone = ZoneOffset.UTC;
    private final Set<String> segmentKeys = new LinkedHashSet<>();
    private ThemeSource themes;
    private FunnelCounts funnel;
    private double confidence = NpsQuery.DEFAULT_CONFIDENCE;
    private int minSample = NpsQuery.DEFAULT_MIN_SAMPLE;
    private double alpha = NpsQuery.DEFAULT_ALPHA;

    private ReportBuilder(Function<NpsQuery, NpsResult> runner, Clock clock) {
        this.runner = Checks.notNull(runner, "runner");
        this.clock = Checks.notNull(clock, "clock");
    }

    /**
     * @param analytics the engine's analytics, never null
     * @param clock     what "now" is, never null
     * @return a builder
     */
    public static ReportBuilder over(NpsAnalytics analytics, Clock clock) {
        Checks.notNull(analytics, "analytics");
        return new ReportBuilder(analytics::run, clock);
    }

    /**
     * @param runner answers NPS queries (e.g. {@code ColumnarIndex::run}), never null
     * @param clock  what "now" is, never null
     * @return a builder
     */
    public static ReportBuilder over(Function<NpsQuery, NpsResult> runner, Clock clock) {
        return new ReportBuilder(runner, clock);
    }

    /**
     * @param text heading of the report, not blank
     * @return this builder
     */
    public ReportBuilder title(String text) {
        Checks.notNull(text, "title");
        if (text.isBlank()) {
            throw NpsException.invalid("title", "must not be blank; give a heading such as \"Weekly NPS\"");
        }
        title = text;
        return this;
    }

    /**
     * @param surveyId only this survey
     * @return this builder
     */
    public ReportBuilder survey(String surveyId) {
        survey = Checks.id(surveyId, "survey");
        return this;
    }

    /**
     * @param fromInclusive start of the window
     * @param toExclusive   end of the window, after the start
     * @return this builder
     */
    public ReportBuilder between(Instant fromInclusive, Instant toExclusive) {
        Checks.notNull(fromInclusive, "between.from");
        Checks.notNull(toExclusive, "between.to");
        if (!fromInclusive.isBefore(toExclusive)) {
            throw NpsException.invalid("between", "from must be before to (got " + fromInclusive + ", " + toExclusive + ")");
        }
        from = fromInclusive;
        to = toExclusive;
        last = null;
        return this;
    }

    /**
     * @param duration the window ends now and lasts this long
     * @return this builder
     */
    public ReportBuilder last(Duration duration) {
        Checks.notNull(duration, "last");
        if (duration.isNegative() || duration.isZero()) {
            throw NpsException.invalid("last", "must be a positive duration, e.g. Duration.ofDays(7) (got " + duration + ")");
        }
        last = duration;
        from = null;
        to = null;
        return this;
    }

    /**
     * @param timeBucket the trend's period length
     * @return this builder
     */
    public ReportBuilder trendBy(TimeBucket timeBucket) {
        bucket = Checks.notNull(timeBucket, "trendBy");
        return this;
    }

    /**
     * @param timeZone the zone whose calendar defines the periods
     * @return this builder
     */
    public ReportBuilder zone(ZoneId timeZone) {
        zone = Checks.notNull(timeZone, "zone");
        return this;
    }

    /**
     * @param keys attributes (or {@code channel}) to show segments of, side by side, each against the rest
     * @return this builder
     */
    public ReportBuilder segmentBy(String... keys) {
        for (String k : Checks.notNull(keys, "segmentBy")) {
            segmentKeys.add(Checks.attributeKey(k, "segmentBy"));
        }
        return this;
    }

    /**
     * @param source where the themes come from, or null for none
     * @return this builder
     */
    public ReportBuilder themes(ThemeSource source) {
        themes = source;
        return this;
    }

    /**
     * @param counts where the funnel counts come from, or null for none
     * @return this builder
     */
    public ReportBuilder funnel(FunnelCounts counts) {
        funnel = counts;
        return this;
    }

    /**
     * @param level confidence of the intervals, between 0 and 1 exclusive
     * @return this builder
     */
    public ReportBuilder confidence(double level) {
        if (!(level > 0 && level < 1)) {
            throw NpsException.invalid("confidence", "must be between 0 and 1 exclusive, e.g. 0.95 (got " + level + ")");
        }
        confidence = level;
        return this;
    }

    /**
     * @param responses fewer responses are flagged as a small sample
     * @return this builder
     */
    public ReportBuilder minSample(int responses) {
        if (responses < 0) {
            throw NpsException.invalid("minSample", "must not be negative (got " + responses + ")");
        }
        minSample = responses;
        return this;
    }

    /**
     * @param level significance level of the segment comparisons
     * @return this builder
     */
    public ReportBuilder alpha(double level) {
        if (!(level > 0 && level < 1)) {
            throw NpsException.invalid("alpha", "must be between 0 and 1 exclusive, e.g. 0.05 (got " + level + ")");
        }
        alpha = level;
        return this;
    }

    /**
     * Runs the queries and assembles the report.
     *
     * @return the report
     * @throws NpsException when a query or an input fails
     */
    public NpsReport build() {
        Instant now = clock.instant();
        Instant end = to != null ? to : now;
        Instant start = last != null ? end.minus(last) : from;
        ResponseFilter.Builder fb = ResponseFilter.builder().from(start).to(end);
        if (survey != null) {
            fb.survey(survey);
        }
        ResponseFilter filter = fb.build();

        NpsResult trendResult = runner.apply(base(filter).bucket(bucket).build());
        NpsReport.Figure overall = figure(trendResult.overall());
        List<Long> distribution = new ArrayList<>(11);
        for (long c : trendResult.overall().counts().histogram()) {
            distribution.add(c);
        }
        List<NpsReport.TrendPoint> trend = new ArrayList<>();
        for (GroupResult g : trendResult.groups()) {
            g.period().ifPresent(p -> trend.add(new NpsReport.TrendPoint(p, figure(g.summary()))));
        }

        List<NpsReport.SegmentRow> segments = new ArrayList<>();
        for (String key : segmentKeys) {
            NpsResult r = runner.apply(base(filter).groupBy(key).build());
            for (GroupResult g : r.groups()) {
                Optional<Comparison> c = g.versusRest();
                segments.add(new NpsReport.SegmentRow(key, g.segment().getOrDefault(key, ""), figure(g.summary()),
                        c.map(Comparison::difference).orElse(Double.NaN), c.map(Comparison::pValue).orElse(1.0),
                        c.map(Comparison::significant).orElse(false)));
            }
        }

        List<NpsReport.ThemeRow> themeRows = new ArrayList<>();
        if (themes != null) {
            themeRows.addAll(Checks.notNull(themes.themes(filter), "themes"));
            themeRows.sort(Comparator.comparingDouble((NpsReport.ThemeRow t) -> Double.isNaN(t.impact()) ? -1 : Math.abs(t.impact()))
                    .reversed().thenComparing(NpsReport.ThemeRow::theme));
        }
        Optional<NpsReport.Funnel> funnelRow = funnel == null ? Optional.empty()
                : Optional.of(Checks.notNull(funnel.count(Optional.ofNullable(survey), Optional.ofNullable(start), end), "funnel"));

        return new NpsReport(title, Optional.ofNullable(survey), Optional.ofNullable(start), end, now, confidence, overall,
                distribution, trend, segments, themeRows, funnelRow);
    }

    private NpsQuery.Builder base(ResponseFilter filter) {
        return NpsQuery.builder().filter(filter).zone(zone).confidence(confidence).minSample(minSample).alpha(alpha);
    }

    static NpsReport.Figure figure(NpsSummary s) {
        return new NpsReport.Figure(s.responses(), s.promoters(), s.passives(), s.detractors(), s.nps(),
                s.interval().low(), s.interval().high(), s.smallSample());
    }
}
