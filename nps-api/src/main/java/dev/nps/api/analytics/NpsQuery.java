package dev.nps.api.analytics;

import dev.nps.api.NpsException;
import dev.nps.api.internal.Checks;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A grouped NPS question: which responses ({@link ResponseFilter}), grouped by which attributes and by which
 * time bucket in which zone, with which interval.
 *
 * @param filter      which responses
 * @param groupBy     attribute keys to group by (response attributes first, then contact attributes;
 *                    {@code channel} and {@code survey} are built in)
 * @param bucket      time bucket for a trend, if any
 * @param zone        time zone that defines days, weeks, months
 * @param confidence  confidence level of every interval, e.g. 0.95
 * @param method      interval method
 * @param minSample   groups with fewer responses are flagged as small samples
 * @param alpha       significance level for comparisons
 * @since 0.1
 */
public record NpsQuery(
        ResponseFilter filter,
        List<String> groupBy,
        Optional<TimeBucket> bucket,
        ZoneId zone,
        double confidence,
        IntervalMethod method,
        int minSample,
        double alpha) {

    /** Default confidence level. {@value} */
    public static final double DEFAULT_CONFIDENCE = 0.95;
    /** Default small-sample threshold. {@value} */
    public static final int DEFAULT_MIN_SAMPLE = 30;
    /** Default significance level. {@value} */
    public static final double DEFAULT_ALPHA = 0.05;
    /** Built-in grouping key: the channel the response came through. */
    public static final String CHANNEL = "channel";
    /** Built-in grouping key: the survey id. */
    public static final String SURVEY = "survey";

    public NpsQuery {
        Checks.notNull(filter, "query.filter");
        groupBy = List.copyOf(Checks.notNull(groupBy, "query.groupBy"));
        groupBy.forEach(k -> Checks.attributeKey(k, "query.groupBy"));
        if (groupBy.stream().distinct().count() != groupBy.size()) {
            throw NpsException.invalid("query.groupBy", "lists a key twice: " + groupBy);
        }
        Checks.notNull(bucket, "query.bucket");
        Checks.notNull(zone, "query.zone");
        if (!(confidence > 0 && confidence < 1)) {
            throw NpsException.invalid("query.confidence", "must be between 0 and 1 exclusive, e.g. 0.95 (got " + confidence + ")");
        }
        Checks.notNull(method, "query.method");
        if (minSample < 0) {
            throw NpsException.invalid("query.minSample", "must not be negative (got " + minSample + ")");
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw NpsException.invalid("query.alpha", "must be between 0 and 1 exclusive, e.g. 0.05 (got " + alpha + ")");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder with the defaults: everything, no grouping, UTC, adjusted-Wald 95%, minimum sample 30. */
    public static final class Builder {
        private ResponseFilter filter = ResponseFilter.ALL;
        private final List<String> groupBy = new ArrayList<>();
        private TimeBucket bucket;
        private ZoneId zone = ZoneOffset.UTC;
        private double confidence = DEFAULT_CONFIDENCE;
        private IntervalMethod method = IntervalMethod.ADJUSTED_WALD;
        private int minSample = DEFAULT_MIN_SAMPLE;
        private double alpha = DEFAULT_ALPHA;

        public Builder filter(ResponseFilter filter) {
            this.filter = Checks.notNull(filter, "query.filter");
            return this;
        }

        public Builder groupBy(String... keys) {
            for (String k : Checks.notNull(keys, "query.groupBy")) {
                groupBy.add(Checks.attributeKey(k, "query.groupBy"));
            }
            return this;
        }

        public Builder bucket(TimeBucket bucket) {
            this.bucket = Checks.notNull(bucket, "query.bucket");
            return this;
        }

        public Builder zone(ZoneId zone) {
            this.zone = Checks.notNull(zone, "query.zone");
            return this;
        }

        public Builder confidence(double confidence) {
            this.confidence = confidence;
            return this;
        }

        public Builder method(IntervalMethod method) {
            this.method = Checks.notNull(method, "query.method");
            return this;
        }

        public Builder minSample(int minSample) {
            this.minSample = minSample;
            return this;
        }

        public Builder alpha(double alpha) {
            this.alpha = alpha;
            return this;
        }

        public NpsQuery build() {
            return new NpsQuery(filter, groupBy, Optional.ofNullable(bucket), zone, confidence, method, minSample, alpha);
        }
    }
}
