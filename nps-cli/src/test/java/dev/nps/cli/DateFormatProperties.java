package dev.nps.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class DateFormatProperties {

    @Property(tries = 300)
    void theFastPathAgreesWithJavaTime(@ForAll @LongRange(min = 0, max = 4_000_000_000L) long epochSecond,
                                       @ForAll @IntRange(min = -14 * 4, max = 14 * 4) int quarterHours,
                                       @ForAll @IntRange(min = 0, max = 3) int zoneIndex) {
        ZoneOffset offset = ZoneOffset.ofTotalSeconds(quarterHours * 15 * 60);
        String text = Instant.ofEpochSecond(epochSecond).atOffset(offset)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        ZoneId zone = ZoneId.of(new String[] {"UTC", "Europe/Berlin", "America/Los_Angeles", "Asia/Kolkata"}[zoneIndex]);
        LocalDate expected = Instant.ofEpochSecond(epochSecond).atZone(zone).toLocalDate();
        assertThat(DateFormat.fastIso(text, zone)).isEqualTo(expected);
        assertThat(DateFormat.ISO.toDate(text, zone)).isEqualTo(expected);
    }
}
