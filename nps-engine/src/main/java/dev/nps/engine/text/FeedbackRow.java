package dev.nps.engine.text;

import dev.nps.api.Score;
import dev.nps.api.internal.Checks;
import java.time.Instant;
import java.util.Map;

/**
 * One response as the {@link ThemeReporter} reads it.
 *
 * @param score      the score, 0..10
 * @param comment    the comment; null becomes empty
 * @param answeredAt when it was answered
 * @param attributes response and contact attributes (plan, region, tenure_days, ...); values that all parse as
 *                   numbers make a numeric driver
 * @since 0.1
 */
public record FeedbackRow(int score, String comment, Instant answeredAt, Map<String, String> attributes) {
    /**
     * @throws dev.nps.api.NpsException {@code INVALID_SCORE} for a score outside 0..10, {@code INVALID_ARGUMENT} for a
     *                                  missing time or a malformed attribute
     */
    public FeedbackRow {
        Score.of(score);
        comment = comment == null ? "" : comment;
        Checks.notNull(answeredAt, "row.answeredAt");
        attributes = Checks.attributes(attributes == null ? Map.of() : attributes, "row.attributes");
    }

    /**
     * @param score      the score, 0..10
     * @param comment    the comment, may be null
     * @param answeredAt when it was answered
     * @return a row without attributes
     */
    public static FeedbackRow of(int score, String comment, Instant answeredAt) {
        return new FeedbackRow(score, comment, answeredAt, Map.of());
    }
}
