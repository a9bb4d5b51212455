package dev.nps.store.jdbc;

import dev.nps.spi.AlertOutbox;
import dev.nps.spi.AlertState;
import dev.nps.spi.CaseStore;
import dev.nps.testkit.AlertOutboxCompatibilityKit;
import dev.nps.testkit.AlertStateCompatibilityKit;
import dev.nps.testkit.CaseStoreCompatibilityKit;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

/** The alert outbox, case store and alert state contracts on MariaDB (NPS_TEST_MARIADB_URL). */
class MariaDbAlertStorageCompatibilityTest {
    @TempDir
    static Path tempDir;
    private static final AlertStorageDatabase DB = new AlertStorageDatabase(TestDatabase.Kind.MARIADB);

    @AfterAll
    static void dropDatabase() {
        DB.close();
    }

    @Nested
    class Outbox extends AlertOutboxCompatibilityKit {
        private JdbcStore store;

        @Override
        protected AlertOutbox createOutbox() {
            store = DB.freshStore(tempDir);
            return store.alertOutbox();
        }

        @Override
        protected void closeOutbox(AlertOutbox outbox) {
            if (store != null) {
                store.close();
            }
        }
    }

    @Nested
    class Cases extends CaseStoreCompatibilityKit {
        private JdbcStore store;

        @Override
        protected CaseStore createCaseStore() {
            store = DB.freshStore(tempDir);
            return store.caseStore();
        }

        @Override
        protected void closeCaseStore(CaseStore cases) {
            if (store != null) {
                store.close();
            }
        }
    }

    @Nested
    class State extends AlertStateCompatibilityKit {
        private JdbcStore store;

        @Override
        protected AlertState createState() {
            store = DB.freshStore(tempDir);
            return store.alertState();
        }

        @Override
        protected void closeState(AlertState state) {
            if (store != null) {
                store.close();
            }
        }
    }
}
