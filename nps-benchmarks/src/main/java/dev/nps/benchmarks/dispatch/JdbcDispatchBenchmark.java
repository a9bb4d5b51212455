package dev.nps.benchmarks.dispatch;

import dev.nps.api.ChannelName;
import dev.nps.api.Contact;
import dev.nps.api.Survey;
import dev.nps.engine.dispatch.Dispatcher;
import dev.nps.spi.Invitation;
import dev.nps.spi.InvitationStatus;
import dev.nps.store.jdbc.JdbcStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Invitations dispatched per second from the durable JDBC outbox through a channel that accepts everything at once:
 * claim a batch (lease, fence), read the rules for the whole batch from the store (survey, contacts, responses,
 * unsubscribes, suppressions, recent sends for fatigue: one query each), send, record the batch's fenced outcomes in
 * one transaction. Each invocation drains {@value #INVITATIONS} due invitations to distinct contacts with one
 * dispatcher, or with two or four dispatchers on as many {@link JdbcStore}s (separate pools, as separate application
 * instances), each on its own thread, sending one row after the other or on {@code sendThreads} threads. PostgreSQL
 * runs when {@code NPS_TEST_POSTGRES_URL} is set and fails the case otherwise.
 *
 * <p>Run: {@code NPS_TEST_POSTGRES_URL=jdbc:postgresql://127.0.0.1:5432/test?user=postgres
 * java -jar nps-benchmarks/target/benchmarks.jar JdbcDispatchBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 4, time = 1)
@Fork(1)
public class JdbcDispatchBenchmark {
    static final int INVITATIONS = 10_000;
    static final String POSTGRES_ENV = "NPS_TEST_POSTGRES_URL";

    @Param({"h2", "postgresql"})
    String database;

    @Param({"1", "2", "4"})
    int dispatchers;

    /** Rows claimed per round; the rules of a batch are read and its outcomes recorded together. */
    @Param({"100", "500"})
    int batchSize;

    /** Threads each dispatcher sends on (0: the dispatcher's own thread, one row after the other). */
    @Param({"0", "8"})
    int sendThreads;

    private final Clock clock = Clock.fixed(Instant.parse("2026-01-06T10:00:00Z"), ZoneOffset.UTC);
    private String url;
    private Runnable drop;
    private final List<JdbcStore> stores = new ArrayList<>();
    private final List<Dispatcher> running = new ArrayList<>();
    private ExecutorService threads;
    private final List<ExecutorService> senders = new ArrayList<>();

    @Setup(Level.Trial)
    public void database() {
        String name = "dispatch_" + dispatchers + "_" + ProcessHandle.current().pid();
        if (database.equals("h2")) {
            Path dir = Path.of(System.getProperty("java.io.tmpdir"), "nps-bench", name);
            delete(dir);
            url = "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath();
            drop = () -> delete(dir);
        } else {
            String base = System.getenv(POSTGRES_ENV);
            if (base == null || base.isBlank()) {
                throw new IllegalStateException(POSTGRES_ENV + " not set: skipping the PostgreSQL case"
                        + " (set it to e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres)");
            }
            String schema = "nps_bench_" + name;
            admin(base, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            admin(base, "CREATE SCHEMA " + schema);
            url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
            drop = () -> admin(base, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
        for (int i = 0; i < dispatchers; i++) {
            stores.add(JdbcStore.builder().url(url).poolSize(4 + sendThreads).clock(clock).build());
            senders.add(sendThreads == 0 ? null : Executors.newFixedThreadPool(sendThreads));
        }
        JdbcStore first = stores.get(0);
        first.saveSurvey(Survey.builder("s").channels(List.of(ChannelName.EMAIL)).build());
        for (int i = 0; i < INVITATIONS; i++) {
            first.upsertContact(Contact.of("c-" + i).email("c" + i + "@example.com").build());
        }
        threads = Executors.newFixedThreadPool(dispatchers);
    }

    /** Replaces the outbox with {@value #INVITATIONS} due invitations in one JDBC batch (not measured). */
    @Setup(Level.Invocation)
    public void outbox() throws SQLException {
        running.forEach(Dispatcher::close);
        running.clear();
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        try (Connection c = DriverManager.getConnection(url)) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM nps_invitations");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO nps_invitations (id, root_id, idempotency_key, survey_id,"
                    + " contact_id, channel, reminder, source, status, created_at, due_at, attempts, fence, recovered_claims)"
                    + " VALUES (?, ?, ?, 's', ?, 'email', 0, 'bench', 'PENDING', ?, ?, 0, 0, 0)")) {
                for (int i = 0; i < INVITATIONS; i++) {
                    ps.setString(1, "i-" + i);
                    ps.setString(2, "i-" + i);
                    ps.setString(3, "k-" + i);
                    ps.setString(4, "c-" + i);
                    ps.setObject(5, now);
                    ps.setObject(6, now);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
            if (database.equals("postgresql")) {
                try (Statement s = c.createStatement()) {
                    c.setAutoCommit(true);
                    s.execute("VACUUM ANALYZE nps_invitations");
                }
            }
        }
        for (int i = 0; i < dispatchers; i++) {
            JdbcStore store = stores.get(i);
            Dispatcher.Builder b = Dispatcher.builder().store(store).dispatchStore(store).channel(new DispatchBenchmark.NoOpChannel())
                    .clock(clock).batchSize(batchSize).owner("bench-" + i);
            if (senders.get(i) != null) {
                b.sendExecutor(senders.get(i));
            }
            running.add(b.build());
        }
    }

    @Benchmark
    @OperationsPerInvocation(INVITATIONS)
    public long dispatchAll() throws Exception {
        List<Future<Long>> futures = new ArrayList<>();
        for (Dispatcher d : running) {
            futures.add(threads.submit(() -> {
                long handled = 0;
                for (int n; (n = d.runOnce()) > 0; ) {
                    handled += n;
                }
                return handled;
            }));
        }
        long handled = 0;
        for (Future<Long> f : futures) {
            handled += f.get();
        }
        long sent = stores.get(0).countInvitations(InvitationStatus.SENT);
        if (sent != INVITATIONS || handled != INVITATIONS) {
            throw new IllegalStateException("sent " + sent + ", handled " + handled + " of " + INVITATIONS);
        }
        return sent;
    }

    /**
     * The store's share alone: the same claims and batched fenced outcome updates with no rule lookups and no
     * channel, so the difference to {@link #dispatchAll()} is the engine's per-batch reads (survey, contacts,
     * responses, unsubscribes, suppressions, recent sends) and its own work per row.
     */
    @Benchmark
    @OperationsPerInvocation(INVITATIONS)
    public long claimAndRecordOnly() throws Exception {
        Instant now = clock.instant();
        List<Future<Long>> futures = new ArrayList<>();
        for (int i = 0; i < stores.size(); i++) {
            JdbcStore store = stores.get(i);
            String owner = "bench-" + i;
            futures.add(threads.submit(() -> {
                long recorded = 0;
                for (List<Invitation> batch; !(batch = store.claimDue(now, owner, Duration.ofMinutes(2), batchSize, Set.of())).isEmpty(); ) {
                    List<Invitation> outcomes = batch.stream().map(inv -> inv.asSent(now, 1, "accepted", Optional.empty())).toList();
                    for (boolean written : store.updateClaimedAll(outcomes)) {
                        recorded += written ? 1 : 0;
                    }
                }
                return recorded;
            }));
        }
        long recorded = 0;
        for (Future<Long> f : futures) {
            recorded += f.get();
        }
        if (recorded != INVITATIONS) {
            throw new IllegalStateException("recorded " + recorded + " of " + INVITATIONS);
        }
        return recorded;
    }

    @TearDown(Level.Trial)
    public void close() {
        running.forEach(Dispatcher::close);
        threads.shutdownNow();
        senders.stream().filter(java.util.Objects::nonNull).forEach(ExecutorService::shutdownNow);
        stores.forEach(JdbcStore::close);
        drop.run();
    }

    private static void admin(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
