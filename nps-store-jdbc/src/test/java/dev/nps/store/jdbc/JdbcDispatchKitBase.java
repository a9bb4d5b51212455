package dev.nps.store.jdbc;

import dev.nps.spi.DispatchStore;
import dev.nps.testkit.DispatchStoreCompatibilityKit;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the outbox contract on one database kind. Each test gets a fresh, empty store: its own table prefix in a
 * database created for this class (and dropped after it).
 */
abstract class JdbcDispatchKitBase extends DispatchStoreCompatibilityKit {
    private static final AtomicInteger PREFIXES = new AtomicInteger();

    @TempDir
    static Path tempDir;
    private static TestDatabase db;
    private static TestDatabase.Kind kind;

    static void useDatabase(TestDatabase.Kind databaseKind) {
        kind = databaseKind;
    }

    @AfterAll
    static void dropDatabase() {
        if (db != null) {
            db.close();
            db = null;
        }
    }

    @Override
    protected DispatchStore createStore() {
        if (db == null) {
            db = TestDatabase.create(kind, tempDir);
        }
        return db.store().tablePrefix("d" + PREFIXES.incrementAndGet() + "_").poolSize(8).build();
    }

    @Override
    protected void closeStore(DispatchStore store) {
        if (store != null) {
            ((JdbcStore) store).close();
        }
    }
}
