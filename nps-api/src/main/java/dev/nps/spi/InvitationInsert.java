package dev.nps.spi;

import java.util.Objects;

/**
 * What a store did with a new invitation.
 *
 * @param status   what happened
 * @param existing the stored row: the new one when inserted, else the one that prevented the insert
 * @since 0.1
 */
public record InvitationInsert(Status status, Invitation existing) {
    public enum Status {
        /** Stored. */
        INSERTED,
        /** A row with the same idempotency key exists; nothing was written. */
        DUPLICATE_KEY,
        /** The fatigue guard found a recent invitation to the contact; nothing was written. */
        FATIGUED
    }

    public InvitationInsert {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(existing, "existing");
    }
}
