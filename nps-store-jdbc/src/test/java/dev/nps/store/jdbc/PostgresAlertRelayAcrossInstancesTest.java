package dev.nps.store.jdbc;

/** Two engines relaying webhook events from one PostgreSQL database (NPS_TEST_POSTGRES_URL). */
class PostgresAlertRelayAcrossInstancesTest extends AlertRelayAcrossInstances {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.POSTGRES;
    }
}
