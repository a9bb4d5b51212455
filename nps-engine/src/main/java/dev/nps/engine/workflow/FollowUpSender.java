package dev.nps.engine.workflow;

/**
 * Sends a follow-up message to a respondent (a thank-you, a review or referral request). The dispatch pipeline
 * implements it: obeying consent, suppression, the fatigue window and the contact's quiet hours is its job, not
 * the workflow's; it may delay or drop the message for those reasons. Implementations de-duplicate on
 * {@link FollowUpRequest#key()} and must not block for long (queue, don't send inline).
 *
 * @since 0.1
 */
@FunctionalInterface
public interface FollowUpSender {

    /**
     * @param request what to send to whom, never null
     */
    void send(FollowUpRequest request);
}
