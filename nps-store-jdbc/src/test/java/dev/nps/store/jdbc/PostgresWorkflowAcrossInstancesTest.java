package dev.nps.store.jdbc;

/** Two engines running the workflow on one PostgreSQL database (NPS_TEST_POSTGRES_URL). */
class PostgresWorkflowAcrossInstancesTest extends WorkflowAcrossInstances {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.POSTGRES;
    }
}
