package dev.nps.api;

/**
 * The three NPS categories: detractor 0-6, passive 7-8, promoter 9-10.
 *
 * @since 0.1
 */
public enum Category {
    DETRACTOR,
    PASSIVE,
    PROMOTER;

    /**
     * @param score an integer 0..10
     * @return the category of that score
     * @throws NpsException {@link ErrorCode#INVALID_SCORE} when the score is outside 0..10
     */
    public static Category of(int score) {
        Score.requireValid(score);
        return score >= 9 ? PROMOTER : score >= 7 ? PASSIVE : DETRACTOR;
    }
}
