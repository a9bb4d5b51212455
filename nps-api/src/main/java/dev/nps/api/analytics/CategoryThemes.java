package dev.nps.api.analytics;

import dev.nps.api.Category;
import dev.nps.api.internal.Checks;
import java.util.List;

/**
 * The themes of one NPS category: for promoters ordered by positive mentions (what they praise), for detractors by
 * negative mentions (what they blame), for passives by mentions.
 *
 * @param category  the category
 * @param responses responses of that category
 * @param themes    its themes, in the order above
 * @since 0.1
 */
public record CategoryThemes(Category category, long responses, List<CategoryTheme> themes) {
    public CategoryThemes {
        Checks.notNull(category, "category");
        themes = List.copyOf(Checks.notNull(themes, "themes"));
    }

    /**
     * One theme within a category.
     *
     * @param theme            the theme
     * @param mentions         responses of the category that mention it
     * @param share            mentions divided by the category's responses
     * @param positive         of those, comments with positive sentiment
     * @param negative         of those, comments with negative sentiment
     * @param averageSentiment mean compound sentiment of those comments
     */
    public record CategoryTheme(String theme, long mentions, double share, long positive, long negative,
                                double averageSentiment) {
        public CategoryTheme {
            Checks.notBlank(theme, "theme");
        }
    }
}
