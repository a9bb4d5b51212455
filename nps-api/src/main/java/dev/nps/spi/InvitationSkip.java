package dev.nps.spi;

import dev.nps.api.internal.Checks;
import java.time.Instant;

/**
 * The record of one decision not to create or not to send an invitation.
 *
 * @param invitationId the invitation row (a skipped row is kept so a repeated event stays idempotent)
 * @param surveyId     the survey
 * @param contactId    the contact
 * @param reason       why
 * @param detail       per-channel explanation, without personal data (e.g. {@code email: suppressed; sms: no consent})
 * @param stage        whether it was decided at creation or just before sending
 * @param at           when
 * @since 0.1
 */
public record InvitationSkip(String invitationId, String surveyId, String contactId, SkipReason reason, String detail,
                             Stage stage, Instant at) {

    /** When the rule was checked. */
    public enum Stage {
        /** When the invitation was created. */
        CREATION,
        /** Just before sending. */
        SEND
    }

    public InvitationSkip {
        Checks.id(invitationId, "skip.invitationId");
        Checks.id(surveyId, "skip.surveyId");
        Checks.id(contactId, "skip.contactId");
        Checks.notNull(reason, "skip.reason");
        Checks.notNull(detail, "skip.detail");
        Checks.notNull(stage, "skip.stage");
        Checks.notNull(at, "skip.at");
    }
}
