package dev.nps.engine.dispatch;

import dev.nps.api.NpsException;
import dev.nps.api.internal.Checks;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;

/**
 * Full-jitter exponential backoff: the wait before retry n is uniform in [0, min(cap, base * 2^(n-1))], and never
 * shorter than the channel's retry-after hint. The random source is injected so tests are reproducible.
 *
 * @param base   the first ceiling, positive
 * @param cap    the largest ceiling
 * @param random the random source (used under its own synchronization)
 * @since 0.1
 */
public record Backoff(Duration base, Duration cap, Random random) {
    /** 30 seconds doubling up to 1 hour. */
    public static Backoff defaults(Random random) {
        return new Backoff(Duration.ofSeconds(30), Duration.ofHours(1), random);
    }

    public Backoff {
        Checks.notNull(base, "backoff.base");
        Checks.notNull(cap, "backoff.cap");
        Checks.notNull(random, "backoff.random");
        if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0) {
            throw NpsException.invalid("backoff", "base must be positive and not above cap (got " + base + ", " + cap + ")");
        }
    }

    /**
     * @param attempt    the attempt that just failed, 1 for the first
     * @param retryAfter the channel's hint, if any
     * @return the wait before the next attempt
     */
    public Duration delay(int attempt, Optional<Duration> retryAfter) {
        long ceiling = base.toMillis();
        for (int i = 1; i < attempt && ceiling < cap.toMillis(); i++) {
            ceiling *= 2;
        }
        ceiling = Math.min(ceiling, cap.toMillis());
        long jitter;
        synchronized (random) {
            jitter = (long) (random.nextDouble() * (ceiling + 1));
        }
        Duration d = Duration.ofMillis(jitter);
        return retryAfter.filter(r -> r.compareTo(d) > 0).orElse(d);
    }
}
