package dev.nps.engine.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a period is compared with: the period just before it, or a longer rolling window just before it.
 *
 * @param rolling the rolling window's length; empty for the previous period
 * @since 0.1
 */
public record Baseline(Optional<Duration> rolling) {
    public Baseline {
        Objects.requireNonNull(rolling, "rolling");
    }

    /** @return the period just before the one watched */
    public static Baseline previousPeriod() {
        return new Baseline(Optional.empty());
    }

    /**
     * @param window the window's length, never null
     * @return a rolling window that ends where the watched period starts
     */
    public static Baseline rolling(Duration window) {
        return new Baseline(Optional.of(Objects.requireNonNull(window, "window")));
    }

    /** @return the baseline's start for a period [periodStart, ...) of the given length */
    Instant start(Instant periodStart, Duration period) {
        return periodStart.minus(rolling.orElse(period));
    }

    void check(String field, java.util.List<String> problems) {
        rolling.ifPresent(w -> {
            if (w.isNegative() || w.isZero()) {
                problems.add(field + ": the rolling window must be positive (got " + w + ")");
            }
        });
    }
}
