package dev.nps.store.jdbc;

/** Two engines dispatching from one outbox on MariaDB (NPS_TEST_MARIADB_URL). */
class MariaDbOutboxAcrossInstancesTest extends OutboxAcrossInstances {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.MARIADB;
    }
}
