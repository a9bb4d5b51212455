package dev.nps.store.jdbc;

import dev.nps.spi.NpsStore;
import dev.nps.testkit.StoreCompatibilityKit;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the store contract on one database kind. Each test gets a fresh, empty store: its own table prefix in a
 * database created for this class (and dropped after it).
 */
abstract class JdbcStoreKitBase extends StoreCompatibilityKit {
    private static final AtomicInteger PREFIXES = new AtomicInteger();

    @TempDir
    static Path tempDir;
    private static TestDatabase db;
    private static TestDatabase.Kind kind;

    /** Chooses the database kind; the database itself is created by the first test, which skips when it is unset. */
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
    protected NpsStore createStore() {
        if (db == null) {
            db = TestDatabase.create(kind, tempDir);
        }
        return db.store().tablePrefix("k" + PREFIXES.incrementAndGet() + "_").poolSize(8).build();
    }
}
