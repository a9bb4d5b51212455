package dev.nps.engine.analytics;

import dev.nps.api.Category;
import dev.nps.api.ChannelName;
import dev.nps.api.ErrorCode;
import dev.nps.api.NpsException;
import dev.nps.api.Response;
import dev.nps.api.Score;
import dev.nps.api.analytics.NpsQuery;
import dev.nps.api.analytics.NpsResult;
import dev.nps.api.analytics.ResponseFilter;
import dev.nps.api.internal.Checks;
import dev.nps.spi.NpsStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BinaryOperator;
import java.util.function.Supplier;

/**
 * A compact in-memory analytics index: responses kept as columns (one byte of score, four bytes of time,
 * dictionary-encoded survey, channel and attribute values of one byte each while they have at most 255 distinct
 * values), answering an {@link NpsQuery} with the same result as {@link NpsAnalytics} over a store.
 *
 * <p>About 8 bytes per response for one attribute (see {@link #memoryBytes()}), and a grouped query
 * (segment x ISO week over 10 million responses) in tens of milliseconds: the rows are counted into a dense
 * array of score histograms, a chunk of rows at a time, one column at a time, split over the cores.
 *
 * <p>What it keeps and what it does not, compared with a store:
 * <ul>
 *   <li>the attributes are fixed when the index is created; a query grouping or filtering on another key, or
 *       filtering on a contact id, is rejected with {@code INVALID_ARGUMENT} (ask {@link NpsAnalytics});</li>
 *   <li>a contact attribute is read when the response is appended (a later change of the contact does not
 *       move old responses); edits and erasures are not applied: rebuild the index ({@link #load});</li>
 *   <li>answered-at times are kept to the second (truncated), between 1952 and 2088.</li>
 * </ul>
 *
 * <p>Thread-safe: appends are serialised; a query sees every response appended before it started.
 *
 * @since 0.1
 */
public final class ColumnarIndex {
    /** Stored times are seconds since 2020-01-01T00:00:00Z, so an int covers 1952..2088. */
    static final long TIME_BASE = 1_577_836_800L;
    /** Rows per chunk: small enough for the chunk's cells to stay in the L1 cache. */
    private static final int CHUNK = 2048;
    /** Rows a worker claims at a time: enough to make claiming free, few enough to even out busy cores. */
    private static final int MORSEL_ROWS = 1 << 18;
    /** Largest dense histogram array (ints) per thread; beyond it the query counts into a hash map of cells. */
    private static final int MAX_DENSE_COUNTS = 1 << 22;
    /** Longest slot table (57 years of 15-minute slots; 8 MB while a query runs); beyond it periods are computed per row. */
    private static final int MAX_SLOTS = 2_000_000;
    private static final int INITIAL_CAPACITY = 1024;

    private final Clock clock;
    private final List<String> attributeKeys;
    private final Executor executor;
    private final int parallelism;

    /** Tests lower these to drive the parallel and the sparse paths with little data. */
    private int morselRows = MORSEL_ROWS;
    private int maxDenseCounts = MAX_DENSE_COUNTS;
    private int maxSlots = MAX_SLOTS;

    private final Object lock = new Object();
    private byte[] scores = new byte[INITIAL_CAPACITY];
    private int[] times = new int[INITIAL_CAPACITY];
    private final CodeColumn surveys = new CodeColumn(INITIAL_CAPACITY);
    private final CodeColumn channels = new CodeColumn(INITIAL_CAPACITY);
    private final CodeColumn[] attributes;
    private int size;
    private int minTime = Integer.MAX_VALUE;
    private int maxTime = Integer.MIN_VALUE;

    private ColumnarIndex(Clock clock, List<String> attributeKeys, Executor executor, int parallelism) {
        this.clock = Checks.notNull(clock, "clock");
        Checks.notNull(attributeKeys, "attributeKeys");
        for (String key : attributeKeys) {
            Checks.attributeKey(key, "attributeKeys");
            if (NpsQuery.CHANNEL.equals(key) || NpsQuery.SURVEY.equals(key)) {
                throw NpsException.invalid("attributeKeys", "'" + key + "' is built in and always indexed; remove it");
            }
        }
        if (attributeKeys.stream().distinct().count() != attributeKeys.size()) {
            throw NpsException.invalid("attributeKeys", "lists a key twice: " + attributeKeys);
        }
        this.attributeKeys = List.copyOf(attributeKeys);
        this.attributes = new CodeColumn[attributeKeys.size()];
        for (int k = 0; k < attributes.length; k++) {
            attributes[k] = new CodeColumn(INITIAL_CAPACITY);
        }
        this.executor = Checks.notNull(executor, "executor");
        this.parallelism = parallelism;
    }

