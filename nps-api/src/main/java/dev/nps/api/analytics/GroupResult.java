package dev.nps.api.analytics;

import dev.nps.api.internal.Checks;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One group of a grouped NPS: a period (when bucketed), a segment (when grouped by attributes), its summary,
 * and its comparison against the rest of the responses of the same period (never against a total that
 * contains it).
 *
 * @param period      first day of the time bucket, in the query's zone, if bucketed
 * @param segment     attribute key to value, in the query's groupBy order; a missing value is {@code ""}
 * @param summary     the NPS of this group
 * @param versusRest  this group minus the rest of its period; empty when there is no segment or no rest
 * @since 0.1
 */
public record GroupResult(Optional<LocalDate> period, Map<String, String> segment, NpsSummary summary,
                          Optional<Comparison> versusRest) {
    public GroupResult {
        Checks.notNull(period, "period");
        segment = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(Checks.notNull(segment, "segment")));
        Checks.notNull(summary, "summary");
        Checks.notNull(versusRest, "versusRest");
    }
}
