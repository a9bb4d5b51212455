package dev.nps.http.dashboard;

import dev.nps.api.Category;
import dev.nps.api.ChannelName;
import dev.nps.api.NpsException;
import dev.nps.api.Page;
import dev.nps.api.PageRequest;
import dev.nps.api.Response;
import dev.nps.api.Score;
import dev.nps.api.Survey;
import dev.nps.api.analytics.GroupResult;
import dev.nps.api.analytics.NpsQuery;
import dev.nps.api.analytics.NpsResult;
import dev.nps.api.analytics.NpsSummary;
import dev.nps.api.analytics.ResponseFilter;
import dev.nps.api.analytics.TimeBucket;
import dev.nps.api.internal.Checks;
import dev.nps.engine.NpsEngine;
import dev.nps.engine.analytics.ColumnarIndex;
import dev.nps.engine.reports.NpsReport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** The dashboard's questions: figures from the index, drill-down pages from the store. */
final class DashboardQueries {
    /** Drill-down with a per-row condition reads at most this many rows per request. */
    static final int MAX_SCANNED = 20_000;
    private static final int MAX_VALUE_LENGTH = 200;

    private final NpsEngine engine;
    private final ColumnarIndex index;
    private final List<String> segmentKeys;
    private final DashboardThemes themes;
    private final CaseSource cases;

    DashboardQueries(NpsEngine engine, ColumnarIndex index, List<String> segmentKeys, DashboardThemes themes, CaseSource cases) {
        this.engine = engine;
        this.index = index;
        this.segmentKeys = segmentKeys;
        this.themes = themes;
        this.cases = cases;
    }

    /** The filters of a request, validated. */
    record Filters(Optional<String> survey, String period, Optional<ChannelName> channel, Optional<String> segmentKey,
                   Optional<String> segment, Optional<String> by) {}

    Filters filters(Map<String, String> p) {
        Optional<String> survey = opt(p, "survey").map(s -> Checks.id(s, "survey"));
        String period = p.getOrDefault("period", "30d");
        if (!List.of("7d", "30d", "90d", "365d", "all").contains(period)) {
            throw NpsException.invalid("period", "must be one of 7d, 30d, 90d, 365d, all (got '" + clip(period) + "')");
        }
        Optional<ChannelName> channel = opt(p, "channel").map(ChannelName::of);
        Optional<String> key = opt(p, "segmentKey").map(this::segmentKey);
        Optional<String> value = opt(p, "segment");
        if (value.isPresent() && key.isEmpty()) {
            throw NpsException.invalid("segment", "needs segmentKey, the attribute it is a value of");
        }
        value.ifPresent(v -> {
            if (v.length() > MAX_VALUE_LENGTH) {
                throw NpsException.invalid("segment", "is longer than " + MAX_VALUE_LENGTH + " characters");
            }
        });
        Optional<String> by = opt(p, "by").map(this::segmentKey);
        return new Filters(survey, period, channel, key, value, by);
    }

    private String segmentKey(String k) {
        if (!k.equals(NpsQuery.CHANNEL) && !segmentKeys.contains(k)) {
            throw NpsException.invalid("segmentKey", "'" + clip(k) + "' is not a dashboard segment; use one of "
                    + segmentKeys + " or channel");
        }
        return k;
    }

    ResponseFilter responseFilter(Filters f) {
        ResponseFilter.Builder b = ResponseFilter.builder();
        f.survey().ifPresent(b::survey);
        window(f.period()).ifPresent(b::from);
        f.channel().ifPresent(b::channel);
        if (f.segment().isPresent()) {
            if (f.segmentKey().get().equals(NpsQuery.CHANNEL)) {
                b.channel(ChannelName.of(f.segment().get()));
            } else {
                b.attribute(f.segmentKey().get(), f.segment().get());
            }
        }
        return b.build();
    }

    private Optional<Instant> window(String period) {
        return switch (period) {
            case "7d" -> Optional.of(engine.clock().instant().minus(Duration.ofDays(7)));
            case "30d" -> Optional.of(engine.clock().instant().minus(Duration.ofDays(30)));
            case "90d" -> Optional.of(engine.clock().instant().minus(Duration.ofDays(90)));
            case "365d" -> Optional.of(engine.clock().instant().minus(Duration.ofDays(365)));
            default -> Optional.empty();
        };
    }

    private static TimeBucket bucket(String period) {
        return switch (period) {
            case "7d", "30d" -> TimeBucket.DAY;
            case "90d" -> TimeBucket.WEEK;
            default -> TimeBucket.MONTH;
        };
    }

