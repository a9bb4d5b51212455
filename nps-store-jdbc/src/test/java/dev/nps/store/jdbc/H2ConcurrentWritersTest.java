package dev.nps.store.jdbc;

/** Concurrent writers from two store instances on H2. */
class H2ConcurrentWritersTest extends ConcurrentWriters {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.H2;
    }
}
