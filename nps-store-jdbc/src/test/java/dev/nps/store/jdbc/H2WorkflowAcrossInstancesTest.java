package dev.nps.store.jdbc;

/** Two engines running the workflow on the embedded H2 database (one file). */
class H2WorkflowAcrossInstancesTest extends WorkflowAcrossInstances {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.H2;
    }
}
