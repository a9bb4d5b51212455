package dev.nps.engine.links;

import dev.nps.api.Response;
import dev.nps.api.Score;
import dev.nps.api.internal.Checks;
import dev.nps.spi.InsertResult;
import dev.nps.spi.NpsStore;
import java.util.Optional;

/**
 * Where answers given through links and in-app prompts are recorded: the engine's response recording (so
 * analytics and alerts see them), or a store directly.
 *
 * @since 0.1
 */
public interface ResponseRecorder {

    /**
     * Records a new response idempotently (same id or same invitation: nothing new is stored).
     *
     * @return what the store did
     */
    InsertResult insert(Response response);

    /**
     * Edits a stored response's score and comment.
     *
     * @return the response as now stored
     */
    Response edit(String responseId, Score score, Optional<String> comment);

    /** @return a recorder writing straight to the store */
    static ResponseRecorder of(NpsStore store) {
        Checks.notNull(store, "store");
        return new ResponseRecorder() {
            @Override
            public InsertResult insert(Response response) {
                return store.insertResponse(response);
            }

            @Override
            public Response edit(String responseId, Score score, Optional<String> comment) {
                return store.updateResponse(responseId, score, comment);
            }
        };
    }
}
