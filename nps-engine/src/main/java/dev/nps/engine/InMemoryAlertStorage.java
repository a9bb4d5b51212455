package dev.nps.engine;

import dev.nps.engine.alerts.InMemoryAlertOutbox;
import dev.nps.engine.alerts.InMemoryAlertState;
import dev.nps.engine.workflow.InMemoryCaseStore;
import dev.nps.spi.AlertOutbox;
import dev.nps.spi.AlertState;
import dev.nps.spi.AlertStorage;
import dev.nps.spi.CaseStore;
import java.time.Clock;

/** The alert outbox, cases and alert state of an engine on the in-memory store: gone with the process. */
final class InMemoryAlertStorage implements AlertStorage {
    private final AlertOutbox outbox = new InMemoryAlertOutbox();
    private final CaseStore cases = new InMemoryCaseStore();
    private final AlertState state;

    InMemoryAlertStorage(Clock clock) {
        this.state = new InMemoryAlertState(clock);
    }

    @Override
    public AlertOutbox alertOutbox() {
        return outbox;
    }

    @Override
    public CaseStore caseStore() {
        return cases;
    }

    @Override
    public AlertState alertState() {
        return state;
    }
}
