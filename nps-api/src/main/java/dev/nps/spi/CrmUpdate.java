package dev.nps.spi;

import dev.nps.api.Category;
import dev.nps.api.internal.Checks;
import java.time.Instant;
import java.util.Optional;

/**
 * The latest NPS answer of one contact, to store on the contact's CRM record. {@link #toString()} never shows
 * the comment.
 *
 * @param contactId  the contact's id (the CRM record's id, or the id the writer maps to one)
 * @param surveyId   the survey answered
 * @param responseId the response
 * @param score      0..10
 * @param category   the score's category
 * @param comment    the comment, if any
 * @param answeredAt when
 * @since 0.1
 */
public record CrmUpdate(String contactId, String surveyId, String responseId, int score, Category category,
                        Optional<String> comment, Instant answeredAt) {
    public CrmUpdate {
        Checks.id(contactId, "crmUpdate.contactId");
        Checks.id(surveyId, "crmUpdate.surveyId");
        Checks.id(responseId, "crmUpdate.responseId");
        if (Category.of(score) != Checks.notNull(category, "crmUpdate.category")) {
            throw dev.nps.api.NpsException.invalid("crmUpdate.category", "is " + category + " but score " + score + " is " + Category.of(score));
        }
        Checks.notNull(comment, "crmUpdate.comment");
        Checks.notNull(answeredAt, "crmUpdate.answeredAt");
    }

    @Override
    public String toString() {
        return "CrmUpdate[contact=" + contactId + ", survey=" + surveyId + ", response=" + responseId + ", score=" + score
                + ", comment=" + (comment.isPresent() ? comment.get().length() + " chars" : "none") + ", answeredAt=" + answeredAt + "]";
    }
}
