package dev.nps.store.jdbc;

import org.junit.jupiter.api.BeforeAll;

/** The store contract on the embedded H2 database. */
class H2StoreCompatibilityKitTest extends JdbcStoreKitBase {
    @BeforeAll
    static void database() {
        useDatabase(TestDatabase.Kind.H2);
    }
}
