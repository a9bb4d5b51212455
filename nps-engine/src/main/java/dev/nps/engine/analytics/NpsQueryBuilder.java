package dev.nps.engine.analytics;

import dev.nps.api.Category;
import dev.nps.api.ChannelName;
import dev.nps.api.NpsException;
import dev.nps.api.analytics.IntervalMethod;
import dev.nps.api.analytics.NpsQuery;
import dev.nps.api.analytics.NpsResult;
import dev.nps.api.analytics.ResponseFilter;
import dev.nps.api.analytics.TimeBucket;
import dev.nps.api.internal.Checks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Function;

/**
 * A fluent NPS question, reached through {@link NpsAnalytics#nps()} or {@link ColumnarIndex#nps()}:
 *
 * <pre>{@code
 * analytics.nps().survey("post-purchase").last(Duration.ofDays(7)).channel(ChannelName.EMAIL)
 *     .where("plan", "pro").groupBy("region").by(TimeBucket.WEEK).zone(ZoneId.of("Europe/Berlin"))
 *     .confidence(0.9).run();
 * }</pre>
 *
 * <p>Every setter checks its argument at once. A single-valued option set twice throws, naming the value already
 * set; time windows ({@link #last}, {@link #between}, {@link #since}, {@link #until}) narrow each other.
 * Not thread-safe; {@link #query()} and {@link #run()} may be called again.
 *
 * @since 0.1
 */
public final class NpsQueryBuilder {
    private final Clock clock;
    private final Function<NpsQuery, NpsResult> runner;
    private final ResponseFilter.Builder filter = ResponseFilter.builder();
    private final NpsQuery.Builder query = NpsQuery.builder();
    private String survey;
    private Instant from;
    private Instant to;
    private TimeBucket bucket;
    private ZoneId zone;
    private Double confidence;
    private IntervalMethod method;
    private Integer minSample;
    private Double alpha;

    NpsQueryBuilder(Clock clock, Function<NpsQuery, NpsResult> runner) {
        this.clock = Checks.notNull(clock, "clock");
        this.runner = Checks.notNull(runner, "runner");
    }

    /**
     * @param surveyId only responses to this survey
     * @return this builder
     * @throws NpsException when malformed or when a survey was already chosen
     */
    public NpsQueryBuilder survey(String surveyId) {
        Checks.id(surveyId, "survey");
        once(survey, "survey");
        survey = surveyId;
        filter.survey(surveyId);
        return this;
    }

    /**
     * @param duration only responses answered at or after now minus this (now from the clock)
     * @return this builder
     * @throws NpsException when null, zero or negative
     */
    public NpsQueryBuilder last(Duration duration) {
        Checks.notNull(duration, "last");
        if (duration.isNegative() || duration.isZero()) {
            throw NpsException.invalid("last", "must be a positive duration, e.g. Duration.ofDays(7) (got " + duration + ")");
        }
        return since(clock.instant().minus(duration));
    }

    /**
     * @param fromInclusive only responses answered at or after this instant
     * @param toExclusive   and before this instant
     * @return this builder
     * @throws NpsException when null or when the window is empty
     */
    public NpsQueryBuilder between(Instant fromInclusive, Instant toExclusive) {
        Checks.notNull(fromInclusive, "between.from");
        Checks.notNull(toExclusive, "between.to");
        if (!fromInclusive.isBefore(toExclusive)) {
            throw NpsException.invalid("between", "from must be before to (got " + fromInclusive + ", " + toExclusive + ")");
        }
        return since(fromInclusive).until(toExclusive);
    }

    /**
     * @param fromInclusive only responses answered at or after this instant
     * @return this builder
     */
    public NpsQueryBuilder since(Instant fromInclusive) {
        Checks.notNull(fromInclusive, "since");
        from = from == null || fromInclusive.isAfter(from) ? fromInclusive : from;
        return this;
    }

    /**
     * @param toExclusive only responses answered before this instant
     * @return this builder
     */
    public NpsQueryBuilder until(Instant toExclusive) {
        Checks.notNull(toExclusive, "until");
        to = to == null || toExclusive.isBefore(to) ? toExclusive : to;
        return this;
    }

    /**
     * @param channels only responses answered through one of these channels (calls add up)
     * @return this builder
     */
    public NpsQueryBuilder channel(ChannelName... channels) {
        for (ChannelName c : Checks.notNull(channels, "channel")) {
            filter.channel(c);
        }
        return this;
    }

