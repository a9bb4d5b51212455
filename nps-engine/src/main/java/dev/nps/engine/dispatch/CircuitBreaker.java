package dev.nps.engine.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Pauses a channel that reported itself down (refused connection, bad credentials), so messages keep their
 * attempts instead of burning them. When the pause ends one send goes through as a probe (half-open) while the
 * others wait; a probe that finds the channel down again doubles the pause up to a maximum; any other outcome
 * closes the breaker. Synchronized.
 */
final class CircuitBreaker {
    private final Duration pause;
    private final Duration maxPause;
    private int consecutiveDowns;
    private Instant pausedUntil = Instant.MIN;
    private boolean probing;

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
        probing = false;
        Instant until = now.plus(p);
        if (until.isAfter(pausedUntil)) {
            pausedUntil = until;
        }
        return pausedUntil;
    }

    /** The channel answered (whatever the answer for the recipient): it is up. */
    synchronized void success() {
        consecutiveDowns = 0;
        probing = false;
    }

    /**
     * @return whether a send may go now: not while paused, and only one probe at a time after a pause
     */
    synchronized boolean tryPass(Instant now) {
        if (now.isBefore(pausedUntil)) {
            return false;
        }
        if (consecutiveDowns == 0) {
            return true;
        }
        if (probing) {
            return false;
        }
        probing = true;
        return true;
    }

    synchronized boolean paused(Instant now) {
        return now.isBefore(pausedUntil);
    }

    synchronized Instant pausedUntil() {
        return pausedUntil;
    }
}
