package dev.nps.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nps.api.QuietHours;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class QuietHoursPropertyTest {

    @Provide
    Arbitrary<ZoneId> zones() {
        return Arbitraries.of("Europe/Berlin", "America/New_York", "UTC", "Australia/Lord_Howe", "Asia/Kolkata").map(ZoneId::of);
    }

    @Provide
    Arbitrary<Instant> instants() {
        // Minutes through 2026, with extra weight on the DST change days of Berlin and New York.
        Arbitrary<Instant> year = Arbitraries.longs().between(0, 365L * 24 * 60).map(m -> Instant.parse("2026-01-01T00:00:00Z").plusSeconds(m * 60));
        Arbitrary<Instant> dstDays = Arbitraries.of("2026-03-08T00:00:00Z", "2026-03-28T12:00:00Z", "2026-10-24T12:00:00Z", "2026-10-31T12:00:00Z")
                .flatMap(d -> Arbitraries.integers().between(0, 36 * 60).map(m -> Instant.parse(d).plusSeconds(m * 60L)));
        return Arbitraries.oneOf(year, dstDays);
    }

    @Provide
    Arbitrary<LocalTime> times() {
        return Arbitraries.integers().between(0, 24 * 4 - 1).map(q -> LocalTime.of(q / 4, (q % 4) * 15));
    }

    @Property(tries = 2000)
    void theResultIsTheFirstMinuteOutsideTheWindow(@ForAll("instants") Instant due, @ForAll("zones") ZoneId zone,
                                                   @ForAll("times") LocalTime start, @ForAll("times") LocalTime end) {
        Assume.that(!start.equals(end));
        QuietHours window = new QuietHours(start, end);
        Instant result = QuietHoursRule.defer(due, zone, window);

        assertThat(result).isAfterOrEqualTo(due);
        // At most a day, plus a day when a spring-forward gap swallows the whole allowed window
        // (allowed 02:00-02:15 does not exist in Berlin on 2026-03-29).
        assertThat(Duration.between(due, result)).isLessThanOrEqualTo(Duration.ofHours(50));
        if (!window.contains(due.atZone(zone).toLocalTime())) {
            assertThat(result).isEqualTo(due);
            return;
        }
        assertThat(window.contains(result.atZone(zone).toLocalTime())).as("outside the window at %s", result).isFalse();
        for (Instant t = due; t.isBefore(result); t = t.plusSeconds(60)) {
            assertThat(window.contains(t.atZone(zone).toLocalTime())).as("deferred past an allowed minute %s", t).isTrue();
        }
    }
}
