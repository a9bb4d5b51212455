package dev.nps.benchmarks.store;

import dev.nps.api.ChannelName;
import dev.nps.api.Contact;
import dev.nps.api.Response;
import dev.nps.api.analytics.NpsQuery;
import dev.nps.api.analytics.NpsResult;
import dev.nps.api.analytics.ResponseFilter;
import dev.nps.engine.analytics.NpsAnalytics;
import dev.nps.store.jdbc.JdbcStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Grouped NPS over {@value #DEFAULT_ROWS} stored responses (by plan from the response, region from the contact,
 * and channel), read from the JDBC store:
 * <ul>
 *   <li>{@code scanIntoCells}: the engine's {@link NpsAnalytics} over {@link JdbcStore#scan}, the way the engine
 *       answers a query from a durable store (streamed compact rows, score counts per cell, intervals);</li>
 *   <li>{@code scanOnly}: the store's scan alone, rows counted, to separate store cost from analytics;</li>
 *   <li>{@code sqlGroupBy}: the peer, grouping pushed down to SQL (the same joins, {@code GROUP BY} and
 *       {@code COUNT(*)} per score) with the counts read back.</li>
 * </ul>
 * The data set is loaded once through the store's batch insert and kept (H2 under java.io.tmpdir/nps-bench,
 * PostgreSQL in schema nps_bench_grouped) so that each fork does not load it again; setup checks that the scan
 * and the SQL grouping give the same counts.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class StoreGroupedNpsBenchmark {
    static final int DEFAULT_ROWS = 1_000_000;
    static final int ROWS = Integer.getInteger("nps.bench.storeRows", DEFAULT_ROWS);
    private static final int CONTACTS = 1000;
    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    private static final String[] PLANS = {"free", "pro", "enterprise"};
    private static final ChannelName[] CHANNELS = {ChannelName.EMAIL, ChannelName.SMS, ChannelName.IN_APP, ChannelName.WEB};
    private static final List<String> GROUP_KEYS = List.of("plan", "region", "channel");
    private static final String GROUP_SQL = "SELECT COALESCE(ra.attr_value, ca.attr_value, '') AS plan,"
            + " COALESCE(rb.attr_value, cb.attr_value, '') AS region, r.channel, r.score, COUNT(*)"
            + " FROM nps_responses r"
            + " LEFT JOIN nps_response_attributes ra ON ra.response_id = r.id AND ra.attr_key = 'plan'"
            + " LEFT JOIN nps_contact_attributes ca ON ca.contact_id = r.contact_id AND ca.attr_key = 'plan'"
            + " LEFT JOIN nps_response_attributes rb ON rb.response_id = r.id AND rb.attr_key = 'region'"
            + " LEFT JOIN nps_contact_attributes cb ON cb.contact_id = r.contact_id AND cb.attr_key = 'region'"
            + " GROUP BY COALESCE(ra.attr_value, ca.attr_value, ''), COALESCE(rb.attr_value, cb.attr_value, ''), r.channel, r.score";

    @Param({"h2", "postgresql"})
    public String db;

    private BenchDatabase database;
    private JdbcStore store;
    private NpsAnalytics analytics;
    private NpsQuery query;

    @Setup(Level.Trial)
    public void open() throws SQLException {
        database = BenchDatabase.open(db, "grouped_" + ROWS, false);
        store = JdbcStore.builder().url(database.url()).fetchSize(5000).build();
        long stored = store.countResponses(ResponseFilter.ALL);
        if (stored != ROWS) {
            load();
        }
        analytics = new NpsAnalytics(store, Clock.fixed(T0, ZoneOffset.UTC));
        query = NpsQuery.builder().groupBy(GROUP_KEYS.toArray(String[]::new)).build();
        Map<String, long[]> viaScan = scanCounts();
        Map<String, long[]> viaSql = sqlGroupBy();
        if (!equal(viaScan, viaSql)) {
            throw new IllegalStateException("scan and SQL GROUP BY disagree: " + viaScan.size() + " vs " + viaSql.size() + " cells");
        }
        long total = viaScan.values().stream().mapToLong(c -> java.util.Arrays.stream(c).sum()).sum();
        if (total != ROWS) {
            throw new IllegalStateException("expected " + ROWS + " responses, scanned " + total);
        }
    }

    private void load() throws SQLException {
        try (Connection c = database.connect(); java.sql.Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM nps_response_attributes");
            s.executeUpdate("DELETE FROM nps_responses");
        }
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < CONTACTS; i++) {
            store.upsertContact(Contact.of("c-" + i).attribute("region", "region-" + (i % 12)).build());
        }
        List<Response> batch = new ArrayList<>(10_000);
        for (int i = 0; i < ROWS; i++) {
            Response.Builder b = Response.builder("survey-" + (i % 3), score(random)).id("r-" + i)
                    .contact("c-" + random.nextInt(CONTACTS)).channel(CHANNELS[random.nextInt(CHANNELS.length)])
                    .answeredAt(T0.plusSeconds(random.nextLong(365L * 86_400)));
            if (random.nextInt(10) > 0) {
                b.attribute("plan", PLANS[random.nextInt(PLANS.length)]);
            }
            batch.add(b.build(T0));
            if (batch.size() == 10_000) {
                store.insertResponses(batch);
                batch.clear();
            }
        }
        store.insertResponses(batch);
    }

    /** A skewed score distribution, as real programmes have. */
    private static int score(SplittableRandom random) {
        int r = random.nextInt(100);
        return r < 45 ? 9 + random.nextInt(2) : r < 75 ? 7 + random.nextInt(2) : random.nextInt(7);
    }

    @TearDown(Level.Trial)
    public void close() {
        store.close();
        database.close();
    }

    @Benchmark
    public NpsResult scanIntoCells() {
        return analytics.run(query);
    }

    @Benchmark
    public long scanOnly() {
        long[] rows = new long[1];
        store.scan(ResponseFilter.ALL, GROUP_KEYS, (score, at, values) -> rows[0] += score + values.length);
        return rows[0];
    }

    @Benchmark
    public Map<String, long[]> sqlGroupBy() throws SQLException {
        Map<String, long[]> cells = new HashMap<>();
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(GROUP_SQL); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                cells.computeIfAbsent(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3), k -> new long[11])[rs.getInt(4)] += rs.getLong(5);
            }
        }
        return cells;
    }

    private Map<String, long[]> scanCounts() {
        Map<String, long[]> cells = new HashMap<>();
        store.scan(ResponseFilter.ALL, GROUP_KEYS, (score, at, values) ->
                cells.computeIfAbsent(values[0] + "|" + values[1] + "|" + values[2], k -> new long[11])[score]++);
        return cells;
    }

    private static boolean equal(Map<String, long[]> a, Map<String, long[]> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        for (Map.Entry<String, long[]> e : a.entrySet()) {
            if (!java.util.Arrays.equals(e.getValue(), b.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
