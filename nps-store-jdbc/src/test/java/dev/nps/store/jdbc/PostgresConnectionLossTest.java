package dev.nps.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/** Connection loss on PostgreSQL: the backend is ended with pg_terminate_backend. */
class PostgresConnectionLossTest extends ConnectionLoss {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.POSTGRES;
    }

    @Override
    void lockAttributeTable(Statement admin) throws SQLException {
        admin.execute("LOCK TABLE nps_response_attributes IN ACCESS EXCLUSIVE MODE");
    }

    @Override
    void unlockAttributeTable(Statement admin) {
        // released by the commit
    }

    @Override
    Optional<Long> waitingSession(Connection admin) throws SQLException {
        return firstLong(admin, "SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                + " AND query LIKE 'INSERT INTO nps_response_attributes%' AND pid <> pg_backend_pid()");
    }

    @Override
    void kill(Statement admin, long session) throws SQLException {
        admin.execute("SELECT pg_terminate_backend(" + session + ")");
    }
}
