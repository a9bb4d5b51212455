package dev.nps.engine.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nps.api.analytics.TimeBucket;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

class ZoneBucketsProperties {

    @Provide
    Arbitrary<ZoneId> zones() {
        // Half-hour and 45-minute offsets, 30-minute DST (Lord Howe), local mean time before 1937 (Amsterdam).
        return Arbitraries.of("UTC", "Europe/Berlin", "America/New_York", "Asia/Kathmandu", "Australia/Lord_Howe",
                "America/St_Johns", "Europe/Amsterdam", "Pacific/Chatham", "Asia/Kolkata", "Pacific/Apia").map(ZoneId::of);
    }

    /** The slow, obviously right answer: a ZonedDateTime per instant. */
    static LocalDate expected(long epochSecond, ZoneId zone, TimeBucket bucket) {
        LocalDate d = Instant.ofEpochSecond(epochSecond).atZone(zone).toLocalDate();
        return switch (bucket) {
            case DAY -> d;
            case WEEK -> d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> d.withDayOfMonth(1);
            case QUARTER -> d.withMonth((d.getMonthValue() - 1) / 3 * 3 + 1).withDayOfMonth(1);
            case YEAR -> d.withDayOfYear(1);
        };
    }

    @Property(tries = 2000)
    void periodOfMatchesZonedDateTime(@ForAll @LongRange(min = -2_500_000_000L, max = 4_200_000_000L) long epochSecond,
                                      @ForAll("zones") ZoneId zone, @ForAll TimeBucket bucket) {
        ZoneBuckets buckets = new ZoneBuckets(zone, bucket);
        assertThat(LocalDate.ofEpochDay(buckets.periodOf(epochSecond))).isEqualTo(expected(epochSecond, zone, bucket));
    }

    @Property(tries = 300)
    void secondsAroundTransitionsMatchZonedDateTime(@ForAll("zones") ZoneId zone, @ForAll TimeBucket bucket,
                                                     @ForAll @LongRange(min = 0, max = 40) long transitionIndex,
                                                     @ForAll @LongRange(min = -2, max = 2) long delta) {
        var transitions = zone.getRules().getTransitions();
        if (transitions.isEmpty()) {
            return;
        }
        long t = transitions.get((int) (transitionIndex % transitions.size())).toEpochSecond() + delta;
        assertThat(LocalDate.ofEpochDay(new ZoneBuckets(zone, bucket).periodOf(t))).isEqualTo(expected(t, zone, bucket));
    }
}
