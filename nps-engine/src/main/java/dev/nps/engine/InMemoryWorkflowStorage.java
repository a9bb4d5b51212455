package dev.nps.engine;

import dev.nps.engine.workflow.InMemoryResponseTags;
import dev.nps.engine.workflow.InMemorySequences;
import dev.nps.spi.ResponseTags;
import dev.nps.spi.Sequences;
import dev.nps.spi.WorkflowStorage;

/** The response tags and sequences of an engine on the in-memory store: gone with the process. */
final class InMemoryWorkflowStorage implements WorkflowStorage {
    private final InMemoryResponseTags tags = new InMemoryResponseTags();
    private final Sequences sequences = new InMemorySequences();

    @Override
    public ResponseTags responseTags() {
        return tags;
    }

    @Override
    public Sequences sequences() {
        return sequences;
    }
}
