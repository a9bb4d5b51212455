package dev.nps.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/** Connection loss on MariaDB: the session is ended with KILL. */
class MariaDbConnectionLossTest extends ConnectionLoss {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.MARIADB;
    }

    @Override
    void lockAttributeTable(Statement admin) throws SQLException {
        // LOCK TABLES would also hold up the insert into the parent table (MariaDB locks foreign-key relatives);
        // a next-key lock on the empty attribute table makes only the attribute insert wait.
        admin.execute("SELECT * FROM nps_response_attributes WHERE response_id = 'r-1' FOR UPDATE");
    }

    @Override
    void unlockAttributeTable(Statement admin) {
        // released by the commit
    }

    @Override
    Optional<Long> waitingSession(Connection admin) throws SQLException {
        return firstLong(admin, "SELECT id FROM information_schema.processlist WHERE info LIKE 'INSERT INTO nps_response_attributes%'"
                + " AND id <> CONNECTION_ID()");
    }

    @Override
    void kill(Statement admin, long session) throws SQLException {
        admin.execute("KILL " + session);
    }
}
