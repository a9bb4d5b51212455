package dev.nps.store.jdbc;

import dev.nps.spi.ResponseTags;
import dev.nps.spi.Sequences;
import dev.nps.testkit.ResponseTagsCompatibilityKit;
import dev.nps.testkit.SequencesCompatibilityKit;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

/** The response tags and sequences contracts on PostgreSQL (NPS_TEST_POSTGRES_URL). */
class PostgresWorkflowStorageCompatibilityTest {
    @TempDir
    static Path tempDir;
    private static final AlertStorageDatabase DB = new AlertStorageDatabase(TestDatabase.Kind.POSTGRES);

    @AfterAll
    static void dropDatabase() {
        DB.close();
    }

    @Nested
    class Tags extends ResponseTagsCompatibilityKit {
        private JdbcStore store;

        @Override
        protected ResponseTags createTags() {
            store = DB.freshStore(tempDir);
            return store.responseTags();
        }

        @Override
        protected void closeTags(ResponseTags tags) {
            if (store != null) {
                store.close();
            }
        }
    }

    @Nested
    class Counters extends SequencesCompatibilityKit {
        private JdbcStore store;

        @Override
        protected Sequences createSequences() {
            store = DB.freshStore(tempDir);
            return store.sequences();
        }

        @Override
        protected void closeSequences(Sequences sequences) {
            if (store != null) {
                store.close();
            }
        }
    }
}
