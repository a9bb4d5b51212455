package dev.nps.store.jdbc;

import org.junit.jupiter.api.BeforeAll;

/** The store contract on PostgreSQL (NPS_TEST_POSTGRES_URL). */
class PostgresStoreCompatibilityKitTest extends JdbcStoreKitBase {
    @BeforeAll
    static void database() {
        useDatabase(TestDatabase.Kind.POSTGRES);
    }
}
