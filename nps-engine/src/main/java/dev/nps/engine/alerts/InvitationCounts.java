package dev.nps.engine.alerts;

import java.time.Instant;
import java.util.Optional;

/**
 * How many invitations were sent, for the response-rate rule. The dispatch pipeline's store implements it.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface InvitationCounts {

    /**
     * @param surveyId the survey, or empty for all
     * @param from     sent at or after (inclusive)
     * @param to       sent before (exclusive)
     * @return the number of invitations sent in [from, to)
     */
    long sent(Optional<String> surveyId, Instant from, Instant to);
}
