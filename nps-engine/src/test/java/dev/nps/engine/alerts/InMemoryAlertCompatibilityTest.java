package dev.nps.engine.alerts;

import dev.nps.engine.workflow.InMemoryCaseStore;
import dev.nps.spi.AlertOutbox;
import dev.nps.spi.AlertState;
import dev.nps.spi.CaseStore;
import dev.nps.testkit.AlertOutboxCompatibilityKit;
import dev.nps.testkit.AlertStateCompatibilityKit;
import dev.nps.testkit.CaseStoreCompatibilityKit;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Nested;

/** The alert outbox, case store and alert state contracts on the in-memory implementations. */
class InMemoryAlertCompatibilityTest {

    @Nested
    class Outbox extends AlertOutboxCompatibilityKit {
        @Override
        protected AlertOutbox createOutbox() {
            return new InMemoryAlertOutbox();
        }
    }

    @Nested
    class Cases extends CaseStoreCompatibilityKit {
        @Override
        protected CaseStore createCaseStore() {
            return new InMemoryCaseStore();
        }
    }

    @Nested
    class State extends AlertStateCompatibilityKit {
        @Override
        protected AlertState createState() {
            return new InMemoryAlertState(Clock.fixed(T0, ZoneOffset.UTC));
        }
    }
}
