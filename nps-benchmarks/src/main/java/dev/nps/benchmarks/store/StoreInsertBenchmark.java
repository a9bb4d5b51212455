package dev.nps.benchmarks.store;

import dev.nps.api.Response;
import dev.nps.spi.InsertResult;
import dev.nps.store.jdbc.JdbcStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
 * Recording throughput of the JDBC store (responses per second, each with two attributes, a third with a comment)
 * against the peer: a hand-written JDBC batch insert of the same rows into the same tables, one transaction per
 * {@value #BATCH} responses, in the same run.
 *
 * <ul>
 *   <li>{@code storeBatch}: {@link JdbcStore#insertResponses(List)} with {@value #BATCH} responses;</li>
 *   <li>{@code storeOneByOne}: {@link JdbcStore#insertResponse(Response)} for each (one transaction each);</li>
 *   <li>{@code handWrittenBatch}: the peer, plain {@code PreparedStatement.addBatch} on one connection.</li>
 * </ul>
 * The PostgreSQL case needs {@code NPS_TEST_POSTGRES_URL}; without it, it fails at setup with that reason.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class StoreInsertBenchmark {
    static final int BATCH = 1000;
    /** Responses recorded by one call of the recordAll* benchmarks (run.sh --scaling sets 1M and 10M). */
    static final int RECORD_ROWS = Integer.getInteger("nps.bench.recordRows", 1_000_000);

    @Param({"h2", "postgresql"})
    public String db;

    private BenchDatabase database;
    private JdbcStore store;
    private Connection peer;
    private final SampleResponses responses = new SampleResponses();

    @Setup(Level.Trial)
    public void open() throws SQLException {
        database = BenchDatabase.open(db, "insert", true);
        store = JdbcStore.builder().url(database.url()).batchSize(BATCH).build();
        // The peer writes into its own copy of the same tables, created by the same migrations.
        JdbcStore.builder().url(database.url()).tablePrefix("peer_").build().close();
        peer = database.connect();
        peer.setAutoCommit(false);
    }

    @Setup(Level.Iteration)
    public void empty() throws SQLException {
        try (Statement s = peer.createStatement()) {
            for (String prefix : List.of("nps_", "peer_")) {
                s.executeUpdate("DELETE FROM " + prefix + "response_attributes");
                s.executeUpdate("DELETE FROM " + prefix + "responses");
            }
        }
        peer.commit();
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
        peer.close();
        store.close();
        database.close();
    }

    private List<Response> nextBatch(int n) {
        return responses.next(n);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public List<InsertResult> storeBatch() {
        return store.insertResponses(nextBatch(BATCH));
    }

    @Benchmark
    @OperationsPerInvocation(100)
    public int storeOneByOne() {
        int inserted = 0;
        for (Response r : nextBatch(100)) {
            inserted += store.insertResponse(r).status() == InsertResult.Status.INSERTED ? 1 : 0;
        }
        return inserted;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int handWrittenBatch() throws SQLException {
        List<Response> batch = nextBatch(BATCH);
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        try (PreparedStatement rows = peer.prepareStatement("INSERT INTO peer_responses (id, survey_id, contact_id, invitation_id,"
                + " score, comment, channel, answered_at_s, answered_at_ns, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement attributes = peer.prepareStatement(
                     "INSERT INTO peer_response_attributes (response_id, attr_key, attr_value) VALUES (?, ?, ?)")) {
            for (Response r : batch) {
                rows.setString(1, r.id());
                rows.setString(2, r.surveyId());
                rows.setString(3, r.contactId().orElse(null));
                rows.setString(4, r.invitationId().orElse(null));
                rows.setInt(5, r.score().value());
                rows.setString(6, r.comment().orElse(null));
                rows.setString(7, r.channel().value());
                rows.setLong(8, r.answeredAt().getEpochSecond());
                rows.setInt(9, r.answeredAt().getNano());
                rows.setObject(10, now);
                rows.addBatch();
                for (Map.Entry<String, String> e : r.attributes().entrySet()) {
                    attributes.setString(1, r.id());
                    attributes.setString(2, e.getKey());
                    attributes.setString(3, e.getValue());
                    attributes.addBatch();
                }
            }
            rows.executeBatch();
            attributes.executeBatch();
            peer.commit();
        }
        return batch.size();
    }

    /** Scaling run only (the suite excludes it): seconds to record RECORD_ROWS responses into empty tables. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public int recordAllStore() {
        int recorded = 0;
        while (recorded < RECORD_ROWS) {
            recorded += storeBatch().size();
        }
        return recorded;
    }

    /** The hand-written batch recording the same RECORD_ROWS responses, for the scaling run. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public int recordAllPeer() throws SQLException {
        int recorded = 0;
        while (recorded < RECORD_ROWS) {
            recorded += handWrittenBatch();
        }
        return recorded;
    }
}
