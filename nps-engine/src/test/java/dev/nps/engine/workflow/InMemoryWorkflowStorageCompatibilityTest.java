package dev.nps.engine.workflow;

import dev.nps.spi.ResponseTags;
import dev.nps.spi.Sequences;
import dev.nps.testkit.ResponseTagsCompatibilityKit;
import dev.nps.testkit.SequencesCompatibilityKit;
import org.junit.jupiter.api.Nested;

/** The response tags and sequences contracts on the in-memory implementations. */
class InMemoryWorkflowStorageCompatibilityTest {

    @Nested
    class Tags extends ResponseTagsCompatibilityKit {
        @Override
        protected ResponseTags createTags() {
            return new InMemoryResponseTags();
        }
    }

    @Nested
    class Counters extends SequencesCompatibilityKit {
        @Override
        protected Sequences createSequences() {
            return new InMemorySequences();
        }
    }
}
