package dev.nps.store.jdbc;

import org.junit.jupiter.api.BeforeAll;

/** The outbox contract on the embedded H2 database. */
class H2DispatchStoreCompatibilityKitTest extends JdbcDispatchKitBase {
    @BeforeAll
    static void database() {
        useDatabase(TestDatabase.Kind.H2);
    }
}
