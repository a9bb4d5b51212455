package dev.nps.spi;

import dev.nps.api.NpsException;
import dev.nps.api.internal.Checks;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * A response link's token as stored: only its SHA-256 hash, never the token itself.
 *
 * @param hash         lower-case hex SHA-256 of the token (64 characters)
 * @param invitationId the root invitation the response belongs to
 * @param surveyId     the survey
 * @param contactId    the contact
 * @param expiresAt    after this instant the link no longer works
 * @since 0.1
 */
public record ResponseToken(String hash, String invitationId, String surveyId, String contactId, Instant expiresAt) {
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    public ResponseToken {
        Checks.notNull(hash, "token.hash");
        if (!HEX64.matcher(hash).matches()) {
            throw NpsException.invalid("token.hash", "must be 64 lower-case hex characters (a SHA-256)");
        }
        Checks.id(invitationId, "token.invitationId");
        Checks.id(surveyId, "token.surveyId");
        Checks.id(contactId, "token.contactId");
        Checks.notNull(expiresAt, "token.expiresAt");
    }

    @Override
    public String toString() {
        return "ResponseToken[invitation=" + invitationId + ", survey=" + surveyId + ", expiresAt=" + expiresAt + "]";
    }
}
