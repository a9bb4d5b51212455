package dev.nps.store.jdbc;

/** The JDBC store's own behaviour on H2. */
class H2JdbcStoreTest extends JdbcStoreBehaviour {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.H2;
    }
}