    /**
     * Creates an empty index that counts on every core (through the common fork-join pool).
     *
     * @param clock         the clock {@link NpsQueryBuilder#last} measures from, never null
     * @param attributeKeys the attributes to keep, besides the built-in survey and channel
     * @return the index
     * @throws NpsException {@code INVALID_ARGUMENT} for a malformed or repeated key, or a built-in one
     */
    public static ColumnarIndex create(Clock clock, String... attributeKeys) {
        return new ColumnarIndex(clock, Arrays.asList(Checks.notNull(attributeKeys, "attributeKeys")),
                ForkJoinPool.commonPool(), Runtime.getRuntime().availableProcessors());
    }

    /**
     * Creates an empty index that splits a query over {@code parallelism} tasks run on {@code executor}
     * (the calling thread runs one of them).
     *
     * @param clock         never null
     * @param executor      runs the other tasks, never null
     * @param parallelism   at least 1
     * @param attributeKeys the attributes to keep
     * @return the index
     */
    public static ColumnarIndex create(Clock clock, Executor executor, int parallelism, String... attributeKeys) {
        if (parallelism < 1) {
            throw NpsException.invalid("parallelism", "must be at least 1 (got " + parallelism + ")");
        }
        return new ColumnarIndex(clock, Arrays.asList(Checks.notNull(attributeKeys, "attributeKeys")), executor, parallelism);
    }

    /**
     * Builds an index of every response in a store, with the given attributes (response attribute, else the
     * contact's, as the store resolves them; an empty value counts as missing).
     *
     * @param store         the store to scan, never null
     * @param clock         never null
     * @param attributeKeys the attributes to keep
     * @return the filled index
     */
    public static ColumnarIndex load(NpsStore store, Clock clock, String... attributeKeys) {
        Checks.notNull(store, "store");
        ColumnarIndex index = create(clock, attributeKeys);
        List<String> keys = new ArrayList<>(List.of(NpsQuery.SURVEY, NpsQuery.CHANNEL));
        keys.addAll(index.attributeKeys);
        String[] attributeValues = new String[index.attributeKeys.size()];
        store.scan(ResponseFilter.ALL, keys, (score, answeredAt, values) -> {
            for (int k = 0; k < attributeValues.length; k++) {
                String v = values[k + 2];
                attributeValues[k] = v == null || v.isEmpty() ? null : v;
            }
            index.append(values[0], ChannelName.of(values[1]), score, answeredAt, attributeValues);
        });
        index.trimToSize();
        return index;
    }

    /** Test hook: rows per morsel, dense counting limit (ints), slot table limit. */
    ColumnarIndex tuned(int rowsPerTask, int denseCounts, int slots) {
        this.morselRows = rowsPerTask;
        this.maxDenseCounts = denseCounts;
        this.maxSlots = slots;
        return this;
    }

    /** @return the attribute keys kept, in order */
    public List<String> attributeKeys() {
        return attributeKeys;
    }

    /**
     * Appends a response with its own attributes.
     *
     * @param response never null
     */
    public void append(Response response) {
        append(response, Map.of());
    }

    /**
     * Appends a response; an attribute the response lacks is taken from the contact's attributes.
     *
     * @param response          never null
     * @param contactAttributes the contact's attributes, never null (empty for an anonymous response)
     */
    public void append(Response response, Map<String, String> contactAttributes) {
        Checks.notNull(response, "response");
        Checks.notNull(contactAttributes, "contactAttributes");
        String[] values = new String[attributeKeys.size()];
        for (int k = 0; k < values.length; k++) {
            String key = attributeKeys.get(k);
            String v = response.attributes().get(key);
            values[k] = v != null ? v : contactAttributes.get(key);
        }
        append(response.surveyId(), response.channel(), response.score().value(), response.answeredAt().getEpochSecond(), values);
    }

