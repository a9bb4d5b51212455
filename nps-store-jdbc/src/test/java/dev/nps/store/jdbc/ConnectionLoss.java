package dev.nps.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.nps.api.ErrorCode;
import dev.nps.api.NpsException;
import dev.nps.api.Response;
import dev.nps.api.analytics.ResponseFilter;
import dev.nps.spi.InsertResult;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server kills the store's connection in the middle of a write: the response row is already inserted and
 * the attribute rows are waiting for a lock. The write must fail with a clear STORE_FAILURE, leave nothing
 * behind, and the same write retried must succeed on a fresh connection.
 */
abstract class ConnectionLoss {
    @TempDir
    Path dir;

    abstract TestDatabase.Kind kind();

    /** Takes a lock that makes inserts into the attribute table wait, on an open admin connection. */
    abstract void lockAttributeTable(Statement admin) throws SQLException;

    abstract void unlockAttributeTable(Statement admin) throws SQLException;

    /** @return the server's id of the session waiting to insert attributes, once it waits */
    abstract Optional<Long> waitingSession(Connection admin) throws SQLException;

    abstract void kill(Statement admin, long session) throws SQLException;

    @Test
    void aWriteCutOffMidwayFailsCleanlyAndARetrySucceeds() throws Exception {
        Response response = Response.builder("s1", 9).id("r-1").invitation("inv-1").comment("halfway")
                .attribute("plan", "pro").attribute("region", "eu").build(Instant.parse("2026-01-01T00:00:00Z"));
        try (TestDatabase db = TestDatabase.create(kind(), dir);
             JdbcStore store = db.store().poolSize(2).build();
             Connection lockHolder = db.connect();
             Connection killer = db.connect()) {
            lockHolder.setAutoCommit(false);
            try (Statement lock = lockHolder.createStatement()) {
                lockAttributeTable(lock);
            }
            CompletableFuture<InsertResult> write = CompletableFuture.supplyAsync(() -> store.insertResponse(response));
            long session = awaitWaitingSession(killer, write);
            try (Statement k = killer.createStatement()) {
                kill(k, session);
            }
            try (Statement unlock = lockHolder.createStatement()) {
                unlockAttributeTable(unlock);
            }
            lockHolder.commit();

            Throwable failure = catchThrowable(() -> write.get(60, TimeUnit.SECONDS));
            assertThat(failure).isInstanceOf(ExecutionException.class);
            assertThat(failure.getCause()).isInstanceOf(NpsException.class)
                    .hasMessageContaining("insertResponse").hasMessageContaining("connection was lost").hasMessageContaining("retry")
                    .hasMessageNotContaining("halfway");
            assertThat(((NpsException) failure.getCause()).code()).isEqualTo(ErrorCode.STORE_FAILURE);
            // nothing half-written: the response row inserted before the kill was rolled back with its transaction
            assertThat(count(killer, "nps_responses")).isZero();
            assertThat(count(killer, "nps_response_attributes")).isZero();

            assertThat(store.insertResponse(response).status()).isEqualTo(InsertResult.Status.INSERTED);
            assertThat(store.findResponse("r-1")).contains(response);
            assertThat(store.countResponses(ResponseFilter.ALL)).isEqualTo(1);
        }
    }

    private long awaitWaitingSession(Connection admin, CompletableFuture<?> write) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            Optional<Long> session = waitingSession(admin);
            if (session.isPresent()) {
                return session.get();
            }
            assertThat(write).as("the write should be waiting for the lock").isNotDone();
            Thread.sleep(20); // polling the server's session list, not timing logic
        }
        throw new AssertionError("the store's insert never waited for the attribute table lock");
    }

    static long count(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + table); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static Optional<Long> firstLong(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
        }
    }
}
