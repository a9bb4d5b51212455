package dev.nps.api.analytics;

/**
 * Calendar periods for trends, computed in a given time zone. Weeks are ISO weeks (Monday first).
 *
 * @since 0.1
 */
public enum TimeBucket {
    DAY,
    WEEK,
    MONTH,
    QUARTER,
    YEAR
}
