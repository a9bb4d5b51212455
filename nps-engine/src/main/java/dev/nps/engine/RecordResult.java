package dev.nps.engine;

import dev.nps.api.Response;
import java.util.Objects;

/**
 * What recording (or editing) a response did.
 *
 * @param status   what happened
 * @param response the response as now stored (for an edit through an answered invitation, that invitation's
 *                 response, with its own id)
 * @since 0.1
 */
public record RecordResult(Status status, Response response) {

    /** What happened to a recorded response. */
    public enum Status {
        /** Stored as a new response. */
        CREATED,
        /** The same response was already stored (same id, or same invitation, with the same score and comment); nothing was written. */
        DUPLICATE,
        /** A stored response got a new score or comment. */
        EDITED
    }

    public RecordResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(response, "response");
    }
}
