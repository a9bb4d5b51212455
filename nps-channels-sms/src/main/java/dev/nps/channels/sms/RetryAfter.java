package dev.nps.channels.sms;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Parses a Retry-After header: delay seconds or an HTTP date. */
final class RetryAfter {
    /** Longest honoured hint; a provider asking for more is capped so a message is not parked for days. */
    static final Duration MAX = Duration.ofHours(1);

    private RetryAfter() {}

    static Optional<Duration> parse(String header, Clock clock) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String h = header.strip();
        try {
            long seconds = Long.parseLong(h);
            return seconds < 0 ? Optional.empty() : Optional.of(cap(Duration.ofSeconds(seconds)));
        } catch (NumberFormatException e) {
            // Not seconds: try an HTTP date.
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(h, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration d = Duration.between(clock.instant(), at.toInstant());
            return Optional.of(d.isNegative() ? Duration.ZERO : cap(d));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Duration cap(Duration d) {
        return d.compareTo(MAX) > 0 ? MAX : d;
    }
}
