package dev.nps.engine.workflow;

import dev.nps.api.internal.Checks;

/**
 * A follow-up message the workflow asks for.
 *
 * @param key        idempotency key: the same key means the same message
 * @param kind       what to send
 * @param responseId the response that triggered it
 * @param surveyId   the survey
 * @param contactId  the recipient
 * @param score      the score given
 * @since 0.1
 */
public record FollowUpRequest(String key, Kind kind, String responseId, String surveyId, String contactId, int score) {
    /** What to send. */
    public enum Kind { THANK_YOU, REVIEW_REQUEST, REFERRAL_REQUEST }

    public FollowUpRequest {
        Checks.notBlank(key, "key");
        Checks.notNull(kind, "kind");
        Checks.id(responseId, "responseId");
        Checks.id(surveyId, "surveyId");
        Checks.id(contactId, "contactId");
    }
}
