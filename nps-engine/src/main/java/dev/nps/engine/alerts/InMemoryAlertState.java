package dev.nps.engine.alerts;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.nps.api.NpsException;
import dev.nps.api.internal.Checks;
import dev.nps.spi.AlertState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@link AlertState} in memory, bounded and expiring after {@value #KEPT_DAYS} days: after a restart a rule may
 * raise once more, which the stable alert id lets consumers de-duplicate. Thread-safe.
 *
 * @since 0.1
 */
public final class InMemoryAlertState implements AlertState {
    /** Days a key or cool-down is remembered. {@value} */
    public static final int KEPT_DAYS = 90;

    private final Cache<String, Instant> raisedKeys;
    private final Cache<String, Instant> lastRaised;

    /** @param clock drives expiry, so it follows a test's settable clock too */
    public InMemoryAlertState(Clock clock) {
        Checks.notNull(clock, "clock");
        // Caffeine's ticker in nanoseconds from the injected clock.
        Ticker ticker = () -> {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        };
        this.raisedKeys = Caffeine.newBuilder().ticker(ticker).maximumSize(200_000).expireAfterWrite(KEPT_DAYS, TimeUnit.DAYS).build();
        this.lastRaised = Caffeine.newBuilder().ticker(ticker).maximumSize(100_000).expireAfterWrite(KEPT_DAYS, TimeUnit.DAYS).build();
    }

    @Override
    public synchronized boolean admit(String ruleId, String segment, String alertKey, Instant now, Duration coolDown) {
        check(ruleId, segment, alertKey, now, coolDown);
        if (raisedKeys.getIfPresent(alertKey) != null) {
            return false;
        }
        String coolKey = coolKey(ruleId, segment);
        Instant last = lastRaised.getIfPresent(coolKey);
        if (last != null && now.isBefore(last.plus(coolDown))) {
            return false;
        }
        raisedKeys.put(alertKey, now);
        lastRaised.put(coolKey, now);
        return true;
    }

    @Override
    public synchronized void revoke(String ruleId, String segment, String alertKey, Instant raisedAt) {
        Checks.notNull(ruleId, "ruleId");
        Checks.notNull(segment, "segment");
        Checks.notNull(alertKey, "alertKey");
        Checks.notNull(raisedAt, "raisedAt");
        raisedKeys.invalidate(alertKey);
        lastRaised.asMap().remove(coolKey(ruleId, segment), raisedAt);
    }

    @Override
    public Optional<Instant> lastRaised(String ruleId, String segment) {
        Checks.notNull(ruleId, "ruleId");
        Checks.notNull(segment, "segment");
        return Optional.ofNullable(lastRaised.getIfPresent(coolKey(ruleId, segment)));
    }

    @Override
    public boolean seen(String alertKey) {
        return raisedKeys.getIfPresent(Checks.notNull(alertKey, "alertKey")) != null;
    }

    @Override
    public synchronized int forget(Instant before) {
        Checks.notNull(before, "before");
        int[] forgotten = {0};
        raisedKeys.asMap().entrySet().removeIf(e -> e.getValue().isBefore(before) && ++forgotten[0] > 0);
        lastRaised.asMap().entrySet().removeIf(e -> e.getValue().isBefore(before) && ++forgotten[0] > 0);
        return forgotten[0];
    }

    /** The argument checks every {@link AlertState} makes, so stores reject the same input. */
    static void check(String ruleId, String segment, String alertKey, Instant now, Duration coolDown) {
        Checks.notBlank(ruleId, "ruleId");
        if (ruleId.length() > MAX_RULE_ID) {
            throw NpsException.invalid("ruleId", "is " + ruleId.length() + " characters; the limit is " + MAX_RULE_ID);
        }
        Checks.notNull(segment, "segment");
        Checks.notBlank(alertKey, "alertKey");
        Checks.notNull(now, "now");
        if (Checks.notNull(coolDown, "coolDown").isNegative()) {
            throw NpsException.invalid("coolDown", "must not be negative (got " + coolDown + ")");
        }
    }

    private static String coolKey(String ruleId, String segment) {
        return ruleId + "\u0000" + segment;
    }

    @Override
    public String toString() {
        return "InMemoryAlertState[" + raisedKeys.estimatedSize() + " keys, " + lastRaised.estimatedSize() + " cool-downs]";
    }
}
