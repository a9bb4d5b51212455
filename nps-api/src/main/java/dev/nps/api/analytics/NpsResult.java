package dev.nps.api.analytics;

import dev.nps.api.internal.Checks;
import java.util.List;

/**
 * The answer to an {@link NpsQuery}: the overall NPS and, when grouped, one entry per group ordered by period
 * then segment values.
 *
 * @param overall the NPS of every matching response
 * @param groups  the groups, empty when the query did not group
 * @since 0.1
 */
public record NpsResult(NpsSummary overall, List<GroupResult> groups) {
    public NpsResult {
        Checks.notNull(overall, "overall");
        groups = List.copyOf(Checks.notNull(groups, "groups"));
    }
}
