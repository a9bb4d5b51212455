package dev.nps.engine;

import dev.nps.api.Page;
import dev.nps.api.PageRequest;
import dev.nps.api.Response;
import dev.nps.api.Score;
import dev.nps.api.analytics.ResponseFilter;
import java.util.Optional;

/**
 * Records, edits and lists responses. Reached through {@link NpsEngine#responses()}. Thread-safe.
 *
 * @since 0.1
 */
public interface Responses {

    /**
     * Records a response. The response id is the idempotency key: submitting the same id with the same score
     * and comment again writes nothing ({@code DUPLICATE}); with another score or comment it is an edit
     * ({@code EDITED}). A response to an invitation that is already answered edits that invitation's response.
     *
     * @param response the response, never null; anonymous responses (no contact) are allowed
     * @return what happened and the response as stored
     * @throws dev.nps.api.NpsException {@code NOT_FOUND} when the survey does not exist; {@code COMMENT_TOO_LONG}
     *                                  when the comment is over the engine's limit (nothing is stored);
     *                                  {@code CONFLICT} when the id or invitation belongs to another survey or contact
     */
    RecordResult record(Response response);

    /**
     * Replaces the score and comment of a stored response; the edit is what later reads and analytics see.
     *
     * @param responseId the response, never null
     * @param score      the new score, never null
     * @param comment    the new comment, or empty to remove it
     * @return {@code EDITED} with the edited response, or {@code DUPLICATE} when nothing changed
     * @throws dev.nps.api.NpsException {@code NOT_FOUND} for an unknown response, {@code COMMENT_TOO_LONG}
     */
    RecordResult edit(String responseId, Score score, Optional<String> comment);

    /**
     * @param responseId the id, never null
     * @return the response, if stored
     */
    Optional<Response> find(String responseId);

    /**
     * @param filter which responses, never null
     * @param page   which page, never null
     * @return matching responses, newest first
     */
    Page<Response> list(ResponseFilter filter, PageRequest page);

    /**
     * @param filter which responses, never null
     * @return how many match
     */
    long count(ResponseFilter filter);

    /**
     * Adds a listener for recorded and edited responses.
     *
     * @param listener the listener, never null
     * @return a handle whose {@code close()} removes the listener
     */
    AutoCloseable addListener(ResponseListener listener);
}
