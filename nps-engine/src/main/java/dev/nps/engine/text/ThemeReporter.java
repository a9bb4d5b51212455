package dev.nps.engine.text;

import dev.nps.api.Category;
import dev.nps.api.NpsException;
import dev.nps.api.analytics.CategoryThemes;
import dev.nps.api.analytics.Comparison;
import dev.nps.api.analytics.Driver;
import dev.nps.api.analytics.IntervalMethod;
import dev.nps.api.analytics.NpsQuery;
import dev.nps.api.analytics.NpsSummary;
import dev.nps.api.analytics.ScoreCounts;
import dev.nps.api.analytics.ThemePeriod;
import dev.nps.api.analytics.ThemeReport;
import dev.nps.api.analytics.ThemeStat;
import dev.nps.api.analytics.TimeBucket;
import dev.nps.api.internal.Checks;
import dev.nps.engine.analytics.NpsStatistics;
import dev.nps.spi.Sentiment;
import dev.nps.spi.TextAnalyser;
import dev.nps.spi.TextAnalysis;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Computes a {@link ThemeReport} from scored, commented, dated responses: per theme its mentions and share, the NPS
 * of those who mention it, its impact on the overall NPS with a standard error, its trend and whether it is emerging,
 * and typical quotes; the themes by category; and the attribute drivers of the score. Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class ThemeReporter {
    /** Default number of quotes per theme. {@value} */
    public static final int DEFAULT_QUOTES = 3;
    /** Default longest quote, in characters. {@value} */
    public static final int DEFAULT_QUOTE_LENGTH = 140;
    /** Most distinct values a categorical attribute may have to be a driver. {@value} */
    public static final int MAX_CATEGORICAL_VALUES = 50;

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    private final ThemeModel model;
    private final List<UserTheme> userThemes;
    private final SentimentScorer scorer;
    private final TimeBucket bucket;
    private final ZoneId zone;
    private final double confidence;
    private final double alpha;
    private final int minSample;
    private final int quotes;
    private final int quoteLength;

    /** A copy with another model and scorer. */
    private ThemeReporter(ThemeReporter o, ThemeModel model, SentimentScorer scorer) {
        this.model = model;
        this.userThemes = List.of();
        this.scorer = scorer;
        this.bucket = o.bucket;
        this.zone = o.zone;
        this.confidence = o.confidence;
        this.alpha = o.alpha;
        this.minSample = o.minSample;
        this.quotes = o.quotes;
        this.quoteLength = o.quoteLength;
    }

    private ThemeReporter(Builder b) {
        this.model = b.model;
        this.userThemes = List.copyOf(b.userThemes);
        this.scorer = b.scorer;
        this.bucket = b.bucket;
        this.zone = b.zone;
        this.confidence = b.confidence;
        this.alpha = b.alpha;
        this.minSample = b.minSample;
        this.quotes = b.quotes;
        this.quoteLength = b.quoteLength;
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** One analysed row. */
    private record Analysed(FeedbackRow row, Category category, double sentiment, List<ThemeTagger.Match> themes,
                            Map<String, Sentiment> themeSentiment, LocalDate period) {
        /** The sentiment towards one theme (from the clauses mentioning it), else the comment's. */
        double sentiment(String theme) {
            Sentiment s = themeSentiment.get(theme);
            return s == null ? sentiment : s.compound();
        }
    }

    /**
     * @param rows the responses; none null
     * @return the report
     * @throws NpsException {@code INVALID_ARGUMENT} when rows is null or holds a null
     */
    public ThemeReport report(List<FeedbackRow> rows) {
        Checks.notNull(rows, "rows");
        List<String> comments = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            comments.add(Checks.notNull(rows.get(i), "rows[" + i + "]").comment());
        }
        ThemeModel m = model != null ? model : ThemeModel.discover(comments, userThemes);
        ThemeTagger tagger = m.tagger();
        AspectSentiment aspects = new AspectSentiment(scorer);
        List<Analysed> all = new ArrayList<>(rows.size());
        for (FeedbackRow r : rows) {
            boolean has = !r.comment().isBlank();
            all.add(new Analysed(r, Category.of(r.score()), has ? scorer.compound(r.comment()) : 0,
                    has ? tagger.match(r.comment()) : List.of(), has ? aspects.byTheme(r.comment(), m) : Map.of(), periodOf(r)));
        }
        return report(rows, all, m.themes().stream().map(ThemeModel.Theme::name).toList());
    }

    /**
     * A report with the themes and sentiment of an engine's analyser. With the built-in analyser, themes are
     * discovered from the rows with its configuration (user themes, renames, merges, topic-map setting) and scored
     * with its scorer, and the analyser's own model is left as it is (a report over one survey's week must not retag
     * every later response). With another analyser (the embeddings module, a plug-in), its {@code analyseAll} over
     * the rows' comments gives each comment its themes and sentiment, and a theme's sentiment is that of the comments
     * mentioning it (such an analyser does not score each theme separately); that {@code analyseAll} may rediscover
     * the analyser's themes, as its contract allows. This reporter's own model and scorer are not used. The cost is
     * the analyser's: the embeddings module embeds every comment (a few hundred a second on two cores, so 200,000
     * comments take minutes), where the built-in discovery takes seconds.
     *
     * @param rows     the responses; none null
     * @param analyser the analyser, never null
     * @return the report
     * @throws NpsException {@code INVALID_ARGUMENT} when an argument is null or rows holds a null
     */
    public ThemeReport report(List<FeedbackRow> rows, TextAnalyser analyser) {
        Checks.notNull(rows, "rows");
        Checks.notNull(analyser, "analyser");
        List<String> comments = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            comments.add(Checks.notNull(rows.get(i), "rows[" + i + "]").comment());
        }
        if (analyser instanceof BuiltinTextAnalyser builtin) {
            return new ThemeReporter(this, builtin.model().rediscover(comments), builtin.scorer()).report(rows);
        }
        List<TextAnalysis> analyses = analyser.analyseAll(comments, java.util.Locale.ROOT);
        if (analyses == null || analyses.size() != rows.size() || analyses.stream().anyMatch(java.util.Objects::isNull)) {
            // a broken plug-in, not bad input: say which one
            throw new IllegalStateException("text analyser '" + analyser.name() + "' broke the analyseAll contract: "
                    + (analyses == null ? "null" : analyses.size() + " analyses, some null or not one per comment")
                    + " for " + rows.size() + " comments");
        }
        Set<String> names = new LinkedHashSet<>();
        List<Analysed> all = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            FeedbackRow r = rows.get(i);
            TextAnalysis a = r.comment().isBlank() ? TextAnalysis.EMPTY : analyses.get(i);
            List<ThemeTagger.Match> matches = new ArrayList<>(a.themes().size());
            for (String t : new LinkedHashSet<>(a.themes())) {
                matches.add(new ThemeTagger.Match(t, 1, 1));
                names.add(t);
            }
            all.add(new Analysed(r, Category.of(r.score()), a.sentiment().compound(), matches, Map.of(), periodOf(r)));
        }
        return report(rows, all, List.copyOf(names));
    }

    private ThemeReport report(List<FeedbackRow> rows, List<Analysed> all, List<String> themeNames) {
        long commented = rows.stream().filter(r -> !r.comment().isBlank()).count();
        ScoreCounts overallCounts = counts(all);
        NpsSummary overall = summarize(overallCounts);
        List<ThemeStat> stats = new ArrayList<>();
        for (String t : themeNames) {
            themeStat(t, all, overallCounts, overall).ifPresent(stats::add);
        }
        stats.sort(Comparator.comparingDouble((ThemeStat s) -> -Math.abs(s.impact())).thenComparing(ThemeStat::theme));
        return new ThemeReport(overall, commented, bucket, stats, byCategory(all, themeNames), drivers(rows));
    }

    private Optional<ThemeStat> themeStat(String theme, List<Analysed> all, ScoreCounts overallCounts, NpsSummary overall) {
        List<Analysed> mentions = new ArrayList<>();
        for (Analysed a : all) {
            if (mentions(a, theme)) {
                mentions.add(a);
            }
        }
        if (mentions.isEmpty()) {
            return Optional.empty();
        }
        ScoreCounts themeCounts = counts(mentions);
        ScoreCounts rest = overallCounts.minus(themeCounts);
        long n = overallCounts.total();
        double share = (double) mentions.size() / n;
        double sentiment = mentions.stream().mapToDouble(a -> a.sentiment(theme)).average().orElse(0);
        double impact;
        double impactSe;
        if (rest.total() == 0) {
            // every response mentions it: without them there is no NPS to compare with
            impact = Double.NaN;
            impactSe = Double.NaN;
        } else {
            impact = overall.nps() - rest.nps();
            Comparison c = NpsStatistics.compare(themeCounts, rest, alpha);
            impactSe = share * c.standardError();
        }
        // trend
        TreeMap<LocalDate, long[]> perPeriod = new TreeMap<>();
        Map<LocalDate, ScoreCounts> themeByPeriod = new HashMap<>();
        for (Analysed a : all) {
            long[] c = perPeriod.computeIfAbsent(a.period(), k -> new long[2]);
            c[0]++;
            if (mentions(a, theme)) {
                c[1]++;
                themeByPeriod.merge(a.period(), one(a.row().score()), ScoreCounts::plus);
            }
        }
        List<ThemePeriod> trend = new ArrayList<>();
        perPeriod.forEach((p, c) -> trend.add(new ThemePeriod(p, c[0], c[1], (double) c[1] / c[0],
                themeByPeriod.getOrDefault(p, ScoreCounts.EMPTY).nps())));
        double emergingP = 1;
        boolean emerging = false;
        if (trend.size() >= 2) {
            ThemePeriod last = trend.get(trend.size() - 1);
            ThemePeriod prev = trend.get(trend.size() - 2);
            emergingP = growthPValue(prev.mentions(), prev.responses(), last.mentions(), last.responses());
            emerging = last.share() > prev.share() && emergingP < alpha;
        }
        return Optional.of(new ThemeStat(theme, mentions.size(), share, summarize(themeCounts), sentiment, impact, impactSe,
                trend, emerging, emergingP, quotes(theme, mentions, sentiment)));
    }

    /** One-sided two-proportion z-test (pooled) of p2 > p1. */
    static double growthPValue(long x1, long n1, long x2, long n2) {
        if (n1 == 0 || n2 == 0) {
            return 1;
        }
        double p1 = (double) x1 / n1;
        double p2 = (double) x2 / n2;
        double pooled = (double) (x1 + x2) / (n1 + n2);
        double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
        if (se == 0) {
            return 1;
        }
        return 1 - STANDARD_NORMAL.cumulativeProbability((p2 - p1) / se);
    }

    /**
     * Typical quotes: comments where the theme is the main topic (most hits), whose sentiment is closest to the
     * theme's average, shorter ones first; distinct and truncated at a word boundary.
     */
    private List<String> quotes(String theme, List<Analysed> mentions, double averageSentiment) {
        List<Analysed> sorted = new ArrayList<>(mentions);
        sorted.sort(Comparator.comparingInt((Analysed a) -> a.themes().get(0).theme().equals(theme) ? 0 : 1)
                .thenComparingInt(a -> -hits(a, theme))
                .thenComparingDouble(a -> Math.abs(a.sentiment(theme) - averageSentiment))
                .thenComparingInt(a -> a.row().comment().length()));
        Set<String> out = new LinkedHashSet<>();
        for (Analysed a : sorted) {
            if (out.size() >= quotes) {
                break;
            }
            String q = truncate(a.row().comment().strip().replaceAll("\\s+", " "), quoteLength);
            if (!q.isEmpty()) {
                out.add(q);
            }
        }
        return List.copyOf(out);
    }

    static String truncate(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int cut = s.lastIndexOf(' ', max - 1);
        if (cut < max / 2) {
            cut = max - 1;
        }
        if (Character.isHighSurrogate(s.charAt(cut - 1))) {
            cut--;
        }
        return s.substring(0, cut).stripTrailing() + "\u2026";
    }

    private List<CategoryThemes> byCategory(List<Analysed> all, List<String> themeNames) {
        List<CategoryThemes> out = new ArrayList<>();
        for (Category c : new Category[] {Category.PROMOTER, Category.PASSIVE, Category.DETRACTOR}) {
            List<Analysed> inCat = all.stream().filter(a -> a.category() == c).toList();
            List<CategoryThemes.CategoryTheme> themes = new ArrayList<>();
            for (String theme : themeNames) {
                long mentions = 0;
                long pos = 0;
                long neg = 0;
                double sum = 0;
                for (Analysed a : inCat) {
                    if (mentions(a, theme)) {
                        mentions++;
                        double v = a.sentiment(theme);
                        sum += v;
                        pos += v >= Sentiment.THRESHOLD ? 1 : 0;
                        neg += v <= -Sentiment.THRESHOLD ? 1 : 0;
                    }
                }
                if (mentions > 0) {
                    themes.add(new CategoryThemes.CategoryTheme(theme, mentions, (double) mentions / inCat.size(),
                            pos, neg, sum / mentions));
                }
            }
            Comparator<CategoryThemes.CategoryTheme> order = switch (c) {
                case PROMOTER -> Comparator.comparingLong(CategoryThemes.CategoryTheme::positive).reversed();
                case DETRACTOR -> Comparator.comparingLong(CategoryThemes.CategoryTheme::negative).reversed();
                case PASSIVE -> Comparator.comparingLong(CategoryThemes.CategoryTheme::mentions).reversed();
            };
            themes.sort(order.thenComparing(Comparator.comparingLong(CategoryThemes.CategoryTheme::mentions).reversed())
                    .thenComparing(CategoryThemes.CategoryTheme::theme));
            out.add(new CategoryThemes(c, inCat.size(), themes));
        }
        return out;
    }

    private List<Driver> drivers(List<FeedbackRow> rows) {
        Set<String> keys = new LinkedHashSet<>();
        for (FeedbackRow r : rows) {
            keys.addAll(r.attributes().keySet());
        }
        List<Driver> out = new ArrayList<>();
        for (String key : keys) {
            List<FeedbackRow> with = rows.stream().filter(r -> r.attributes().containsKey(key)
                    && !r.attributes().get(key).isBlank()).toList();
            if (with.size() < 2) {
                continue;
            }
            double[] values = numericValues(with, key);
            if (values != null) {
                numericDriver(key, with, values).ifPresent(out::add);
            } else {
                categoricalDriver(key, with).ifPresent(out::add);
            }
        }
        out.sort(Comparator.comparingDouble(Driver::pValue)
                .thenComparing(Comparator.comparingDouble((Driver d) -> Math.abs(d.effect())).reversed())
                .thenComparing(Driver::attribute));
        return out;
    }

    private static double[] numericValues(List<FeedbackRow> rows, String key) {
        double[] v = new double[rows.size()];
        for (int i = 0; i < v.length; i++) {
            try {
                v[i] = Double.parseDouble(rows.get(i).attributes().get(key).strip());
            } catch (NumberFormatException e) {
                return null;
            }
            if (!Double.isFinite(v[i])) {
                return null;
            }
        }
        return v;
    }

    private Optional<Driver> numericDriver(String key, List<FeedbackRow> rows, double[] values) {
        int n = rows.size();
        double[] scores = new double[n];
        for (int i = 0; i < n; i++) {
            scores[i] = rows.get(i).score();
        }
        double rho = spearman(scores, values);
        if (Double.isNaN(rho)) {
            return Optional.empty();
        }
        double low = Double.NaN;
        double high = Double.NaN;
        double p = 1;
        if (n > 3) {
            double se = Math.sqrt(1.06 / (n - 3));
            double z = atanh(Math.max(-0.999999, Math.min(0.999999, rho)));
            double q = NpsStatistics.zFor(confidence);
            low = Math.tanh(z - q * se);
            high = Math.tanh(z + q * se);
            p = 2 * STANDARD_NORMAL.cumulativeProbability(-Math.abs(z / se));
        }
        return Optional.of(new Driver(key, Driver.Kind.NUMERIC, n, rho, low, high, p, p < alpha, "", "", List.of()));
    }

    private Optional<Driver> categoricalDriver(String key, List<FeedbackRow> rows) {
        Map<String, ScoreCounts> byValue = new LinkedHashMap<>();
        for (FeedbackRow r : rows) {
            byValue.merge(r.attributes().get(key), one(r.score()), ScoreCounts::plus);
        }
        if (byValue.size() < 2 || byValue.size() > MAX_CATEGORICAL_VALUES) {
            return Optional.empty();
        }
        List<Driver.Segment> segments = new ArrayList<>();
        byValue.forEach((v, c) -> segments.add(new Driver.Segment(v, summarize(c))));
        segments.sort(Comparator.comparingDouble((Driver.Segment s) -> -s.nps().nps()).thenComparing(Driver.Segment::value));
        Driver.Segment best = segments.get(0);
        Driver.Segment worst = segments.get(segments.size() - 1);
        Comparison c = NpsStatistics.compare(best.nps().counts(), worst.nps().counts(), alpha);
        double q = NpsStatistics.zFor(confidence);
        double low = Double.isNaN(c.standardError()) ? Double.NaN : c.difference() - q * c.standardError();
        double high = Double.isNaN(c.standardError()) ? Double.NaN : c.difference() + q * c.standardError();
        return Optional.of(new Driver(key, Driver.Kind.CATEGORICAL, rows.size(), c.difference(), low, high, c.pValue(),
                c.significant(), best.value(), worst.value(), segments));
    }

    /** Spearman's rho: Pearson's correlation of the ranks, ties getting their average rank; NaN when a side is constant. */
    static double spearman(double[] x, double[] y) {
        return pearson(ranks(x), ranks(y));
    }

    static double[] ranks(double[] v) {
        int n = v.length;
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        java.util.Arrays.sort(idx, Comparator.comparingDouble(i -> v[i]));
        double[] r = new double[n];
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && v[idx[j + 1]] == v[idx[i]]) {
                j++;
            }
            double avg = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                r[idx[k]] = avg;
            }
            i = j + 1;
        }
        return r;
    }

    private static double pearson(double[] x, double[] y) {
        int n = x.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxx == 0 || syy == 0 ? Double.NaN : sxy / Math.sqrt(sxx * syy);
    }

    private static double atanh(double r) {
        return 0.5 * Math.log((1 + r) / (1 - r));
    }

    private static boolean mentions(Analysed a, String theme) {
        return hits(a, theme) > 0;
    }

    private static int hits(Analysed a, String theme) {
        for (ThemeTagger.Match m : a.themes()) {
            if (m.theme().equals(theme)) {
                return m.hits();
            }
        }
        return 0;
    }

    private static ScoreCounts counts(List<Analysed> rows) {
        long[] h = new long[11];
        for (Analysed a : rows) {
            h[a.row().score()]++;
        }
        return new ScoreCounts(h);
    }

    private static ScoreCounts one(int score) {
        long[] h = new long[11];
        h[score] = 1;
        return new ScoreCounts(h);
    }

    private NpsSummary summarize(ScoreCounts c) {
        return NpsStatistics.summarize(c, confidence, IntervalMethod.ADJUSTED_WALD, minSample);
    }

    private LocalDate periodOf(FeedbackRow r) {
        LocalDate d = r.answeredAt().atZone(zone).toLocalDate();
        return switch (bucket) {
            case DAY -> d;
            case WEEK -> d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> d.withDayOfMonth(1);
            case QUARTER -> LocalDate.of(d.getYear(), ((d.getMonthValue() - 1) / 3) * 3 + 1, 1);
            case YEAR -> d.withDayOfYear(1);
        };
    }

    /** Builder with the defaults: themes discovered from the rows, monthly trend in UTC, 95%, alpha 0.05. */
    public static final class Builder {
        private ThemeModel model;
        private final List<UserTheme> userThemes = new ArrayList<>();
        private SentimentScorer scorer = SentimentScorer.nps();
        private TimeBucket bucket = TimeBucket.MONTH;
        private ZoneId zone = ZoneOffset.UTC;
        private double confidence = NpsQuery.DEFAULT_CONFIDENCE;
        private double alpha = NpsQuery.DEFAULT_ALPHA;
        private int minSample = NpsQuery.DEFAULT_MIN_SAMPLE;
        private int quotes = DEFAULT_QUOTES;
        private int quoteLength = DEFAULT_QUOTE_LENGTH;

        private Builder() {}

        /** @param model a fixed theme model; when unset, themes are discovered from the rows' comments */
        public Builder model(ThemeModel model) {
            if (!userThemes.isEmpty()) {
                throw NpsException.invalid("model", "cannot be combined with userTheme(...); put the user themes in the model with withUserThemes");
            }
            this.model = Checks.notNull(model, "model");
            return this;
        }

        /** @param theme a user theme for discovery from the rows */
        public Builder userTheme(UserTheme theme) {
            if (model != null) {
                throw NpsException.invalid("userTheme", "cannot be combined with model(...); put the user themes in the model with withUserThemes");
            }
            userThemes.add(Checks.notNull(theme, "userTheme"));
            return this;
        }

        /** @param scorer how comments are scored (default {@link SentimentScorer#nps()}) */
        public Builder sentiment(SentimentScorer scorer) {
            this.scorer = Checks.notNull(scorer, "sentiment");
            return this;
        }

        /** @param bucket the period of the trends (default MONTH) */
        public Builder bucket(TimeBucket bucket) {
            this.bucket = Checks.notNull(bucket, "bucket");
            return this;
        }

        /** @param zone the zone that defines periods (default UTC) */
        public Builder zone(ZoneId zone) {
            this.zone = Checks.notNull(zone, "zone");
            return this;
        }

        /** @param confidence level of every interval, between 0 and 1 exclusive (default 0.95) */
        public Builder confidence(double confidence) {
            if (!(confidence > 0 && confidence < 1)) {
                throw NpsException.invalid("confidence", "must be between 0 and 1 exclusive, e.g. 0.95 (got " + confidence + ")");
            }
            this.confidence = confidence;
            return this;
        }

        /** @param alpha significance level of the tests, between 0 and 1 exclusive (default 0.05) */
        public Builder alpha(double alpha) {
            if (!(alpha > 0 && alpha < 1)) {
                throw NpsException.invalid("alpha", "must be between 0 and 1 exclusive, e.g. 0.05 (got " + alpha + ")");
            }
            this.alpha = alpha;
            return this;
        }

        /** @param minSample an NPS from fewer responses is flagged as a small sample (default 30) */
        public Builder minSample(int minSample) {
            if (minSample < 0) {
                throw NpsException.invalid("minSample", "must not be negative (got " + minSample + ")");
            }
            this.minSample = minSample;
            return this;
        }

        /** @param count quotes per theme, 0..10 */
        public Builder quotes(int count) {
            if (count < 0 || count > 10) {
                throw NpsException.invalid("quotes", "must be 0..10 (got " + count + ")");
            }
            this.quotes = count;
            return this;
        }

        /** @param maxChars longest quote, 20..10000 characters */
        public Builder quoteLength(int maxChars) {
            if (maxChars < 20 || maxChars > 10_000) {
                throw NpsException.invalid("quoteLength", "must be 20..10000 characters (got " + maxChars + ")");
            }
            this.quoteLength = maxChars;
            return this;
        }

        /** @return a reporter with these settings; may be called again */
        public ThemeReporter build() {
            return new ThemeReporter(this);
        }
    }

    @Override
    public String toString() {
        return "ThemeReporter[bucket=" + bucket + ", zone=" + zone + ", confidence=" + confidence + ", alpha=" + alpha + "]";
    }
}
