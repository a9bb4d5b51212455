package dev.nps.store.jdbc;

/** Concurrent writers from two store instances on Postgres. */
class PostgresConcurrentWritersTest extends ConcurrentWriters {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.POSTGRES;
    }
}
