package dev.nps.engine.reports;

import dev.nps.api.analytics.ScoreCounts;
import dev.nps.api.internal.Checks;

/**
 * Computes a theme's NPS impact from score counts.
 *
 * @since 0.1
 */
public final class ThemeImpacts {
    private ThemeImpacts() {}

    /**
     * The impact is the overall NPS minus the NPS of the responses without the theme: the points the theme adds to
     * (positive) or costs (negative) the overall figure.
     *
     * @param theme the label, never null
     * @param with  score counts of the responses mentioning the theme, never null
     * @param all   score counts of all responses (containing {@code with}), never null
     * @return the row
     */
    public static NpsReport.ThemeRow row(String theme, ScoreCounts with, ScoreCounts all) {
        Checks.notNull(theme, "theme");
        Checks.notNull(with, "with");
        Checks.notNull(all, "all");
        // By category, so counts kept as category totals (ScoreCounts.ofCategories) subtract as well as histograms.
        long promoters = all.promoters() - with.promoters();
        long passives = all.passives() - with.passives();
        long detractors = all.detractors() - with.detractors();
        if (promoters < 0 || passives < 0 || detractors < 0) {
            throw dev.nps.api.NpsException.invalid("with", "theme '" + theme + "' has more responses in a category than all"
                    + " responses; count both over the same window and filter");
        }
        ScoreCounts without = ScoreCounts.ofCategories(detractors, passives, promoters);
        double impact = without.total() == 0 ? Double.NaN : all.nps() - without.nps();
        return new NpsReport.ThemeRow(theme, with.total(), with.nps(), without.nps(), impact);
    }
}