    /**
     * Appends one response given as columns.
     *
     * @param surveyId        the survey, never null
     * @param channel         the channel, never null
     * @param score           0..10
     * @param answeredAt      when, never null; kept to the second
     * @param attributeValues values of {@link #attributeKeys()} in order, null where missing
     * @throws NpsException {@code INVALID_SCORE} or {@code INVALID_ARGUMENT} naming the field; nothing is appended
     */
    public void append(String surveyId, ChannelName channel, int score, Instant answeredAt, String... attributeValues) {
        append(surveyId, channel, score, Checks.notNull(answeredAt, "answeredAt").getEpochSecond(), attributeValues);
    }

    private void append(String surveyId, ChannelName channel, int score, long epochSecond, String[] attributeValues) {
        Checks.id(surveyId, "surveyId");
        Checks.notNull(channel, "channel");
        Score.of(score);
        long relative = epochSecond - TIME_BASE;
        if (relative <= Integer.MIN_VALUE || relative >= Integer.MAX_VALUE) {
            throw NpsException.invalid("answeredAt", "must be between 1952 and 2088 for the analytics index (got "
                    + Instant.ofEpochSecond(epochSecond) + "); use NpsAnalytics over the store for such dates");
        }
        Checks.notNull(attributeValues, "attributeValues");
        if (attributeValues.length != attributes.length) {
            throw NpsException.invalid("attributeValues", "must hold " + attributes.length + " values, one per key "
                    + attributeKeys + " (got " + attributeValues.length + ")");
        }
        synchronized (lock) {
            if (size == Integer.MAX_VALUE - 8) {
                throw new NpsException(ErrorCode.INVALID_ARGUMENT, "the analytics index is full ("
                        + size + " responses); partition it, e.g. one index per year, and merge the results' counts");
            }
            if (size == scores.length) {
                grow((int) Math.min(Integer.MAX_VALUE - 8, scores.length + (scores.length >> 1) + 16));
            }
            scores[size] = (byte) score;
            times[size] = (int) relative;
            surveys.set(size, surveys.codeOf(surveyId));
            channels.set(size, channels.codeOf(channel.value()));
            for (int k = 0; k < attributes.length; k++) {
                attributes[k].set(size, attributes[k].codeOf(attributeValues[k]));
            }
            minTime = Math.min(minTime, (int) relative);
            maxTime = Math.max(maxTime, (int) relative);
            size++;
        }
    }

    /** Shrinks the columns to the rows appended, so {@link #memoryBytes()} counts no spare capacity. */
    public void trimToSize() {
        synchronized (lock) {
            grow(Math.max(size, 1));
        }
    }

    private void grow(int capacity) {
        scores = Arrays.copyOf(scores, capacity);
        times = Arrays.copyOf(times, capacity);
        surveys.resize(capacity);
        channels.resize(capacity);
        for (CodeColumn c : attributes) {
            c.resize(capacity);
        }
    }

    /** @return the number of responses appended */
    public int size() {
        synchronized (lock) {
            return size;
        }
    }

    /** @return the heap bytes of the columns (allocated capacity) and an estimate of the dictionaries */
    public long memoryBytes() {
        synchronized (lock) {
            long bytes = scores.length + 4L * times.length + surveys.memoryBytes() + channels.memoryBytes();
            for (CodeColumn c : attributes) {
                bytes += c.memoryBytes();
            }
            return bytes;
        }
    }

    /**
     * Starts a fluent query over this index.
     *
     * @return a new builder whose {@code run()} runs here
     */
    public NpsQueryBuilder nps() {
        return new NpsQueryBuilder(clock, this::run);
    }

