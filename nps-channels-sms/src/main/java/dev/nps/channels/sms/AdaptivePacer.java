package dev.nps.channels.sms;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Spaces submits at least an interval apart. Throttling by the SMSC doubles the interval (at least to
 * {@link #THROTTLED_FLOOR_NANOS}); each success shortens it by a sixteenth, down to the configured limit, so the
 * rate climbs back gradually (multiplicative decrease, gentle increase). Thread-safe.
 */
final class AdaptivePacer {
    /** Interval after the first throttle when no rate limit is configured: 5 ms (200/s). */
    static final long THROTTLED_FLOOR_NANOS = 5_000_000L;
    static final long MAX_INTERVAL_NANOS = 1_000_000_000L;

    interface Sleeper {
        void sleepNanos(long nanos) throws InterruptedException;
    }

    private final long minIntervalNanos;
    private final LongSupplier ticker;
    private final Sleeper sleeper;
    private long intervalNanos;
    private long nextSlot;

    AdaptivePacer(int maxRatePerSecond, LongSupplier ticker, Sleeper sleeper) {
        this.minIntervalNanos = maxRatePerSecond <= 0 ? 0 : 1_000_000_000L / maxRatePerSecond;
        this.intervalNanos = minIntervalNanos;
        this.ticker = ticker;
        this.sleeper = sleeper;
        this.nextSlot = ticker.getAsLong();
    }

    AdaptivePacer(int maxRatePerSecond) {
        this(maxRatePerSecond, System::nanoTime, nanos -> Thread.sleep(nanos / 1_000_000L, (int) (nanos % 1_000_000L)));
    }

    /** Waits for the next free slot. */
    void acquire() throws InterruptedException {
        long wait;
        synchronized (this) {
            if (intervalNanos == 0) {
                return;
            }
            long now = ticker.getAsLong();
            long slot = Math.max(now, nextSlot);
            nextSlot = slot + intervalNanos;
            wait = slot - now;
        }
        if (wait > 0) {
            sleeper.sleepNanos(wait);
        }
    }

    synchronized void onThrottled() {
        intervalNanos = Math.min(MAX_INTERVAL_NANOS, Math.max(THROTTLED_FLOOR_NANOS, intervalNanos * 2));
        nextSlot = Math.max(nextSlot, ticker.getAsLong() + intervalNanos);
    }

    synchronized void onSuccess() {
        if (intervalNanos > minIntervalNanos) {
            long next = intervalNanos - intervalNanos / 16;
            // Below 50 µs spacing is noise: snap back to the configured limit.
            intervalNanos = next < 50_000L ? minIntervalNanos : Math.max(minIntervalNanos, next);
        }
    }

    synchronized Duration interval() {
        return Duration.ofNanos(intervalNanos);
    }
}
