package dev.nps.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A clock a test moves by hand, so time-based behaviour (delays, quiet hours, leases, cool-downs) is
 * tested without sleeping. Thread-safe.
 */
public final class SettableClock extends Clock {
    private volatile Instant now;
    private final ZoneId zone;

    public SettableClock(Instant start) {
        this(start, ZoneOffset.UTC);
    }

    public SettableClock(Instant start, ZoneId zone) {
        this.now = Objects.requireNonNull(start, "start");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** @return a clock at 2026-01-05T09:00:00Z, a Monday morning */
    public static SettableClock startingMonday() {
        return new SettableClock(Instant.parse("2026-01-05T09:00:00Z"));
    }

    public void set(Instant instant) {
        this.now = Objects.requireNonNull(instant, "instant");
    }

    public synchronized Instant advance(Duration duration) {
        now = now.plus(Objects.requireNonNull(duration, "duration"));
        return now;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        SettableClock parent = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return newZone;
            }

            @Override
            public Clock withZone(ZoneId z) {
                return parent.withZone(z);
            }

            @Override
            public Instant instant() {
                return parent.instant();
            }
        };
    }
}
