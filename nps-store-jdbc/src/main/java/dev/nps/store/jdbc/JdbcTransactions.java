package dev.nps.store.jdbc;

import dev.nps.api.ErrorCode;
import dev.nps.api.NpsException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How every room of {@link JdbcStore} talks to the database: runs work in a transaction, a read transaction, a
 * READ COMMITTED write or autocommit, runs a deadlock or serialization victim again, refuses work once the store is
 * closed, and turns an {@link SQLException} into an {@link NpsException} that quotes no stored value or password.
 */
final class JdbcTransactions {
    // Logs under the façade's name, which is what applications configure.
    private static final Logger LOG = LoggerFactory.getLogger(JdbcStore.class);
    /** How often a write aborted as a deadlock or serialization victim is run. */
    private static final int TRANSIENT_ATTEMPTS = 3;

    private final DataSource dataSource;
    private final Dialect dialect;
    private final Clock clock;
    private final String description;
    private final String password;
    private volatile boolean closed;

    JdbcTransactions(DataSource dataSource, Dialect dialect, Clock clock, String description, String password) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.clock = clock;
        this.description = description;
        this.password = password;
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** @return the database named for messages, its URL without password */
    String description() {
        return description;
    }

    /** Refuses all later work; returns false when it was closed already. */
    boolean close() {
        if (closed) {
            return false;
        }
        closed = true;
        return true;
    }

    /** @return the clock's time as the UTC timestamp the tables store */
    LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    <T> T write(String operation, Work<T> work) {
        return transaction(operation, work, false, false);
    }

    <T> T read(String operation, Work<T> work) {
        return transaction(operation, work, true, false);
    }

    /**
     * Runs a small lookup (a row and its attributes). On H2 and PostgreSQL, whose READ COMMITTED gives every
     * statement its own snapshot even inside a transaction, it runs in autocommit and so saves the transaction's
     * round trips (the dispatcher makes several lookups per message); on MariaDB/MySQL, whose REPEATABLE READ
     * keeps one snapshot per transaction, it stays a read transaction.
     */
    <T> T lookup(String operation, Work<T> work) {
        return dialect == Dialect.MYSQL ? read(operation, work) : single(operation, work);
    }

    /** Runs a write in one READ COMMITTED transaction (MariaDB/MySQL default to REPEATABLE READ, with gap locks). */
    <T> T writeReadCommitted(String operation, Work<T> work) {
        return transaction(operation, work, false, true);
    }

    /**
     * Runs one statement in autocommit mode: it is atomic on its own, and saves the round trips of an explicit
     * transaction on the dispatcher's hot path.
     */
    <T> T single(String operation, Work<T> work) {
        if (closed) {
            throw new NpsException(ErrorCode.CLOSED, "the store " + description + " is closed");
        }
        try (Connection c = dataSource.getConnection()) {
            if (!c.getAutoCommit()) {
                c.setAutoCommit(true);
            }
            return work.run(c);
        } catch (SQLException e) {
            throw failure(operation, e, true);
        }
    }

    /**
     * Runs the work in one transaction: committed when it returns, rolled back when anything is thrown. A write
     * the database aborted as a deadlock or serialization victim is run again (it was rolled back whole); reads
     * are not, since a scan may already have handed rows to its visitor.
     */
    private <T> T transaction(String operation, Work<T> work, boolean readOnly, boolean readCommitted) {
        for (int attempt = 1; ; attempt++) {
            if (closed) {
                throw new NpsException(ErrorCode.CLOSED, "the store " + description + " is closed");
            }
            try (Connection c = dataSource.getConnection()) {
                boolean autoCommit = c.getAutoCommit();
                if (autoCommit) {
                    c.setAutoCommit(false);
                }
                int isolation = c.getTransactionIsolation();
                boolean changeIsolation = readCommitted && isolation != Connection.TRANSACTION_READ_COMMITTED;
                if (changeIsolation) {
                    c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                }
                try {
                    T result = work.run(c);
                    c.commit();
                    return result;
                } catch (SQLException | RuntimeException | Error e) {
                    rollbackQuietly(c);
                    throw e;
                } finally {
                    if (changeIsolation) {
                        restoreIsolation(c, isolation);
                    }
                    if (autoCommit) {
                        restoreAutoCommit(c);
                    }
                }
            } catch (SQLException e) {
                if (!readOnly && attempt < TRANSIENT_ATTEMPTS && Dialect.isTransientConflict(e)) {
                    LOG.debug("{} was chosen as a deadlock or serialization victim (SQLState {}); running it again",
                            operation, Dialect.sqlState(e));
                    continue;
                }
                throw failure(operation, e, !readOnly);
            }
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // The connection is broken; the server rolls back what it had. The pool discards the connection.
        }
    }

    private static void restoreIsolation(Connection c, int isolation) {
        try {
            c.setTransactionIsolation(isolation);
        } catch (SQLException ignored) {
            // A broken connection: the pool will evict it.
        }
    }

    private static void restoreAutoCommit(Connection c) {
        try {
            c.setAutoCommit(true);
        } catch (SQLException ignored) {
            // A broken connection: the pool will evict it.
        }
    }

    /** Builds the exception for a failed operation without any stored value or password in it. */
    private NpsException failure(String operation, SQLException e, boolean write) {
        String state = Dialect.sqlState(e);
        String message;
        if (Dialect.isConnectionFailure(e)) {
            message = operation + " failed on " + description + ": the connection was lost (SQLState " + state + ": "
                    + Redaction.maskMessage(e.getMessage(), password) + ")" + (write ? "; the transaction was rolled back, retry" : "; retry");
        } else if (state.startsWith("22") || state.equals("HY000") && e.getErrorCode() == 1366) {
            message = operation + " failed on " + description + ": the database cannot store a value as given (SQLState " + state
                    + ", vendor code " + e.getErrorCode() + "); nothing was written"
                    + (dialect == Dialect.MYSQL ? ". On MariaDB/MySQL check that the tables and the connection use utf8mb4" : "");
        } else {
            message = operation + " failed on " + description + " (SQLState " + state + ", vendor code " + e.getErrorCode() + ")"
                    + (write ? "; nothing was written" : "");
        }
        // Driver messages can quote stored values (comments, emails): keep the trace, drop the text.
        SQLException cause = new SQLException(e.getClass().getName() + " (message withheld: it may quote stored values)",
                e.getSQLState(), e.getErrorCode());
        cause.setStackTrace(e.getStackTrace());
        return new NpsException(ErrorCode.STORE_FAILURE, message, cause);
    }
}
