package dev.nps.api.analytics;

/**
 * How an NPS confidence interval is computed.
 *
 * @since 0.1
 */
public enum IntervalMethod {
    /** Normal approximation on the trinomial variance. Too narrow for small samples. */
    WALD,
    /**
     * Adjusted-Wald: add 3 to n and 3/4 to promoters and to detractors before the Wald interval
     * (Rocks 2016, The American Statistician 70:365-372; MeasuringU). The default.
     */
    ADJUSTED_WALD
}
