package dev.nps.benchmarks.analytics;

import dev.nps.api.ChannelName;
import dev.nps.api.analytics.GroupResult;
import dev.nps.api.analytics.NpsQuery;
import dev.nps.api.analytics.NpsResult;
import dev.nps.api.analytics.TimeBucket;
import dev.nps.engine.analytics.ColumnarIndex;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Grouped NPS (segment x ISO week) over 10 million responses with 20 segments and two years of dates: the
 * engine's {@link ColumnarIndex} against DuckDB (in-process, same data loaded through its Appender, both cores,
 * the segment as an ENUM) in the same run. The setup checks that both give the same counts for every (week, segment) and prints the
 * index's memory per response.
 *
 * <p>The engine computes more than DuckDB here: every group also gets its standard error, interval and a z-test
 * against the rest of its week.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
public class GroupedNpsBenchmark {
    static final int ROWS = Integer.getInteger("nps.bench.rows", 10_000_000);
    static final int SEGMENTS = 20;
    /** {@code -Dnps.bench.peer=false} skips loading DuckDB: the scaling run (run.sh --scaling) measures the engine alone. */
    static final boolean PEER = Boolean.parseBoolean(System.getProperty("nps.bench.peer", "true"));
    static final long START = Instant.parse("2024-01-01T00:00:00Z").getEpochSecond();
    static final long SPAN = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond() - START;

    static final String DUCKDB_SQL = """
            SELECT date_trunc('week', answered_at) AS week, segment,
                   sum(CASE WHEN score >= 9 THEN 1 ELSE 0 END) AS promoters,
                   sum(CASE WHEN score BETWEEN 7 AND 8 THEN 1 ELSE 0 END) AS passives,
                   sum(CASE WHEN score <= 6 THEN 1 ELSE 0 END) AS detractors
            FROM responses
            GROUP BY 1, 2
            """;

    private final NpsQuery query = NpsQuery.builder().groupBy("segment").bucket(TimeBucket.WEEK).zone(ZoneOffset.UTC).build();
    private ColumnarIndex index;
    private Connection duckdb;

    @Setup(Level.Trial)
    public void load() throws SQLException {
        String[] segments = new String[SEGMENTS];
        for (int s = 0; s < SEGMENTS; s++) {
            segments[s] = String.format("segment-%02d", s);
        }
        index = ColumnarIndex.create(Clock.systemUTC(), "segment");
        if (!PEER) {
            loadEngineOnly(segments);
            return;
        }
        duckdb = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement st = duckdb.createStatement()) {
            st.execute("SET threads = " + Runtime.getRuntime().availableProcessors());
            st.execute("CREATE TABLE staging (score TINYINT, answered_at TIMESTAMP, segment VARCHAR)");
        }
        SplittableRandom random = new SplittableRandom(42);
        try (DuckDBAppender appender = ((DuckDBConnection) duckdb).createAppender(DuckDBConnection.DEFAULT_SCHEMA, "staging")) {
            for (int i = 0; i < ROWS; i++) {
                int segment = random.nextInt(SEGMENTS);
                int score = score(random, segment);
                long second = START + random.nextLong(SPAN);
                index.append("post-purchase", ChannelName.EMAIL, score, Instant.ofEpochSecond(second), segments[segment]);
                appender.beginRow()
                        .append((byte) score)
                        .append(LocalDateTime.ofEpochSecond(second, 0, ZoneOffset.UTC))
                        .append(segments[segment])
                        .endRow();
            }
        }
        // Give DuckDB its own dictionary encoding for the segment (an ENUM), as the index has one: a GROUP BY on
        // the VARCHAR column takes about twice as long here, and that would not be a fair peer.
        try (Statement st = duckdb.createStatement()) {
            st.execute("CREATE TYPE segment_t AS ENUM ('" + String.join("', '", segments) + "')");
            st.execute("CREATE TABLE responses AS SELECT score, answered_at, segment::segment_t AS segment FROM staging");
            st.execute("DROP TABLE staging");
        }
        index.trimToSize();
        checkSameAnswer();
        System.out.printf("MEMORY engine index: %d responses, %d bytes, %.2f bytes per response%n",
                index.size(), index.memoryBytes(), (double) index.memoryBytes() / index.size());
    }

    private void loadEngineOnly(String[] segments) {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < ROWS; i++) {
            int segment = random.nextInt(SEGMENTS);
            int score = score(random, segment);
            long second = START + random.nextLong(SPAN);
            index.append("post-purchase", ChannelName.EMAIL, score, Instant.ofEpochSecond(second), segments[segment]);
        }
        index.trimToSize();
        System.out.printf("MEMORY engine index: %d responses, %d bytes, %.2f bytes per response%n",
                index.size(), index.memoryBytes(), (double) index.memoryBytes() / index.size());
    }

    /** Scores leaning a little by segment, so the groups differ. */
    private static int score(SplittableRandom random, int segment) {
        int r = random.nextInt(100) + segment;
        return r < 25 ? random.nextInt(7) : r < 55 ? 7 + random.nextInt(2) : 9 + random.nextInt(2);
    }

    private void checkSameAnswer() throws SQLException {
        Map<String, Long> engine = new HashMap<>();
        for (GroupResult g : index.run(query).groups()) {
            String key = g.period().orElseThrow() + "|" + g.segment().get("segment");
            engine.put(key + "|P", g.summary().promoters());
            engine.put(key + "|N", g.summary().passives());
            engine.put(key + "|D", g.summary().detractors());
        }
        Map<String, Long> peer = new HashMap<>();
        try (Statement st = duckdb.createStatement(); ResultSet rs = st.executeQuery(DUCKDB_SQL)) {
            while (rs.next()) {
                LocalDate week = rs.getObject(1, LocalDateTime.class).toLocalDate();
                String key = week + "|" + rs.getString(2);
                peer.put(key + "|P", rs.getLong(3));
                peer.put(key + "|N", rs.getLong(4));
                peer.put(key + "|D", rs.getLong(5));
            }
        }
        if (!engine.equals(peer) || engine.isEmpty()) {
            throw new IllegalStateException("the engine and DuckDB disagree: " + engine.size() / 3 + " engine groups, "
                    + peer.size() / 3 + " DuckDB groups; first differences: " + engine.entrySet().stream()
                    .filter(e -> !e.getValue().equals(peer.get(e.getKey()))).limit(5).toList());
        }
        System.out.printf("CHECK engine and DuckDB agree on %d (week, segment) groups%n", engine.size() / 3);
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
        if (duckdb != null) {
            duckdb.close();
        }
    }

    @Benchmark
    public NpsResult oursColumnarIndex() {
        return index.run(query);
    }

    @Benchmark
    public long peerDuckDb() throws SQLException {
        if (duckdb == null) {
            throw new IllegalStateException("DuckDB was not loaded (-Dnps.bench.peer=false): run oursColumnarIndex only");
        }
        long checksum = 0;
        try (Statement st = duckdb.createStatement(); ResultSet rs = st.executeQuery(DUCKDB_SQL)) {
            while (rs.next()) {
                checksum += rs.getLong(3) * 31 + rs.getLong(4) * 7 + rs.getLong(5) + rs.getString(2).length()
                        + rs.getObject(1, LocalDateTime.class).getDayOfYear();
            }
        }
        return checksum;
    }
}