    /**
     * Runs a query.
     *
     * @param query the question, never null
     * @return the same result as {@link NpsAnalytics#run} over a store holding the same responses
     * @throws NpsException {@code INVALID_ARGUMENT} when the query uses a key the index does not keep, or a contact id
     */
    public NpsResult run(NpsQuery query) {
        Checks.notNull(query, "query");
        ResponseFilter filter = query.filter();
        if (filter.contactId().isPresent()) {
            throw NpsException.invalid("filter.contactId", "the analytics index keeps no contact ids; "
                    + "run per-contact queries with NpsAnalytics over the store");
        }
        Snapshot data;
        synchronized (lock) {
            CodeColumn.View[] attributeViews = new CodeColumn.View[attributes.length];
            for (int k = 0; k < attributes.length; k++) {
                attributeViews[k] = attributes[k].view();
            }
            data = new Snapshot(size, scores, times, surveys.view(), channels.view(), attributeViews, minTime, maxTime);
        }
        return new IndexQuery(query, data, attributeKeys, maxDenseCounts, maxSlots).run(executor, parallelism, morselRows);
    }

    /** The rows a query sees: the arrays are shared, rows past {@code size} are ignored. */
    record Snapshot(int size, byte[] scores, int[] times, CodeColumn.View surveys, CodeColumn.View channels,
                    CodeColumn.View[] attributes, int minTime, int maxTime) {}

    /** One query's plan over a snapshot: which column codes pass, where each row's cell is. */
    private static final class IndexQuery {
        private final NpsQuery query;
        private final Snapshot data;
        private final ZoneBucketsPlan time;
        private final CodeColumn.View[] groupColumns;
        private final String[][] groupValues;   // per group key: compact index -> value
        private final int[][] contributions;    // per group key: code -> compact index * stride
        private final int combos;
        private final List<CodeColumn.View> filterColumns = new ArrayList<>();
        private final List<boolean[]> filterAllowed = new ArrayList<>();
        private final boolean[] allowedScores = new boolean[11];
        private final int fromTime;
        private final int toTime;
        private final int maxDenseCounts;

        IndexQuery(NpsQuery query, Snapshot data, List<String> attributeKeys, int maxDenseCounts, int maxSlots) {
            this.query = query;
            this.maxDenseCounts = maxDenseCounts;
            this.data = data;
            ResponseFilter f = query.filter();
            // Windows are compared in whole seconds: a row at second s is in [from, to) iff s >= ceil(from), s < ceil(to).
            fromTime = f.from().map(i -> clampedRelative(ceilSeconds(i))).orElse(Integer.MIN_VALUE);
            toTime = f.to().map(i -> clampedRelative(ceilSeconds(i))).orElse(Integer.MAX_VALUE);

            List<String> keys = query.groupBy();
            groupColumns = new CodeColumn.View[keys.size()];
            groupValues = new String[keys.size()][];
            contributions = new int[keys.size()][];
            long product = 1;
            for (int k = keys.size() - 1; k >= 0; k--) {
                CodeColumn.View column = column(keys.get(k), attributeKeys, data, "query.groupBy");
                groupColumns[k] = column;
                // Several codes may read the same (a missing value and a stored "" both group as ""): group by text.
                TreeSet<String> distinct = new TreeSet<>(Arrays.asList(column.dictionary()));
                groupValues[k] = distinct.toArray(new String[0]);
                int[] contribution = new int[column.dictionary().length];
                for (int code = 0; code < contribution.length; code++) {
                    contribution[code] = (int) (Arrays.binarySearch(groupValues[k], column.dictionary()[code]) * Math.min(product, Integer.MAX_VALUE));
                }
                contributions[k] = contribution;
                product *= groupValues[k].length;
                if (product > maxDenseCounts) {
                    product = maxDenseCounts + 1L; // too many combinations for dense counting; stop multiplying
                }
            }
            combos = (int) Math.min(product, maxDenseCounts + 1L);
            time = query.bucket().isEmpty() ? null
                    : new ZoneBucketsPlan(new ZoneBuckets(query.zone(), query.bucket().get()), data, fromTime, toTime, maxSlots);

            f.surveyId().ifPresent(s -> addFilter(data.surveys(), Set.of(s)));
            if (!f.channels().isEmpty()) {
                Set<String> names = new java.util.HashSet<>();
                f.channels().forEach(c -> names.add(c.value()));
                addFilter(data.channels(), names);
            }
            f.attributes().forEach((key, values) ->
                    addFilter(column(key, attributeKeys, data, "filter.attributes"), values));
            for (int s = 0; s <= 10; s++) {
                allowedScores[s] = f.categories().isEmpty() || f.categories().contains(Category.of(s));
            }
        }

