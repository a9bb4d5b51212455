package dev.nps.engine.links;

import dev.nps.api.Response;
import dev.nps.api.internal.Checks;
import dev.nps.engine.RecordResult;
import dev.nps.engine.Responses;
import dev.nps.spi.InsertResult;
import dev.nps.spi.NpsStore;

/**
 * Where answers given through links and in-app prompts are recorded: the engine's response recording (so
 * listeners, analytics and alerts see them), or a store directly.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface ResponseRecorder {

    /**
     * Records a response, or edits the stored one when its id or invitation is already answered. Recording the
     * same answer again changes nothing.
     *
     * @param response the answer
     * @return the response as now stored and whether it replaced an earlier answer
     */
    Recorded record(Response response);

    /**
     * What recording did.
     *
     * @param response the response as now stored
     * @param edited   whether an earlier answer existed (replaced, or the same)
     */
    record Recorded(Response response, boolean edited) {
        public Recorded {
            Checks.notNull(response, "response");
        }
    }

    /** @return a recorder through the engine's {@link Responses} (validation, comment limit, listeners) */
    static ResponseRecorder of(Responses responses) {
        Checks.notNull(responses, "responses");
        return response -> {
            RecordResult r = responses.record(response);
            return new Recorded(r.response(), r.status() != RecordResult.Status.CREATED);
        };
    }

    /** @return a recorder writing straight to the store (no listeners): for tests and tools without an engine */
    static ResponseRecorder of(NpsStore store) {
        Checks.notNull(store, "store");
        return response -> {
            InsertResult r = store.insertResponse(response);
            if (r.status() == InsertResult.Status.INSERTED) {
                return new Recorded(r.stored(), false);
            }
            return new Recorded(store.updateResponse(r.stored().id(), response.score(), response.comment()), true);
        };
    }
}