    Map<String, Object> meta() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("surveys", engine.surveys().list().stream().map(Survey::id).toList());
        m.put("channels", index.run(NpsQuery.builder().groupBy(NpsQuery.CHANNEL).build()).groups().stream()
                .map(g -> g.segment().get(NpsQuery.CHANNEL)).toList());
        List<String> keys = new ArrayList<>(segmentKeys);
        keys.add(NpsQuery.CHANNEL);
        m.put("segmentKeys", keys);
        m.put("themes", themes != null);
        m.put("cases", cases != null);
        return m;
    }

    Map<String, Object> summary(Filters f) {
        ResponseFilter filter = responseFilter(f);
        NpsResult trend = index.run(NpsQuery.builder().filter(filter).bucket(bucket(f.period())).build());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("generatedAt", engine.clock().instant());
        m.put("overall", figure(trend.overall()));
        m.put("distribution", trend.overall().counts().histogram());
        List<Map<String, Object>> points = new ArrayList<>();
        for (GroupResult g : trend.groups()) {
            Map<String, Object> point = figure(g.summary());
            point.put("period", g.period().orElseThrow());
            points.add(point);
        }
        m.put("trend", points);
        String by = f.by().orElse(segmentKeys.isEmpty() ? NpsQuery.CHANNEL : segmentKeys.get(0));
        m.put("by", by);
        List<Map<String, Object>> segs = new ArrayList<>();
        for (GroupResult g : index.run(NpsQuery.builder().filter(filter).groupBy(by).build()).groups()) {
            Map<String, Object> row = figure(g.summary());
            row.put("value", g.segment().get(by));
            row.put("difference", g.versusRest().map(c -> c.difference()).orElse(Double.NaN));
            row.put("pValue", g.versusRest().map(c -> c.pValue()).orElse(1.0));
            row.put("significant", g.versusRest().map(c -> c.significant()).orElse(false));
            segs.add(row);
        }
        m.put("segments", segs);
        if (themes != null) {
            List<NpsReport.ThemeRow> rows = new ArrayList<>(themes.themes(filter));
            rows.sort(Comparator.comparingDouble((NpsReport.ThemeRow t) -> Double.isNaN(t.impact()) ? -1 : Math.abs(t.impact())).reversed());
            m.put("themes", rows);
        }
        return m;
    }

    /** Newest first; a score or a theme is checked per row, reading the store a page at a time. */
    Map<String, Object> responses(Filters f, Map<String, String> p) {
        ResponseFilter.Builder b = responseFilter(f).toBuilder();
        Predicate<Response> extra = r -> true;
        boolean perRow = false;
        Optional<Integer> score = opt(p, "score").map(s -> {
            try {
                return Score.of(Integer.parseInt(s)).value();
            } catch (NumberFormatException e) {
                throw NpsException.invalid("score", "must be a whole number 0..10 (got '" + clip(s) + "')");
            }
        });
        if (score.isPresent()) {
            b.category(Score.of(score.get()).category());
            int s = score.get();
            extra = extra.and(r -> r.score().value() == s);
            perRow = true;
        }
        Optional<String> category = opt(p, "category");
        if (category.isPresent()) {
            try {
                b.category(Category.valueOf(category.get().toUpperCase(java.util.Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw NpsException.invalid("category", "must be promoter, passive or detractor (got '" + clip(category.get()) + "')");
            }
        }
        Optional<String> theme = opt(p, "theme");
        if (theme.isPresent()) {
            if (themes == null) {
                throw NpsException.invalid("theme", "this dashboard has no theme source");
            }
            String t = theme.get();
            extra = extra.and(r -> themes.mentions(r, t));
            perRow = true;
        }
        int page = intParam(p, "page", 0, 0, 10_000);
        int size = intParam(p, "size", 20, 1, 100);
        ResponseFilter filter = b.build();
        List<Response> items = new ArrayList<>();
        boolean hasMore;
        Long total = null;
        if (!perRow) {
            Page<Response> result = engine.responses().list(filter, new PageRequest(page * size, size));
            items.addAll(result.items());
            hasMore = result.hasNext();
            total = result.total();
        } else {
            int skip = page * size;
            int scanned = 0;
            PageRequest request = PageRequest.first(500);
            hasMore = false;
            outer:
            while (scanned < MAX_SCANNED) {
                Page<Response> chunk = engine.responses().list(filter, request);
                for (Response r : chunk.items()) {
                    scanned++;
                    if (extra.test(r)) {
                        if (skip > 0) {
                            skip--;
                        } else if (items.size() < size) {
                            items.add(r);
                        } else {
                            hasMore = true;
                            break outer;
                        }
                    }
                }
                if (!chunk.hasNext()) {
                    break;
                }
                request = request.next();
            }
        }
        String segKey = f.segmentKey().orElse(f.by().orElse(segmentKeys.isEmpty() ? null : segmentKeys.get(0)));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Response r : items) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", r.id());
            row.put("score", r.score().value());
            row.put("comment", r.comment().orElse(null));
            row.put("channel", r.channel().value());
            row.put("answeredAt", r.answeredAt());
            row.put("segment", segKey == null ? null : r.attributes().get(segKey));
            rows.add(row);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("items", rows);
        m.put("page", page);
        m.put("size", size);
        m.put("hasMore", hasMore);
        m.put("total", total);
        return m;
    }

    List<CaseSource.CaseRow> cases(Filters f) {
        if (cases == null) {
            throw new NpsException(dev.nps.api.ErrorCode.NOT_FOUND, "this dashboard has no case source");
        }
        return cases.cases(f.survey(), 100);
    }

    static Map<String, Object> figure(NpsSummary s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("responses", s.responses());
        m.put("nps", s.nps());
        m.put("low", s.interval().low());
        m.put("high", s.interval().high());
        m.put("promoters", s.promoters());
        m.put("passives", s.passives());
        m.put("detractors", s.detractors());
        m.put("smallSample", s.smallSample());
        return m;
    }

    private static Optional<String> opt(Map<String, String> p, String key) {
        String v = p.get(key);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    private static int intParam(Map<String, String> p, String key, int dflt, int min, int max) {
        String v = p.get(key);
        if (v == null || v.isEmpty()) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                throw NpsException.invalid(key, "must be " + min + ".." + max + " (got " + n + ")");
            }
            return n;
        } catch (NumberFormatException e) {
            throw NpsException.invalid(key, "must be a whole number " + min + ".." + max);
        }
    }

    private static String clip(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
