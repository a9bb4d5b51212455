package dev.nps.store.jdbc;

/** Concurrent writers from two store instances on MariaDb. */
class MariaDbConcurrentWritersTest extends ConcurrentWriters {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.MARIADB;
    }
}
