package dev.nps.spi;

/**
 * Delivers {@link OutgoingEvent}s to an automation endpoint (a signed webhook). Thread-safe; failures are
 * outcomes; a {@link SendOutcome.Retryable} is retried durably by the engine.
 *
 * @since 0.1
 */
public interface EventSink extends AutoCloseable {

    /** @return the sink's name */
    String name();

    /**
     * @param event the event, never null
     * @return what happened, never null
     */
    SendOutcome publish(OutgoingEvent event);

    @Override
    default void close() {}
}
