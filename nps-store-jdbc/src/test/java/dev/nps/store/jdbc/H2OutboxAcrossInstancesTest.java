package dev.nps.store.jdbc;

/** Two engines dispatching from one outbox on one H2 file database (two pools in one JVM share the database). */
class H2OutboxAcrossInstancesTest extends OutboxAcrossInstances {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.H2;
    }
}
