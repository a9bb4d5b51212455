package dev.nps.store.jdbc;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One database of a kind for a test class's alert storage kits: created on first use (skipping visibly when the
 * server is not configured), a fresh table prefix per store, dropped on {@link #close()}.
 */
final class AlertStorageDatabase implements AutoCloseable {
    private static final AtomicInteger PREFIXES = new AtomicInteger();

    private final TestDatabase.Kind kind;
    private TestDatabase db;

    AlertStorageDatabase(TestDatabase.Kind kind) {
        this.kind = kind;
    }

    synchronized JdbcStore freshStore(Path tempDir) {
        if (db == null) {
            db = TestDatabase.create(kind, tempDir);
        }
        return db.store().tablePrefix("a" + PREFIXES.incrementAndGet() + "_").poolSize(8).build();
    }

    @Override
    public synchronized void close() {
        if (db != null) {
            db.close();
            db = null;
        }
    }
}
