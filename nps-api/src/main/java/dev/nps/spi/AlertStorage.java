package dev.nps.spi;

/**
 * A store that also keeps what acting on feedback needs to survive a restart: the {@link AlertOutbox} of alert,
 * event and CRM deliveries, the follow-up {@link CaseStore} and the {@link AlertState} of cool-downs and seen
 * alerts. An engine built on such a store uses them by itself; with the in-memory store it keeps them in memory.
 *
 * @since 0.1
 */
public interface AlertStorage {

    /** @return the durable alert outbox, the same instance on every call */
    AlertOutbox alertOutbox();

    /** @return the durable case store, the same instance on every call */
    CaseStore caseStore();

    /** @return the durable alert state, the same instance on every call */
    AlertState alertState();
}
