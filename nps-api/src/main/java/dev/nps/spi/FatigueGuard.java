package dev.nps.spi;

import dev.nps.api.internal.Checks;
import java.time.Instant;
import java.util.Optional;

/**
 * The fatigue rule a store checks atomically with an insert: no other first invitation to the contact
 * (of the survey, when given) that is not skipped or dead was created at or after {@code since}.
 *
 * @param contactId the contact
 * @param surveyId  the survey, or empty to count invitations of every survey
 * @param since     start of the window
 * @since 0.1
 */
public record FatigueGuard(String contactId, Optional<String> surveyId, Instant since) {
    public FatigueGuard {
        Checks.id(contactId, "fatigue.contactId");
        Checks.notNull(surveyId, "fatigue.surveyId");
        Checks.notNull(since, "fatigue.since");
    }

    /** @return whether an existing row counts against this guard */
    public boolean blockedBy(Invitation existing) {
        return existing.contactId().equals(contactId)
                && existing.reminder() == 0
                && existing.status() != InvitationStatus.SKIPPED
                && existing.status() != InvitationStatus.DEAD
                && existing.status() != InvitationStatus.FAILED
                && !existing.createdAt().isBefore(since)
                && surveyId.map(s -> s.equals(existing.surveyId())).orElse(true);
    }
}
