package dev.nps.store.jdbc;

/** Two engines running the workflow on one MariaDB database (NPS_TEST_MARIADB_URL). */
class MariaDbWorkflowAcrossInstancesTest extends WorkflowAcrossInstances {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.MARIADB;
    }
}
