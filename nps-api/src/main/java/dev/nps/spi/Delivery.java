package dev.nps.spi;

import dev.nps.api.Contact;
import dev.nps.api.Survey;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One message for a channel to send: an invitation (or a reminder) of a survey to a contact, with the links
 * the respondent uses. {@link #toString()} never shows personal data.
 *
 * @param invitationId   the invitation; stable across retries (use it for Message-IDs and de-duplication)
 * @param attempt        1 for the first try
 * @param reminder       0 for the invitation, 1.. for reminders
 * @param survey         the survey
 * @param contact        the recipient
 * @param locale         the language to write in
 * @param scoreLinks     eleven links, index = score 0..10 (empty when the channel collects replies itself)
 * @param unsubscribeLink a one-click unsubscribe link, if the engine has response links configured
 * @since 0.1
 */
public record Delivery(String invitationId, int attempt, int reminder, Survey survey, Contact contact, Locale locale,
                       List<URI> scoreLinks, Optional<URI> unsubscribeLink) {
    public Delivery {
        Objects.requireNonNull(invitationId, "invitationId");
        Objects.requireNonNull(survey, "survey");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(locale, "locale");
        scoreLinks = List.copyOf(scoreLinks);
        if (!scoreLinks.isEmpty() && scoreLinks.size() != 11) {
            throw new IllegalArgumentException("scoreLinks: expected 11 links (scores 0..10), got " + scoreLinks.size());
        }
        Objects.requireNonNull(unsubscribeLink, "unsubscribeLink");
    }

    @Override
    public String toString() {
        return "Delivery[invitation=" + invitationId + ", attempt=" + attempt + ", reminder=" + reminder
                + ", survey=" + survey.id() + ", contact=" + contact.id() + "]";
    }
}
