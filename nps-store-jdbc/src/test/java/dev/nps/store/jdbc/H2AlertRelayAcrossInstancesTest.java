package dev.nps.store.jdbc;

/** Two engines relaying webhook events from one embedded H2 database file. */
class H2AlertRelayAcrossInstancesTest extends AlertRelayAcrossInstances {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.H2;
    }
}
