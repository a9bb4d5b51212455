package dev.nps.store.jdbc;

import org.junit.jupiter.api.BeforeAll;

/** The store contract on MariaDB (NPS_TEST_MARIADB_URL). */
class MariaDbStoreCompatibilityKitTest extends JdbcStoreKitBase {
    @BeforeAll
    static void database() {
        useDatabase(TestDatabase.Kind.MARIADB);
    }
}
