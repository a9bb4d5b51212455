package dev.nps.engine.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Pauses a channel that reported itself down (refused connection, bad credentials), so messages keep their
 * attempts instead of burning them. Each further report while reopening doubles the pause up to a maximum; a
 * successful send closes it. Synchronized.
 */
final class CircuitBreaker {
    private final Duration pause;
    private final Duration maxPause;
    private int consecutiveDowns;
    private Instant pausedUntil = Instant.MIN;

    CircuitBreaker(Duration pause, Duration maxPause) {
        this.pause = pause;
        this.maxPause = maxPause;
    }

    /** @return when the channel may be tried again */
    synchronized Instant open(Instant now, Optional<Duration> retryAfter) {
        consecutiveDowns++;
        Duration p = pause.multipliedBy(1L << Math.min(consecutiveDowns - 1, 20));
        if (p.compareTo(maxPause) > 0) {
            p = maxPause;
        }
        if (retryAfter.isPresent() && retryAfter.get().compareTo(p) > 0) {
            p = retryAfter.get();
        }
        Instant until = now.plus(p);
        if (until.isAfter(pausedUntil)) {
            pausedUntil = until;
        }
        return pausedUntil;
    }

    synchronized void success() {
        consecutiveDowns = 0;
    }

    synchronized boolean paused(Instant now) {
        return now.isBefore(pausedUntil);
    }

    synchronized Instant pausedUntil() {
        return pausedUntil;
    }
}
