package dev.nps.engine.dispatch;

import dev.nps.api.ErrorCode;
import dev.nps.api.NpsException;
import dev.nps.api.internal.Checks;
import dev.nps.engine.workflow.FollowUpRequest;
import dev.nps.engine.workflow.FollowUpSender;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the workflow's follow-ups through the dispatch pipeline: each kind is the invitation of a survey the host
 * defines for it (its question and the channel's template carry the message), queued in the outbox and sent by the
 * dispatcher with consent, suppression, unsubscribes and quiet hours checked as for any invitation, the fatigue
 * window excepted (see {@link Invitations#followUp}). De-duplicated on the request's key. Thread-safe.
 *
 * @since 0.2
 */
public final class PipelineFollowUps implements FollowUpSender {
    private static final Logger LOG = LoggerFactory.getLogger(PipelineFollowUps.class);

    private final Invitations invitations;
    private final Map<FollowUpRequest.Kind, String> surveys;

    /**
     * @param invitations the pipeline's invitations
     * @param surveys     the survey sent for each kind of follow-up; a kind without one is a configuration error
     * @throws NpsException {@code INVALID_ARGUMENT} when the map is empty or names a blank survey
     */
    public PipelineFollowUps(Invitations invitations, Map<FollowUpRequest.Kind, String> surveys) {
        this.invitations = Checks.notNull(invitations, "invitations");
        Checks.notNull(surveys, "surveys");
        if (surveys.isEmpty()) {
            throw NpsException.invalid("surveys", "name the survey sent for at least one follow-up kind");
        }
        surveys.forEach((k, v) -> Checks.id(v, "surveys[" + k + "]"));
        this.surveys = Map.copyOf(new EnumMap<>(surveys));
    }

    /**
     * Queues the follow-up; the dispatcher sends it when the rules allow.
     *
     * @throws NpsException {@code CONFIGURATION} when no survey is set for the request's kind
     */
    @Override
    public void send(FollowUpRequest request) {
        Checks.notNull(request, "request");
        String surveyId = surveys.get(request.kind());
        if (surveyId == null) {
            throw new NpsException(ErrorCode.CONFIGURATION, "follow-ups: no survey for " + request.kind()
                    + "; give one in PipelineFollowUps(invitations, Map.of(Kind." + request.kind() + ", \"<survey id>\"))");
        }
        InvitationResult r = invitations.followUp(surveyId, request.contactId(), request.key(), request.kind().name());
        LOG.debug("follow-up {} for response {}: {}", request.kind(), request.responseId(), r.outcome());
    }
}
