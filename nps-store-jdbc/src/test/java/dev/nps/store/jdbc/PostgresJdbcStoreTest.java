package dev.nps.store.jdbc;

/** The JDBC store's own behaviour on Postgres. */
class PostgresJdbcStoreTest extends JdbcStoreBehaviour {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.POSTGRES;
    }
}
