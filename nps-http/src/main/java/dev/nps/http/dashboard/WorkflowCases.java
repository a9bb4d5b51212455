package dev.nps.http.dashboard;

import dev.nps.api.internal.Checks;
import dev.nps.engine.workflow.Cases;
import dev.nps.spi.FollowUpCase;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/**
 * Shows the engine's follow-up cases ({@link Cases}) in the dashboard's case list.
 *
 * @since 0.1
 */
public final class WorkflowCases {
    private WorkflowCases() {}

    /**
     * @param cases the engine's cases, never null
     * @return a case source listing the most recently opened cases first, without comments or contact data
     */
    public static CaseSource source(Cases cases) {
        Checks.notNull(cases, "cases");
        return (survey, limit) -> cases.list().stream()
                .filter(c -> survey.isEmpty() || survey.get().equals(c.surveyId()))
                .sorted(Comparator.comparing(FollowUpCase::openedAt).reversed())
                .limit(limit)
                .map(c -> new CaseSource.CaseRow(c.id(), c.responseId(), c.status().name().toLowerCase(Locale.ROOT),
                        Optional.of(c.owner()), c.openedAt(), "score " + c.score() + ", first contact due " + c.dueAt()))
                .toList();
    }
}
