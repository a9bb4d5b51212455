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

    @Property(tries = 300)
    void slotTableGivesThePeriodOfEverySecondItCovers(@ForAll("zones") ZoneId zone, @ForAll TimeBucket bucket,
            @ForAll @LongRange(min = -500_000_000L, max = 3_000_000_000L) long from,
            @ForAll @LongRange(min = 0, max = 90L * 86_400) long length,
            @ForAll("offsetsInRange") java.util.List<Double> samples) {
        ZoneBuckets.SlotTable table = new ZoneBuckets(zone, bucket).slotTable(from, from + length, 2_000_000);
        if (table == null) {
            return; // an old local mean time in the range: the caller computes per row
        }
        assertThat(table.slotSeconds()).isIn(86_400, 3_600, 900);
        for (double fraction : samples) {
            long t = from + (long) (fraction * length);
            long period = table.periods()[(int) ((t - table.baseSecond()) / table.slotSeconds())];
            assertThat(LocalDate.ofEpochDay(period)).as("%s at %s", zone, Instant.ofEpochSecond(t)).isEqualTo(expected(t, zone, bucket));
        }
    }

    @Provide
    Arbitrary<java.util.List<Double>> offsetsInRange() {
        return Arbitraries.doubles().between(0, 1).list().ofSize(40);
    }

    @Property(tries = 50)
    void utcUsesDaySlotsAndWholeHourZonesHourSlots(@ForAll TimeBucket bucket) {
        long from = Instant.parse("2024-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("2025-12-31T23:59:59Z").getEpochSecond();
        assertThat(new ZoneBuckets(ZoneId.of("UTC"), bucket).slotTable(from, to, 2_000_000).slotSeconds()).isEqualTo(86_400);
        assertThat(new ZoneBuckets(ZoneId.of("Europe/Berlin"), bucket).slotTable(from, to, 2_000_000).slotSeconds()).isEqualTo(3_600);
        assertThat(new ZoneBuckets(ZoneId.of("Asia/Kathmandu"), bucket).slotTable(from, to, 2_000_000).slotSeconds()).isEqualTo(900);
    }
}
