package dev.nps.store.jdbc;

/** Two engines relaying webhook events from one MariaDB database (NPS_TEST_MARIADB_URL). */
class MariaDbAlertRelayAcrossInstancesTest extends AlertRelayAcrossInstances {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.MARIADB;
    }
}
