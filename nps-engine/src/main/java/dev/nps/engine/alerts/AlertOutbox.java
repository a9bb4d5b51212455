package dev.nps.engine.alerts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Durable queue of deliveries to alert sinks, event sinks and CRM writers: failed deliveries are retried, never
 * dropped, and dead-lettered after the last attempt until someone requeues them. {@link InMemoryAlertOutbox}
 * keeps it in memory; a store-backed implementation keeps it across restarts. Implementations are thread-safe.
 *
 * @since 0.1
 */
public interface AlertOutbox {

    /**
     * Adds an entry unless one with its id exists (in any state), so publishing a message twice delivers it once.
     *
     * @param entry a pending entry, never null
     * @return whether it was added
     */
    boolean add(OutboxEntry entry);

    /**
     * Claims up to {@code limit} pending entries due at {@code now}: each claimed entry is not due again before
     * {@code leaseUntil}, so two relays never deliver it at the same time.
     *
     * @return the claimed entries, oldest due first
     */
    List<OutboxEntry> claimDue(Instant now, Instant leaseUntil, int limit);

    /** Marks a claimed entry delivered. */
    void delivered(String entryId, int attempts, Instant at);

    /** Schedules a claimed entry's next attempt. */
    void retryAt(String entryId, int attempts, Instant next, String reason);

    /** Dead-letters a claimed entry. */
    void dead(String entryId, int attempts, Instant at, String reason);

    /**
     * Puts a dead entry back in the queue, due now, with its attempts reset.
     *
     * @return whether a dead entry of that id was requeued
     */
    boolean requeue(String entryId, Instant now);

    /** @return the entry, if known */
    Optional<OutboxEntry> find(String entryId);

    /** @return entries in that state, oldest first */
    List<OutboxEntry> list(OutboxEntry.State state);
}
