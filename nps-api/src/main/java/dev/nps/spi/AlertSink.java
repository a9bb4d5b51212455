package dev.nps.spi;

/**
 * Delivers alerts somewhere people see them (chat, email, a webhook). Thread-safe; failures are outcomes.
 *
 * @since 0.1
 */
public interface AlertSink extends AutoCloseable {

    /** @return the sink's name */
    String name();

    /** @return what happened; a {@link SendOutcome.Retryable} is retried durably by the engine */
    SendOutcome deliver(Alert alert);

    @Override
    default void close() {}
}
