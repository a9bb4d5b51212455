package dev.nps.benchmarks.dashboard;

import dev.nps.api.ChannelName;
import dev.nps.api.Response;
import dev.nps.api.analytics.NpsQuery;
import dev.nps.api.analytics.ResponseFilter;
import dev.nps.api.analytics.TimeBucket;
import dev.nps.engine.NpsEngine;
import dev.nps.http.dashboard.Dashboard;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import dev.nps.store.jdbc.JdbcStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
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
 * The dashboard's requests, end to end over loopback HTTP (parse, authenticate, query, JSON), with 1 million stored
 * responses (a year, 3 surveys, 4 channels, plan and region attributes). SampleTime mode: read the p0.95 line.
 * {@code storeScanSummary} is the same figures computed by scanning the store instead of the dashboard's
 * ColumnarIndex, for comparison.
 *
 * <p>The figures requests never touch the store (the dashboard's index is loaded from it once at start); the
 * drill-down page reads the store ({@code embedded}: JdbcStore's H2 file database; {@code memory}: InMemoryStore).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class DashboardQueryBenchmark {
    static final int RESPONSES = 1_000_000;
    static final String TOKEN = "benchmark-token-0123456789";
    static final int BATCH = 5_000;
    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    /** {@code embedded}: the JDBC store's embedded H2 database in a temporary folder; {@code memory}: InMemoryStore. */
    @Param({"embedded", "memory"})
    public String store;

    private NpsEngine engine;
    private Path folder;
    private Dashboard dashboard;
    private HttpClient http;
    private URI base;

    @Setup(Level.Trial)
    public void setUp() {
        NpsEngine.Builder b = NpsEngine.builder().discoverProviders(false).clock(Clock.fixed(NOW, ZoneOffset.UTC));
        JdbcStore jdbc = null;
        if (store.equals("embedded")) {
            try {
                folder = Files.createTempDirectory("nps-dashboard-bench-");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            jdbc = JdbcStore.embedded(folder);
            b.store(jdbc);
        } else {
            b.inMemoryStore();
        }
        engine = b.build();
        String[] surveys = {"post-purchase", "support", "onboarding"};
        for (String s : surveys) {
            engine.surveys().define(s).question("How likely are you to recommend us?").save();
        }
        ChannelName[] channels = {ChannelName.EMAIL, ChannelName.SMS, ChannelName.IN_APP, ChannelName.WEB};
        String[] plans = {"free", "pro", "enterprise"};
        String[] regions = {"emea", "na", "latam", "apac", "other"};
        SplittableRandom random = new SplittableRandom(1);
        long year = Duration.ofDays(365).toSeconds();
        List<Response> batch = new ArrayList<>(BATCH);
        for (int i = 0; i < RESPONSES; i++) {
            Response r = Response.builder(surveys[random.nextInt(3)], random.nextInt(11)).id("r" + i)
                    .channel(channels[random.nextInt(4)]).attribute("plan", plans[random.nextInt(3)])
                    .attribute("region", regions[random.nextInt(5)])
                    .answeredAt(NOW.minusSeconds(1 + random.nextLong(year))).build(NOW);
            if (jdbc != null) {
                batch.add(r);
                if (batch.size() == BATCH) {
                    jdbc.insertResponses(batch);
                    batch.clear();
                }
            } else {
                engine.store().insertResponse(r);
            }
        }
        if (jdbc != null && !batch.isEmpty()) {
            jdbc.insertResponses(batch);
        }
        dashboard = Dashboard.builder(engine).segments("plan", "region").token(TOKEN).start();
        http = HttpClient.newHttpClient();
        base = dashboard.uri();
        String check = get("/api/summary?period=all");
        if (!check.contains("\"responses\":" + RESPONSES)) {
            throw new IllegalStateException("dashboard does not see the 1M responses: " + check.substring(0, 200));
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws java.io.IOException {
        dashboard.close();
        engine.close();
        if (folder != null) {
            try (var paths = Files.walk(folder)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private String get(String path) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve(path))
                    .header("Authorization", "Bearer " + TOKEN).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(path + " -> " + r.statusCode());
            }
            return r.body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The page's default view: last 30 days, daily trend, segments by plan. */
    @Benchmark
    public String summaryLast30Days() {
        return get("/api/summary?period=30d");
    }

    /** The whole year, monthly trend, broken down by region. */
    @Benchmark
    public String summaryAllTimeByRegion() {
        return get("/api/summary?period=all&by=region");
    }

    /** Survey, channel and segment filters together over a year. */
    @Benchmark
    public String summaryFiltered() {
        return get("/api/summary?period=365d&survey=support&channel=email&segmentKey=plan&segment=pro&by=region");
    }

    /** First drill-down page of a segment (reads the store: filter, newest first). */
    @Benchmark
    public String drillDownSegmentPage() {
        return get("/api/responses?period=30d&segmentKey=plan&segment=pro&size=20");
    }

    /** For comparison: the default view's two queries answered by scanning the store. */
    @Benchmark
    public Object storeScanSummary() {
        ResponseFilter filter = ResponseFilter.builder().from(NOW.minus(Duration.ofDays(30))).build();
        engine.analytics().run(NpsQuery.builder().filter(filter).bucket(TimeBucket.DAY).build());
        return engine.analytics().run(NpsQuery.builder().filter(filter).groupBy("plan").build());
    }
}
