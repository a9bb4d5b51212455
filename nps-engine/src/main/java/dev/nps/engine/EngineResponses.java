package dev.nps.engine;

import dev.nps.api.ErrorCode;
import dev.nps.api.NpsException;
import dev.nps.api.Page;
import dev.nps.api.PageRequest;
import dev.nps.api.Response;
import dev.nps.api.Score;
import dev.nps.api.analytics.ResponseFilter;
import dev.nps.api.internal.Checks;
import dev.nps.spi.InsertResult;
import dev.nps.spi.NpsStore;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

final class EngineResponses implements Responses {
    private static final Logger LOG = LoggerFactory.getLogger(EngineResponses.class);

    private final NpsStore store;
    private final Lifecycle lifecycle;
    private final int maxCommentLength;
    private final List<ResponseListener> listeners = new CopyOnWriteArrayList<>();

    EngineResponses(NpsStore store, Lifecycle lifecycle, int maxCommentLength, List<ResponseListener> listeners) {
        this.store = store;
        this.lifecycle = lifecycle;
        this.maxCommentLength = maxCommentLength;
        this.listeners.addAll(listeners);
    }

    @Override
    public RecordResult record(Response response) {
        Checks.notNull(response, "response");
        lifecycle.requireOpen();
        checkComment(response.comment());
        if (store.findSurvey(response.surveyId()).isEmpty()) {
            throw new NpsException(ErrorCode.NOT_FOUND, "response.surveyId: survey '" + response.surveyId()
                    + "' does not exist; define it with surveys().define(\"" + response.surveyId() + "\")...save() first");
        }
        InsertResult result = store.insertResponse(response);
        return switch (result.status()) {
            case INSERTED -> {
                notifyRecorded(result.stored());
                yield new RecordResult(RecordResult.Status.CREATED, result.stored());
            }
            case SAME_ID_EXISTS -> {
                requireSameOwner(response, result.stored(), "id '" + response.id() + "'");
                yield applyAnswer(result.stored(), response.score(), response.comment());
            }
            case INVITATION_ANSWERED -> {
                requireSameOwner(response, result.stored(), "invitation '" + response.invitationId().orElse("") + "'");
                yield applyAnswer(result.stored(), response.score(), response.comment());
            }
        };
    }

    @Override
    public RecordResult edit(String responseId, Score score, Optional<String> comment) {
        Checks.id(responseId, "responseId");
        Checks.notNull(score, "score");
        Checks.notNull(comment, "comment");
        lifecycle.requireOpen();
        checkComment(comment);
        Response existing = store.findResponse(responseId).orElseThrow(() -> new NpsException(ErrorCode.NOT_FOUND,
                "response '" + responseId + "' does not exist; record it with responses().record(...) first"));
        return applyAnswer(existing, score, comment);
    }

    @Override
    public Optional<Response> find(String responseId) {
        Checks.id(responseId, "responseId");
        lifecycle.requireOpen();
        return store.findResponse(responseId);
    }

    @Override
    public Page<Response> list(ResponseFilter filter, PageRequest page) {
        Checks.notNull(filter, "filter");
        Checks.notNull(page, "page");
        lifecycle.requireOpen();
        return store.findResponses(filter, page);
    }

    @Override
    public long count(ResponseFilter filter) {
        Checks.notNull(filter, "filter");
        lifecycle.requireOpen();
        return store.countResponses(filter);
    }

    @Override
    public AutoCloseable addListener(ResponseListener listener) {
        Checks.notNull(listener, "listener");
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Writes a new score and comment onto a stored response, unless they are already its answer. */
    private RecordResult applyAnswer(Response existing, Score score, Optional<String> comment) {
        // withAnswer normalises the comment (blank -> none) and checks it, exactly as a new response would be.
        Response wanted = existing.withAnswer(score, comment);
        if (wanted.score().equals(existing.score()) && wanted.comment().equals(existing.comment())) {
            return new RecordResult(RecordResult.Status.DUPLICATE, existing);
        }
        Response edited = store.updateResponse(existing.id(), wanted.score(), wanted.comment());
        notifyEdited(existing, edited);
        return new RecordResult(RecordResult.Status.EDITED, edited);
    }

    /** A re-submission may edit only a response of the same survey, contact and invitation. */
    private static void requireSameOwner(Response submitted, Response stored, String what) {
        List<String> differences = new java.util.ArrayList<>();
        if (!submitted.surveyId().equals(stored.surveyId())) {
            differences.add("survey");
        }
        if (!submitted.contactId().equals(stored.contactId())) {
            differences.add("contact");
        }
        if (submitted.invitationId().isPresent() && !submitted.invitationId().equals(stored.invitationId())) {
            differences.add("invitation");
        }
        if (!differences.isEmpty()) {
            throw new NpsException(ErrorCode.CONFLICT, "response " + what + " is already stored with another "
                    + String.join(" and ", differences) + " (stored response " + stored.id()
                    + "); use a new response id, or the same " + String.join(" and ", differences) + " to edit it");
        }
    }

    private void checkComment(Optional<String> comment) {
        if (comment.isPresent() && comment.get().length() > maxCommentLength) {
            throw new NpsException(ErrorCode.COMMENT_TOO_LONG, "response.comment: " + comment.get().length()
                    + " characters, the limit is " + maxCommentLength
                    + "; shorten it, or raise the limit with NpsEngine.builder().maxCommentLength(n)");
        }
    }

    private void notifyRecorded(Response response) {
        for (ResponseListener l : listeners) {
            try {
                l.recorded(response);
            } catch (RuntimeException e) {
                LOG.warn("response listener {} failed on recorded response {}; the response is stored", describe(l), response.id(), e);
            }
        }
    }

    private void notifyEdited(Response before, Response after) {
        for (ResponseListener l : listeners) {
            try {
                l.edited(before, after);
            } catch (RuntimeException e) {
                LOG.warn("response listener {} failed on edited response {}; the edit is stored", describe(l), after.id(), e);
            }
        }
    }

    private static String describe(ResponseListener l) {
        return Objects.toString(l.getClass().getName());
    }
}
