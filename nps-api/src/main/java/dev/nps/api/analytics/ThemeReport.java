package dev.nps.api.analytics;

import dev.nps.api.internal.Checks;
import java.util.List;

/**
 * What the comments of a set of responses are about and what drives the score: the themes with their NPS and
 * impact, the themes by category, and the attribute drivers.
 *
 * @param overall    the NPS of every response in the report
 * @param commented  how many responses have a non-blank comment
 * @param bucket     the period of each theme's trend
 * @param themes     one entry per theme mentioned at least once, largest absolute impact first
 * @param byCategory what promoters praise, passives mention and detractors blame
 * @param drivers    attribute drivers, strongest evidence first
 * @since 0.1
 */
public record ThemeReport(NpsSummary overall, long commented, TimeBucket bucket, List<ThemeStat> themes,
                          List<CategoryThemes> byCategory, List<Driver> drivers) {
    public ThemeReport {
        Checks.notNull(overall, "overall");
        Checks.notNull(bucket, "bucket");
        themes = List.copyOf(Checks.notNull(themes, "themes"));
        byCategory = List.copyOf(Checks.notNull(byCategory, "byCategory"));
        drivers = List.copyOf(Checks.notNull(drivers, "drivers"));
    }
}
