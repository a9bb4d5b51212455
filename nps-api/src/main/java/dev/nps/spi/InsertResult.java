package dev.nps.spi;

import dev.nps.api.Response;
import java.util.Objects;

/**
 * What a store did with a new response.
 *
 * @param status what happened
 * @param stored the response now stored under that id or invitation (the new one when inserted)
 * @since 0.1
 */
public record InsertResult(Status status, Response stored) {
    public enum Status {
        /** Stored as a new response. */
        INSERTED,
        /** A response with this id already exists; nothing was written. */
        SAME_ID_EXISTS,
        /** The invitation already has a response with another id; nothing was written. */
        INVITATION_ANSWERED
    }

    public InsertResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(stored, "stored");
    }
}
