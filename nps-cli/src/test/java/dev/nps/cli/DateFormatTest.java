package dev.nps.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateFormatTest {

    @ParameterizedTest
    @CsvSource({
        "2024-03-05, UTC, 2024-03-05",
        "2024-03-05T23:30:00Z, UTC, 2024-03-05",
        "2024-03-05T23:30:00Z, Europe/Berlin, 2024-03-06",
        "2024-03-05T01:30:00+02:00, UTC, 2024-03-04",
        "2024-03-05T01:30:00.123456+0200, UTC, 2024-03-04",
        "2024-03-05 23:30, America/New_York, 2024-03-05",
        "2024-03-05T22:00:00-05:00, UTC, 2024-03-06",
        "2024-03-05T10:00:00+01:00[Europe/Paris], UTC, 2024-03-05"})
    void readsIsoShapes(String text, String zone, String expected) {
        assertThat(DateFormat.ISO.toDate(text, ZoneId.of(zone))).isEqualTo(LocalDate.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-02-30", "2024-13-01", "2024-03-05T25:00", "05/03/2024", "yesterday", "2024-03-05T10:00:00+25:00"})
    void rejectsWhatIsNotAnIsoDate(String text) {
        assertThat(DateFormat.ISO.toDate(text, ZoneOffset.UTC)).isNull();
    }

    @ParameterizedTest
    @CsvSource({"25/12/2024 18:05, 2024-12-25", "5/3/2024, 2024-03-05", "05/03/2024 9:05:07, 2024-03-05"})
    void readsDayFirst(String text, String expected) {
        assertThat(DateFormat.DAY_FIRST.toDate(text, ZoneOffset.UTC)).isEqualTo(LocalDate.parse(expected));
    }

    @ParameterizedTest
    @CsvSource({"12/25/2024, 2024-12-25", "3/5/2024 2:05 PM, 2024-03-05", "03/05/2024 14:05, 2024-03-05"})
    void readsMonthFirst(String text, String expected) {
        assertThat(DateFormat.MONTH_FIRST.toDate(text, ZoneOffset.UTC)).isEqualTo(LocalDate.parse(expected));
    }
}
