package dev.nps.engine.alerts;

import dev.nps.spi.Alert;
import dev.nps.spi.AlertOutbox;

/**
 * Takes a raised alert for delivery. {@link AlertRelay} implements it durably over an {@link AlertOutbox}.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface AlertPublisher {

    /**
     * @param alert the alert, never null; its id is stable, so publishing it twice delivers it once
     */
    void publish(Alert alert);
}