        private void addFilter(CodeColumn.View column, Set<String> values) {
            boolean[] allowed = new boolean[column.dictionary().length];
            // Code 0 is a missing value: a store never matches it, even when "" is listed (a stored "" has its own code).
            for (int code = 1; code < allowed.length; code++) {
                allowed[code] = values.contains(column.dictionary()[code]);
            }
            filterColumns.add(column);
            filterAllowed.add(allowed);
        }

        private static CodeColumn.View column(String key, List<String> attributeKeys, Snapshot data, String field) {
            if (NpsQuery.SURVEY.equals(key) && field.equals("query.groupBy")) {
                return data.surveys();
            }
            if (NpsQuery.CHANNEL.equals(key) && field.equals("query.groupBy")) {
                return data.channels();
            }
            int k = attributeKeys.indexOf(key);
            if (k < 0) {
                throw NpsException.invalid(field, "'" + key + "' is not kept by this analytics index (it keeps "
                        + attributeKeys + "); create the index with it, or ask NpsAnalytics over the store");
            }
            return data.attributes()[k];
        }

        NpsResult run(Executor executor, int parallelism, int morselRows) {
            int periods = time == null ? 1 : time.periodCount();
            boolean dense = time != null && !time.exact() || time == null;
            dense &= (long) periods * combos * 11 <= maxDenseCounts;
            Cells cells = new Cells();
            if (dense) {
                int cellCount = periods * combos;
                int[] counts = inParallel(executor, parallelism, morselRows, () -> new int[cellCount * 11], this::countDense,
                        (a, b) -> {
                            for (int i = 0; i < a.length; i++) {
                                a[i] += b[i];
                            }
                            return a;
                        });
                toCells(counts, cellCount, cells);
            } else {
                cells.addAll(inParallel(executor, parallelism, morselRows, Cells::new, this::countSparse, (a, b) -> {
                    a.addAll(b);
                    return a;
                }));
            }
            return cells.toResult(query);
        }

        /**
         * Counts on this thread and up to {@code parallelism - 1} tasks of the executor, each into its own cells,
         * then merges them (cells add up). The rows are cut into morsels that each worker claims in turn rather
         * than into one fixed range per worker: on a busy machine a worker that gets less CPU simply claims fewer
         * morsels, instead of making the whole query wait for its half.
         */
        private <T> T inParallel(Executor executor, int parallelism, int morselRows, Supplier<T> newCells,
                                 RangeCounter<T> counter, BinaryOperator<T> merge) {
            int n = data.size();
            int morsels = Math.max(1, (int) (((long) n + morselRows - 1) / morselRows));
            AtomicInteger next = new AtomicInteger();
            Supplier<T> worker = () -> {
                T mine = newCells.get();
                for (int m = next.getAndIncrement(); m < morsels; m = next.getAndIncrement()) {
                    counter.count(mine, (int) ((long) m * morselRows), (int) Math.min(n, (long) (m + 1) * morselRows));
                }
                return mine;
            };
            List<CompletableFuture<T>> others = new ArrayList<>();
            for (int t = 1; t < Math.min(parallelism, morsels); t++) {
                others.add(CompletableFuture.supplyAsync(worker, executor));
            }
            T result = worker.get();
            for (CompletableFuture<T> f : others) {
                result = merge.apply(result, f.join());
            }
            return result;
        }

        private interface RangeCounter<T> {
            void count(T into, int from, int to);
        }

