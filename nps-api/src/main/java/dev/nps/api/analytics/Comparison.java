package dev.nps.api.analytics;

/**
 * The difference between two independent NPS figures with a two-sided z-test on the trinomial variances.
 *
 * @param difference    first minus second, in points
 * @param standardError standard error of the difference, in points
 * @param z             the z statistic (NaN when the standard error is 0)
 * @param pValue        two-sided p-value (1 when undefined)
 * @param alpha         the significance level used for {@code significant}
 * @param significant   whether pValue &lt; alpha (never true when either side is empty)
 * @since 0.1
 */
public record Comparison(double difference, double standardError, double z, double pValue, double alpha, boolean significant) {}
