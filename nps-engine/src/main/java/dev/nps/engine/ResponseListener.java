package dev.nps.engine;

import dev.nps.api.Response;

/**
 * Hears about responses after they are stored: text analysis, alert rules and workflows hook in here.
 *
 * <p>Listeners run synchronously on the thread that recorded the response, after the store has written it,
 * in registration order. A listener that is slow hands its work to an executor. A listener that throws is
 * logged and skipped: the response stays stored and the other listeners still run.
 *
 * @since 0.1
 */
public interface ResponseListener {

    /**
     * Called once for a newly stored response.
     *
     * @param response the response as stored, never null
     */
    default void recorded(Response response) {}

    /**
     * Called when a stored response's score or comment changed.
     *
     * @param before the response before the edit, never null
     * @param after  the response as now stored, never null
     */
    default void edited(Response before, Response after) {}
}
