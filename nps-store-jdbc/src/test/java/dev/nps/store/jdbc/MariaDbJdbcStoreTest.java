package dev.nps.store.jdbc;

/** The JDBC store's own behaviour on MariaDb. */
class MariaDbJdbcStoreTest extends JdbcStoreBehaviour {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.MARIADB;
    }
}
