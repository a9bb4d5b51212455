package dev.nps.engine.alerts;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Keeps alert storms away: an alert key raises once (de-duplication) and a rule raises at most once per
 * cool-down for one segment. In memory: after a restart a rule may raise once more, which the stable alert id
 * lets consumers de-duplicate.
 */
final class AlertGuard {
    private final Cache<String, Boolean> raisedKeys;
    private final Cache<String, Instant> lastRaised;

    AlertGuard(Clock clock) {
        // Caffeine's ticker in nanoseconds from the injected clock, so expiry follows test time too.
        com.github.benmanes.caffeine.cache.Ticker ticker = () -> {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        };
        this.raisedKeys = Caffeine.newBuilder().ticker(ticker).maximumSize(200_000).expireAfterWrite(90, TimeUnit.DAYS).build();
        this.lastRaised = Caffeine.newBuilder().ticker(ticker).maximumSize(100_000).expireAfterWrite(90, TimeUnit.DAYS).build();
    }

    /**
     * @return whether an alert with this key may be raised now; if so, it is remembered
     */
    synchronized boolean admit(String ruleId, String segment, String alertKey, Instant now, Duration coolDown) {
        if (raisedKeys.getIfPresent(alertKey) != null) {
            return false;
        }
        String coolKey = ruleId + "\u0000" + segment;
        Instant last = lastRaised.getIfPresent(coolKey);
        if (last != null && now.isBefore(last.plus(coolDown))) {
            return false;
        }
        raisedKeys.put(alertKey, Boolean.TRUE);
        lastRaised.put(coolKey, now);
        return true;
    }

    /** @return a stable id for an alert key: the same key always gives the same id */
    static String alertId(String alertKey) {
        return UUID.nameUUIDFromBytes(alertKey.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
