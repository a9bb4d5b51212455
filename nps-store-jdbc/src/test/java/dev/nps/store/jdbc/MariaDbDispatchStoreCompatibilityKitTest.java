package dev.nps.store.jdbc;

import org.junit.jupiter.api.BeforeAll;

/** The outbox contract on MariaDB (NPS_TEST_MARIADB_URL). */
class MariaDbDispatchStoreCompatibilityKitTest extends JdbcDispatchKitBase {
    @BeforeAll
    static void database() {
        useDatabase(TestDatabase.Kind.MARIADB);
    }
}
