package dev.nps.engine.integrations;

import dev.nps.spi.OutgoingEvent;

/**
 * Takes an outgoing event for delivery to the event sinks. {@link dev.nps.engine.alerts.AlertRelay} implements
 * it durably.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface EventPublisher {

    /** A publisher that drops events, for engines without event sinks. */
    EventPublisher NONE = e -> {};

    /**
     * @param event the event, never null; publishing the same id twice delivers it once
     */
    void publish(OutgoingEvent event);
}
