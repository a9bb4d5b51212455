package dev.nps.store.jdbc;

/** Two engines dispatching from one outbox on PostgreSQL (NPS_TEST_POSTGRES_URL). */
class PostgresOutboxAcrossInstancesTest extends OutboxAcrossInstances {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.POSTGRES;
    }
}