        /**
         * Counts rows into a dense array of histograms, {@code counts[cell * 11 + score]}, where
         * {@code cell = period * combos + segment}. A chunk of rows at a time, one column at a time: each pass is a
         * tight loop over one array, and the chunk's cell numbers stay in the L1 cache between passes. A row that
         * fails a filter gets a negative cell number and is skipped by the final pass.
         */
        private void countDense(int[] counts, int from, int to) {
            int[] cell = new int[CHUNK];
            byte[] scores = data.scores();
            int[] times = data.times();
            // Most queries look at every response's time (no window, or a window holding all the data): then
            // the per-row window test is skipped, and so is the score test when no category is filtered out.
            boolean windowed = fromTime > data.minTime() || toTime <= data.maxTime();
            boolean everyScore = query.filter().categories().isEmpty();
            if (time != null && !windowed && everyScore && filterColumns.isEmpty() && groupColumns.length == 1
                    && groupColumns[0].bytes() != null && time.periodCount() > 0 && !time.exact()) {
                time.countBySegment(counts, from, to, times, scores, groupColumns[0].bytes(), contributions[0], combos);
                return;
            }
            for (int start = from; start < to; start += CHUNK) {
                int n = Math.min(CHUNK, to - start);
                if (time != null) {
                    time.periodsOf(times, start, n, cell, combos, windowed);
                } else if (windowed) {
                    for (int i = 0; i < n; i++) {
                        int t = times[start + i];
                        cell[i] = t >= fromTime && t < toTime ? 0 : Integer.MIN_VALUE;
                    }
                } else {
                    Arrays.fill(cell, 0, n, 0);
                }
                for (int k = 0; k < groupColumns.length; k++) {
                    groupColumns[k].addTo(cell, start, n, contributions[k]);
                }
                for (int k = 0; k < filterColumns.size(); k++) {
                    filterColumns.get(k).filter(cell, start, n, filterAllowed.get(k));
                }
                if (everyScore) {
                    for (int i = 0; i < n; i++) {
                        int c = cell[i];
                        if (c >= 0) {
                            counts[c * 11 + scores[start + i]]++;
                        }
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        int c = cell[i];
                        int score = scores[start + i];
                        if (c >= 0 && allowedScores[score]) {
                            counts[c * 11 + score]++;
                        }
                    }
                }
            }
        }

        private void toCells(int[] counts, int cellCount, Cells cells) {
            long[] histogram = new long[11];
            String[] values = new String[groupColumns.length];
            for (int c = 0; c < cellCount; c++) {
                long total = 0;
                for (int s = 0; s < 11; s++) {
                    histogram[s] = counts[c * 11 + s];
                    total += histogram[s];
                }
                if (total == 0) {
                    continue;
                }
                int segment = c % combos;
                for (int k = groupColumns.length - 1; k >= 0; k--) {
                    values[k] = groupValues[k][segment % groupValues[k].length];
                    segment /= groupValues[k].length;
                }
                long period = time == null ? Cells.NO_PERIOD : time.period(c / combos);
                cells.add(period, List.of(values), histogram);
            }
        }

        /** The plain path for what dense counting cannot hold: one row at a time into a map of cells. */
        private void countSparse(Cells cells, int from, int to) {
            ZoneBuckets buckets = query.bucket().isEmpty() ? null : new ZoneBuckets(query.zone(), query.bucket().get());
            String[] values = new String[groupColumns.length];
            rows:
            for (int row = from; row < to; row++) {
                int t = data.times()[row];
                int score = data.scores()[row];
                if (t < fromTime || t >= toTime || !allowedScores[score]) {
                    continue;
                }
                for (int k = 0; k < filterColumns.size(); k++) {
                    if (!filterAllowed.get(k)[filterColumns.get(k).code(row)]) {
                        continue rows;
                    }
                }
                for (int k = 0; k < groupColumns.length; k++) {
                    values[k] = groupColumns[k].dictionary()[groupColumns[k].code(row)];
                }
                cells.add(buckets == null ? Cells.NO_PERIOD : buckets.periodOf(TIME_BASE + t), values, score);
            }
        }
    }

    /** The periods of a query's time range, as dense numbers looked up per 15-minute slot. */
    private static final class ZoneBucketsPlan {
        private final int base;           // relative second of slot 0
        private final int[] slotPeriod;   // slot -> dense period number
        private final long[] periods;     // dense period number -> epoch day of its first day
        private final int slotSeconds;
        private final int fromTime;
        private final int toTime;

