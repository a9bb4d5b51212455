package dev.nps.spi;

/**
 * Where an invitation (an outbox row) is in its life.
 *
 * @since 0.1
 */
public enum InvitationStatus {
    /** Waiting for its due time. */
    PENDING,
    /** Taken by a dispatcher under a lease; if the lease runs out, another dispatcher may take it. */
    CLAIMED,
    /** The channel accepted it (or an ambiguous send was treated as sent). */
    SENT,
    /** The channel said it will never work for this recipient. */
    FAILED,
    /** Out of attempts or too old: waits in the dead-letter list for a requeue. */
    DEAD,
    /** Not sent because a rule said no (see the skip records). */
    SKIPPED;

    /** @return whether nothing more happens to the row without an explicit requeue */
    public boolean terminal() {
        return this == SENT || this == FAILED || this == DEAD || this == SKIPPED;
    }
}