    /**
     * @param channel a channel name such as {@code "email"}
     * @return this builder
     */
    public NpsQueryBuilder channel(String channel) {
        return channel(ChannelName.of(channel));
    }

    /**
     * @param key    attribute key (response attribute, else the contact's)
     * @param values accepted values, at least one
     * @return this builder
     */
    public NpsQueryBuilder where(String key, String... values) {
        Checks.attributeKey(key, "where key");
        if (Checks.notNull(values, "where['" + key + "']").length == 0) {
            throw NpsException.invalid("where['" + key + "']", "lists no values; give at least one");
        }
        for (String v : values) {
            Checks.notNull(v, "where['" + key + "'] value");
        }
        filter.attribute(key, values);
        return this;
    }

    /**
     * @param category only responses of these categories (calls add up)
     * @return this builder
     */
    public NpsQueryBuilder category(Category category) {
        filter.category(Checks.notNull(category, "category"));
        return this;
    }

    /**
     * @param contactId only this contact's responses
     * @return this builder
     */
    public NpsQueryBuilder contact(String contactId) {
        filter.contact(contactId);
        return this;
    }

    /**
     * @param keys attribute keys to group by, appended in order ({@code channel} and {@code survey} built in)
     * @return this builder
     */
    public NpsQueryBuilder groupBy(String... keys) {
        query.groupBy(keys);
        return this;
    }

    /**
     * @param timeBucket one group per period of this length
     * @return this builder
     */
    public NpsQueryBuilder by(TimeBucket timeBucket) {
        Checks.notNull(timeBucket, "by");
        once(bucket, "by");
        bucket = timeBucket;
        query.bucket(timeBucket);
        return this;
    }

    /**
     * @param timeZone the zone whose calendar defines days, weeks and months (default UTC)
     * @return this builder
     */
    public NpsQueryBuilder zone(ZoneId timeZone) {
        Checks.notNull(timeZone, "zone");
        once(zone, "zone");
        zone = timeZone;
        query.zone(timeZone);
        return this;
    }

    /**
     * @param level confidence level of every interval, between 0 and 1 exclusive (default 0.95)
     * @return this builder
     */
    public NpsQueryBuilder confidence(double level) {
        if (!(level > 0 && level < 1)) {
            throw NpsException.invalid("confidence", "must be between 0 and 1 exclusive, e.g. 0.95 (got " + level + ")");
        }
        once(confidence, "confidence");
        confidence = level;
        query.confidence(level);
        return this;
    }

    /**
     * @param intervalMethod how intervals are computed (default adjusted-Wald)
     * @return this builder
     */
    public NpsQueryBuilder method(IntervalMethod intervalMethod) {
        Checks.notNull(intervalMethod, "method");
        once(method, "method");
        method = intervalMethod;
        query.method(intervalMethod);
        return this;
    }

    /**
     * @param responses groups with fewer responses are flagged as small samples (default 30)
     * @return this builder
     */
    public NpsQueryBuilder minSample(int responses) {
        if (responses < 0) {
            throw NpsException.invalid("minSample", "must not be negative (got " + responses + ")");
        }
        once(minSample, "minSample");
        minSample = responses;
        query.minSample(responses);
        return this;
    }

    /**
     * @param level significance level of the comparisons (default 0.05)
     * @return this builder
     */
    public NpsQueryBuilder alpha(double level) {
        if (!(level > 0 && level < 1)) {
            throw NpsException.invalid("alpha", "must be between 0 and 1 exclusive, e.g. 0.05 (got " + level + ")");
        }
        once(alpha, "alpha");
        alpha = level;
        query.alpha(level);
        return this;
    }

    /**
     * @return the query as built so far
     * @throws NpsException when the time window is empty
     */
    public NpsQuery query() {
        if (from != null && to != null && !from.isBefore(to)) {
            throw NpsException.invalid("time window", "the restrictions leave no time: from " + from + " is not before to " + to);
        }
        return query.filter(filter.from(from).to(to).build()).build();
    }

    /**
     * @return the answer
     * @throws NpsException as {@link #query()} and the engine's run
     */
    public NpsResult run() {
        return runner.apply(query());
    }

    private static void once(Object current, String option) {
        if (current != null) {
            throw NpsException.invalid(option, "is already set to " + current + "; set it once");
        }
    }
}
