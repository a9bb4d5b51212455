package dev.nps.spi;

import dev.nps.api.internal.Checks;
import java.time.Instant;
import java.util.Optional;

/**
 * A contact's wish not to receive a survey again.
 *
 * @param contactId the contact
 * @param surveyId  the survey, or empty for every survey
 * @param at        when
 * @since 0.1
 */
public record Unsubscribe(String contactId, Optional<String> surveyId, Instant at) {
    public Unsubscribe {
        Checks.id(contactId, "unsubscribe.contactId");
        Checks.notNull(surveyId, "unsubscribe.surveyId").ifPresent(s -> Checks.id(s, "unsubscribe.surveyId"));
        Checks.notNull(at, "unsubscribe.at");
    }

    /** @return whether this unsubscribe covers the survey */
    public boolean covers(String survey) {
        return surveyId.isEmpty() || surveyId.get().equals(survey);
    }
}
