package dev.nps.engine.analytics;

import dev.nps.api.ErrorCode;
import dev.nps.api.NpsException;
import dev.nps.api.analytics.NpsQuery;
import dev.nps.api.analytics.NpsResult;
import dev.nps.api.internal.Checks;
import dev.nps.spi.NpsStore;
import java.time.Clock;

/**
 * Answers NPS questions over any {@link NpsStore}: scans the matching responses as compact columns into
 * mergeable count cells (a score histogram per time bucket and segment) and reports each cell with its
 * standard error, interval, small-sample flag and a test against the rest of its period.
 *
 * <pre>{@code
 * NpsResult week = analytics.nps().survey("post-purchase").last(Duration.ofDays(7)).groupBy("plan").run();
 * }</pre>
 *
 * <p>Thread-safe: every query keeps its own cells.
 *
 * @since 0.1
 */
public final class NpsAnalytics {
    private final NpsStore store;
    private final Clock clock;

    /**
     * @param store where the responses are, never null
     * @param clock the clock {@link NpsQueryBuilder#last} measures from, never null
     */
    public NpsAnalytics(NpsStore store, Clock clock) {
        this.store = Checks.notNull(store, "store");
        this.clock = Checks.notNull(clock, "clock");
    }

    /**
     * Starts a fluent query.
     *
     * @return a new builder whose {@code run()} runs here
     */
    public NpsQueryBuilder nps() {
        return new NpsQueryBuilder(clock, this::run);
    }

    /**
     * Runs a query.
     *
     * @param query the question, never null
     * @return the overall NPS and one group per (period, segment) with responses, ordered by period then segment
     * @throws NpsException {@code INVALID_ARGUMENT} for a null query; {@code STORE_FAILURE} when the store fails
     *                      or streams a score outside 0..10
     */
    public NpsResult run(NpsQuery query) {
        Checks.notNull(query, "query");
        ZoneBuckets buckets = query.bucket().map(b -> new ZoneBuckets(query.zone(), b)).orElse(null);
        Cells cells = new Cells();
        store.scan(query.filter(), query.groupBy(), (score, answeredAt, values) -> {
            if (score < 0 || score > 10) {
                throw new NpsException(ErrorCode.STORE_FAILURE, "store " + store.describe()
                        + " streamed a score of " + score + "; scores are 0..10, the store is corrupt or buggy");
            }
            cells.add(buckets == null ? Cells.NO_PERIOD : buckets.periodOf(answeredAt), values, score);
        });
        return cells.toResult(query);
    }
}
