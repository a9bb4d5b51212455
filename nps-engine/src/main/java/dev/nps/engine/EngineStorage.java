package dev.nps.engine;

import dev.nps.api.ErrorCode;
import dev.nps.api.NpsException;
import dev.nps.engine.store.InMemoryStore;
import dev.nps.spi.AlertStorage;
import dev.nps.spi.NpsStore;
import dev.nps.spi.WorkflowStorage;
import java.time.Clock;

/**
 * Where the engine's alerting (outbox, cases, cool-downs) and workflows (tags, sequences) keep their state: in the
 * store when it implements the storage SPI (durable, shared by every instance on the database), in memory beside the
 * in-memory store, and otherwise nowhere: a durable store with state in memory would lose it on restart without
 * anyone noticing, so that is a configuration error.
 */
final class EngineStorage {
    private final NpsStore store;
    private final Clock clock;
    private AlertStorage alerts;

    EngineStorage(NpsStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** @return the same instance on every call */
    synchronized AlertStorage alerts() {
        if (alerts == null) {
            if (store instanceof AlertStorage durable) {
                alerts = durable;
            } else if (store instanceof InMemoryStore) {
                alerts = new InMemoryAlertStorage(clock);
            } else {
                throw new NpsException(ErrorCode.CONFIGURATION, "the store " + store.describe() + " keeps no alert outbox, cases"
                        + " or alert state (it does not implement dev.nps.spi.AlertStorage); pass them explicitly, e.g."
                        + " AlertRelay.builder().outbox(...), AlertMonitor.builder().state(...), new Cases(caseStore, ...)");
            }
        }
        return alerts;
    }

    WorkflowStorage workflows() {
        if (store instanceof WorkflowStorage kept) {
            return kept; // durable in a durable store; the in-memory store's live as long as it does
        }
        throw new NpsException(ErrorCode.CONFIGURATION, "the store " + store.describe() + " keeps no response tags or"
                + " sequences (it does not implement dev.nps.spi.WorkflowStorage); pass them explicitly, e.g."
                + " Workflow.builder().tagger(...).sequences(...)");
    }
}
