package dev.nps.engine.dispatch;

import java.time.Duration;
import java.time.Instant;

/** A token bucket on an injected time line; synchronized, tiny critical sections. */
final class TokenBucket {
    private final double ratePerSecond;
    private final double capacity;
    private double tokens;
    private Instant last;

    TokenBucket(double ratePerSecond, int capacity, Instant now) {
        this.ratePerSecond = ratePerSecond;
        this.capacity = capacity;
        this.tokens = capacity;
        this.last = now;
    }

    /** @return whether a token was taken */
    synchronized boolean tryTake(Instant now) {
        refill(now);
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    /** @return when the next token is there */
    synchronized Instant nextToken(Instant now) {
        refill(now);
        if (tokens >= 1) {
            return now;
        }
        long nanos = (long) Math.ceil((1 - tokens) / ratePerSecond * 1e9);
        return now.plus(Duration.ofNanos(Math.max(nanos, 1)));
    }

    private void refill(Instant now) {
        if (now.isAfter(last)) {
            double seconds = Duration.between(last, now).toNanos() / 1e9;
            tokens = Math.min(capacity, tokens + seconds * ratePerSecond);
            last = now;
        }
    }
}
