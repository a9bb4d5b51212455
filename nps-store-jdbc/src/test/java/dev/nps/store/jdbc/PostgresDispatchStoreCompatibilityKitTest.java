package dev.nps.store.jdbc;

import org.junit.jupiter.api.BeforeAll;

/** The outbox contract on PostgreSQL (NPS_TEST_POSTGRES_URL). */
class PostgresDispatchStoreCompatibilityKitTest extends JdbcDispatchKitBase {
    @BeforeAll
    static void database() {
        useDatabase(TestDatabase.Kind.POSTGRES);
    }
}
