package dev.nps.http.dashboard;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Lists follow-up cases for the dashboard's case list. The engine's workflow module satisfies it through an
 * adapter; a host can list its own ticket system's cases.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface CaseSource {

    /**
     * @param surveyId only cases of this survey, or empty for all
     * @param limit    at most this many, 1..1000
     * @return the most recently opened cases first
     */
    List<CaseRow> cases(Optional<String> surveyId, int limit);

    /**
     * One case as the dashboard shows it.
     *
     * @param id         the case id
     * @param responseId the response that opened it
     * @param status     e.g. {@code open}, {@code closed}
     * @param owner      who handles it, empty when unassigned
     * @param openedAt   when it was opened
     * @param summary    a short text (shown as text, never as HTML)
     */
    record CaseRow(String id, String responseId, String status, Optional<String> owner, Instant openedAt, String summary) {
        public CaseRow {
            java.util.Objects.requireNonNull(id, "id");
            java.util.Objects.requireNonNull(responseId, "responseId");
            java.util.Objects.requireNonNull(status, "status");
            java.util.Objects.requireNonNull(owner, "owner");
            java.util.Objects.requireNonNull(openedAt, "openedAt");
            java.util.Objects.requireNonNull(summary, "summary");
        }
    }
}
