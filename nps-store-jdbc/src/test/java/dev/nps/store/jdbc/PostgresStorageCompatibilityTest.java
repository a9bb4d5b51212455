package dev.nps.store.jdbc;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;

/** The alert and workflow storage contracts ({@link StorageKits}) on PostgreSQL (NPS_TEST_POSTGRES_URL). */
class PostgresStorageCompatibilityTest extends StorageKits {
    @TempDir
    static Path tempDir;
    private static final AlertStorageDatabase DB = new AlertStorageDatabase(TestDatabase.Kind.POSTGRES);

    @AfterAll
    static void dropDatabase() {
        DB.close();
    }

    @Override
    JdbcStore freshStore() {
        return DB.freshStore(tempDir);
    }
}