        ZoneBucketsPlan(ZoneBuckets buckets, Snapshot data, int fromTime, int toTime, int maxSlots) {
            this.fromTime = fromTime;
            this.toTime = toTime;
            long lo = Math.max(data.minTime(), fromTime);
            long hi = Math.min(data.maxTime(), (long) toTime - 1);
            boolean empty = data.size() == 0 || lo > hi;
            // A table must keep (time - base) of every covered row inside an int; longer ranges go per row.
            boolean tooLong = hi - lo > Integer.MAX_VALUE - 86_400L;
            ZoneBuckets.SlotTable table = empty || tooLong ? null : buckets.slotTable(TIME_BASE + lo, TIME_BASE + hi, maxSlots);
            if (table == null) {
                // No row can pass (empty), or the periods must be computed per row (null table: exact()).
                base = 0;
                slotSeconds = ZoneBuckets.SLOT_SECONDS;
                slotPeriod = empty ? new int[0] : null;
                periods = new long[0];
                return;
            }
            long[] slotDays = table.periods();
            long[] distinct = slotDays.clone();
            Arrays.sort(distinct);
            int unique = 0;
            for (int i = 0; i < distinct.length; i++) {
                if (i == 0 || distinct[i] != distinct[i - 1]) {
                    distinct[unique++] = distinct[i];
                }
            }
            periods = Arrays.copyOf(distinct, unique);
            slotPeriod = new int[slotDays.length];
            for (int i = 0; i < slotDays.length; i++) {
                slotPeriod[i] = Arrays.binarySearch(periods, slotDays[i]);
            }
            base = (int) (table.baseSecond() - TIME_BASE);
            slotSeconds = table.slotSeconds();
        }

        /** @return true when the periods must be computed per row (no slot table) */
        boolean exact() {
            return slotPeriod == null;
        }

        int periodCount() {
            return Math.max(1, periods.length);
        }

        long period(int dense) {
            return periods[dense];
        }

        /**
         * Sets each row's cell to {@code period * combos}, or to a negative number outside the time window.
         * The slot table has a few thousand entries per year, so the lookup stays in the CPU caches.
         */
        void periodsOf(int[] times, int start, int n, int[] cell, int combos, boolean windowed) {
            if (slotPeriod.length == 0) {
                Arrays.fill(cell, 0, n, Integer.MIN_VALUE);
                return;
            }
            // Called with a literal divisor: once inlined, each copy divides by a constant (a multiply and a
            // shift) instead of issuing a hardware division per row, which would cost more than the rest.
            switch (slotSeconds) {
                case 86_400 -> lookUp(times, start, n, cell, combos, 86_400, windowed);
                case 3_600 -> lookUp(times, start, n, cell, combos, 3_600, windowed);
                default -> lookUp(times, start, n, cell, combos, ZoneBuckets.SLOT_SECONDS, windowed);
            }
        }

        /**
         * The most common dashboard question (every response, one segment, by period) in a single pass: no cell
         * buffer written and read back per chunk, so each row costs one read of each column, two lookups in small
         * tables and one increment.
         */
        void countBySegment(int[] counts, int from, int to, int[] times, byte[] scores, byte[] segments,
                            int[] contribution, int combos) {
            if (slotPeriod.length == 0) {
                return;
            }
            switch (slotSeconds) {
                case 86_400 -> countBySegment(counts, from, to, times, scores, segments, contribution, combos, 86_400);
                case 3_600 -> countBySegment(counts, from, to, times, scores, segments, contribution, combos, 3_600);
                default -> countBySegment(counts, from, to, times, scores, segments, contribution, combos, ZoneBuckets.SLOT_SECONDS);
            }
        }

        private void countBySegment(int[] counts, int from, int to, int[] times, byte[] scores, byte[] segments,
                                    int[] contribution, int combos, int divisor) {
            for (int i = from; i < to; i++) {
                int cell = slotPeriod[(times[i] - base) / divisor] * combos + contribution[segments[i] & 0xFF];
                counts[cell * 11 + scores[i]]++;
            }
        }

        private void lookUp(int[] times, int start, int n, int[] cell, int combos, int divisor, boolean windowed) {
            if (!windowed) {
                for (int i = 0; i < n; i++) {
                    cell[i] = slotPeriod[(times[start + i] - base) / divisor] * combos;
                }
                return;
            }
            for (int i = 0; i < n; i++) {
                int t = times[start + i];
                cell[i] = t >= fromTime && t < toTime ? slotPeriod[(t - base) / divisor] * combos : Integer.MIN_VALUE;
            }
        }
    }

    private static long ceilSeconds(Instant i) {
        return i.getNano() == 0 ? i.getEpochSecond() : i.getEpochSecond() + 1;
    }

    private static int clampedRelative(long epochSecond) {
        long r = epochSecond - TIME_BASE;
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, r));
    }
}
