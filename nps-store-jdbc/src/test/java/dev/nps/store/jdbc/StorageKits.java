package dev.nps.store.jdbc;

import dev.nps.spi.AlertOutbox;
import dev.nps.spi.AlertState;
import dev.nps.spi.CaseStore;
import dev.nps.spi.ResponseTags;
import dev.nps.spi.Sequences;
import dev.nps.testkit.AlertOutboxCompatibilityKit;
import dev.nps.testkit.AlertStateCompatibilityKit;
import dev.nps.testkit.CaseStoreCompatibilityKit;
import dev.nps.testkit.ResponseTagsCompatibilityKit;
import dev.nps.testkit.SequencesCompatibilityKit;
import java.util.function.Function;
import org.junit.jupiter.api.Nested;

/**
 * The alert storage (outbox, cases, alert state) and workflow storage (response tags, sequences) contracts on one
 * database; a subclass per database says which, through {@link #freshStore()}. JUnit runs the nested kits of this
 * class for every subclass.
 */
abstract class StorageKits {

    /** @return a store on empty tables of the subclass's database */
    abstract JdbcStore freshStore();

    /** Opens a fresh store per test and closes it after. */
    private final class StoreHolder {
        private JdbcStore store;

        <T> T open(Function<JdbcStore, T> part) {
            store = freshStore();
            return part.apply(store);
        }

        void close() {
            if (store != null) {
                store.close();
            }
        }
    }

    @Nested
    class Outbox extends AlertOutboxCompatibilityKit {
        private final StoreHolder holder = new StoreHolder();

        @Override
        protected AlertOutbox createOutbox() {
            return holder.open(JdbcStore::alertOutbox);
        }

        @Override
        protected void closeOutbox(AlertOutbox outbox) {
            holder.close();
        }
    }

    @Nested
    class Cases extends CaseStoreCompatibilityKit {
        private final StoreHolder holder = new StoreHolder();

        @Override
        protected CaseStore createCaseStore() {
            return holder.open(JdbcStore::caseStore);
        }

        @Override
        protected void closeCaseStore(CaseStore cases) {
            holder.close();
        }
    }

    @Nested
    class State extends AlertStateCompatibilityKit {
        private final StoreHolder holder = new StoreHolder();

        @Override
        protected AlertState createState() {
            return holder.open(JdbcStore::alertState);
        }

        @Override
        protected void closeState(AlertState state) {
            holder.close();
        }
    }

    @Nested
    class Tags extends ResponseTagsCompatibilityKit {
        private final StoreHolder holder = new StoreHolder();

        @Override
        protected ResponseTags createTags() {
            return holder.open(JdbcStore::responseTags);
        }

        @Override
        protected void closeTags(ResponseTags tags) {
            holder.close();
        }
    }

    @Nested
    class Counters extends SequencesCompatibilityKit {
        private final StoreHolder holder = new StoreHolder();

        @Override
        protected Sequences createSequences() {
            return holder.open(JdbcStore::sequences);
        }

        @Override
        protected void closeSequences(Sequences sequences) {
            holder.close();
        }
    }
}
