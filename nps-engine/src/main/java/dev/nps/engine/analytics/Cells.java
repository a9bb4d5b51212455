package dev.nps.engine.analytics;

import dev.nps.api.analytics.Comparison;
import dev.nps.api.analytics.GroupResult;
import dev.nps.api.analytics.NpsQuery;
import dev.nps.api.analytics.NpsResult;
import dev.nps.api.analytics.NpsSummary;
import dev.nps.api.analytics.ScoreCounts;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Mergeable count cells keyed by (period, segment values), and the one place that turns them into an
 * {@link NpsResult}, so every way of counting (a store scan, the columnar index) reports identically.
 * Not thread-safe: one per query or per thread, merged with {@link #addAll}.
 */
final class Cells {
    /** Period of every cell when the query has no time bucket. */
    static final long NO_PERIOD = Long.MIN_VALUE;

    private final Map<Key, long[]> counts = new HashMap<>();

    /** A cell's coordinates; ordered by period, then segment values in groupBy order. */
    record Key(long period, List<String> values) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = Long.compare(period, o.period);
            for (int i = 0; c == 0 && i < values.size(); i++) {
                c = values.get(i).compareTo(o.values.get(i));
            }
            return c;
        }
    }

    /** Adds one response; {@code values} is copied only when the cell is new. */
    void add(long period, String[] values, int score) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                values[i] = ""; // a store that forgot the contract: a missing value is ""
            }
        }
        Key probe = new Key(period, Arrays.asList(values));
        long[] histogram = counts.get(probe);
        if (histogram == null) {
            histogram = new long[11];
            counts.put(new Key(period, List.of(values.clone())), histogram);
        }
        histogram[score]++;
    }

    /** Adds a whole histogram to a cell. */
    void add(long period, List<String> values, long[] histogram) {
        long[] target = counts.computeIfAbsent(new Key(period, List.copyOf(values)), k -> new long[11]);
        for (int s = 0; s < 11; s++) {
            target[s] += histogram[s];
        }
    }

    void addAll(Cells other) {
        other.counts.forEach((k, h) -> add(k.period, k.values, h));
    }

    /** @return the result: overall summary, then one group per non-empty cell ordered by period then segment */
    NpsResult toResult(NpsQuery query) {
        TreeMap<Key, ScoreCounts> sorted = new TreeMap<>();
        counts.forEach((k, h) -> sorted.put(k, new ScoreCounts(h)));
        ScoreCounts overall = ScoreCounts.EMPTY;
        Map<Long, ScoreCounts> periodTotals = new HashMap<>();
        for (Map.Entry<Key, ScoreCounts> e : sorted.entrySet()) {
            overall = overall.plus(e.getValue());
            periodTotals.merge(e.getKey().period, e.getValue(), ScoreCounts::plus);
        }
        NpsSummary overallSummary = summarize(overall, query);
        boolean segmented = !query.groupBy().isEmpty();
        if (!segmented && query.bucket().isEmpty()) {
            return new NpsResult(overallSummary, List.of());
        }
        List<GroupResult> groups = new ArrayList<>(sorted.size());
        for (Map.Entry<Key, ScoreCounts> e : sorted.entrySet()) {
            Key key = e.getKey();
            ScoreCounts cell = e.getValue();
            Map<String, String> segment = new LinkedHashMap<>();
            for (int i = 0; i < query.groupBy().size(); i++) {
                segment.put(query.groupBy().get(i), key.values.get(i));
            }
            Optional<Comparison> versusRest = Optional.empty();
            if (segmented) {
                // The rest of the same period, never a total that contains the segment itself.
                ScoreCounts rest = periodTotals.get(key.period).minus(cell);
                if (rest.total() > 0) {
                    versusRest = Optional.of(NpsStatistics.compare(cell, rest, query.alpha()));
                }
            }
            Optional<LocalDate> period = key.period == NO_PERIOD ? Optional.empty() : Optional.of(LocalDate.ofEpochDay(key.period));
            groups.add(new GroupResult(period, segment, summarize(cell, query), versusRest));
        }
        return new NpsResult(overallSummary, groups);
    }

    private static NpsSummary summarize(ScoreCounts counts, NpsQuery query) {
        return NpsStatistics.summarize(counts, query.confidence(), query.method(), query.minSample());
    }
}
