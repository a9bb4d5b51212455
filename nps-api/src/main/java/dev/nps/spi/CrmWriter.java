package dev.nps.spi;

/**
 * Writes a contact's latest NPS answer back to a CRM record. Thread-safe; failures are outcomes, never
 * exceptions, and every network call has a timeout. A {@link SendOutcome.Retryable} is retried durably.
 *
 * @since 0.1
 */
public interface CrmWriter extends AutoCloseable {

    /** @return the writer's name, e.g. {@code hubspot} */
    String name();

    /**
     * @param update the answer to store, never null
     * @return what happened, never null
     */
    SendOutcome write(CrmUpdate update);

    @Override
    default void close() {}
}
