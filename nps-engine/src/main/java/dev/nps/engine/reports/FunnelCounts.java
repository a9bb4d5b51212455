package dev.nps.engine.reports;

import java.time.Instant;
import java.util.Optional;

/**
 * Counts the invitation funnel of a survey over a window, for reports. The dispatch pipeline satisfies it from its
 * outbox; a host can count its own.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface FunnelCounts {

    /**
     * @param surveyId the survey, or empty for all
     * @param from     start (inclusive), or empty for unbounded
     * @param to       end (exclusive)
     * @return the funnel of the invitations created in the window
     */
    NpsReport.Funnel count(Optional<String> surveyId, Optional<Instant> from, Instant to);
}
