package dev.nps.spi;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Durable queue of deliveries to alert sinks, event sinks and CRM writers: failed deliveries are retried, never
 * dropped, and dead-lettered after the last attempt until someone requeues them. The engine keeps one in memory
 * for the in-memory store; a store implementing {@link AlertStorage} keeps it across restarts and shares it
 * between application instances.
 *
 * <p>Claims are fenced: {@link #claimDue} hands out each due entry to one caller with a new
 * {@link OutboxEntry#fence() fence}, and the outcome ({@link #delivered}, {@link #retryAt}, {@link #dead}) is
 * written only while that fence is still current, so a relay whose claim lapsed and was taken over cannot
 * overwrite the newer claim's outcome. Implementations are thread-safe.
 *
 * @since 0.1
 */
public interface AlertOutbox {
    /** How many entries {@link #list(OutboxEntry.State)} returns at most. {@value} */
    int DEFAULT_LIST_LIMIT = 10_000;

    /**
     * Adds an entry unless one with its id exists (in any state), so publishing a message twice delivers it once.
     *
     * @param entry a pending entry, never null
     * @return whether it was added
     */
    boolean add(OutboxEntry entry);

    /**
     * Claims up to {@code limit} pending entries due at {@code now}: each claimed entry is not due again before
     * {@code leaseUntil}, so two relays never deliver it at the same time, and carries the claim's new fence.
     *
     * @param now        the time, never null
     * @param leaseUntil when an unfinished claim lapses, after {@code now}
     * @param limit      1..1000
     * @return the claimed entries, oldest due first
     */
    List<OutboxEntry> claimDue(Instant now, Instant leaseUntil, int limit);

    /**
     * Marks a claimed entry delivered.
     *
     * @param claim    the entry as {@link #claimDue} returned it
     * @param attempts attempts including this one
     * @param at       when
     * @return false when the claim was lost (its fence moved on); nothing was written
     */
    boolean delivered(OutboxEntry claim, int attempts, Instant at);

    /**
     * Schedules a claimed entry's next attempt.
     *
     * @param reason the failure's short reason, without personal data
     * @return false when the claim was lost; nothing was written
     */
    boolean retryAt(OutboxEntry claim, int attempts, Instant next, String reason);

    /**
     * Dead-letters a claimed entry.
     *
     * @param reason the failure's short reason, without personal data
     * @return false when the claim was lost; nothing was written
     */
    boolean dead(OutboxEntry claim, int attempts, Instant at, String reason);

    /**
     * Puts a dead entry back in the queue, due now, with its attempts reset.
     *
     * @return whether a dead entry of that id was requeued
     */
    boolean requeue(String entryId, Instant now);

    /** @return the entry, if known */
    Optional<OutboxEntry> find(String entryId);

    /**
     * @param state the state
     * @param limit at most this many, 1..{@value #DEFAULT_LIST_LIMIT}
     * @return entries in that state, oldest first
     */
    List<OutboxEntry> list(OutboxEntry.State state, int limit);

    /** @return up to {@value #DEFAULT_LIST_LIMIT} entries in that state, oldest first */
    default List<OutboxEntry> list(OutboxEntry.State state) {
        return list(state, DEFAULT_LIST_LIMIT);
    }

    /** @return how many entries are in that state */
    long count(OutboxEntry.State state);

    /**
     * Forgets delivered entries delivered before a time; pending and dead ones always stay. A message added again
     * after its entry was forgotten is delivered again, so keep them longer than anything may be republished.
     *
     * @param deliveredBefore the cut-off
     * @return how many were forgotten
     */
    int forgetDelivered(Instant deliveredBefore);
}
