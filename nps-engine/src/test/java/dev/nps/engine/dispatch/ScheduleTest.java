package dev.nps.engine.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nps.api.NpsException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ScheduleTest {
    private static final Instant NOW = Instant.parse("2026-05-14T10:30:00Z"); // a Thursday

    @Test
    void monthlyAndQuarterlyPeriodsAreKeyedByTheirName() {
        assertThat(Schedule.parse("monthly").periodAt(NOW, ZoneOffset.UTC)).get()
                .isEqualTo(new Schedule.Period("2026-05", Instant.parse("2026-05-01T00:00:00Z")));
        assertThat(Schedule.parse(" Quarterly ").periodAt(NOW, ZoneOffset.UTC)).get()
                .isEqualTo(new Schedule.Period("2026-Q2", Instant.parse("2026-04-01T00:00:00Z")));
    }

    @Test
    void periodsAreCountedInTheConfiguredZone() {
        // 31 March 23:30 UTC is already 1 April in Berlin.
        assertThat(Schedule.parse("quarterly").periodAt(Instant.parse("2026-03-31T23:30:00Z"), ZoneId.of("Europe/Berlin")))
                .get().extracting(Schedule.Period::key).isEqualTo("2026-Q2");
    }

    @Test
    void cronPeriodStartsAtTheLastFiring() {
        // Every Monday at 09:00: the last one before Thursday 14 May is Monday 11 May.
        assertThat(Schedule.parse("0 9 * * 1").periodAt(NOW, ZoneOffset.UTC)).get()
                .isEqualTo(new Schedule.Period("2026-05-11T09:00", Instant.parse("2026-05-11T09:00:00Z")));
        // The first of each month at 08:15.
        assertThat(Schedule.parse("15 8 1 * *").periodAt(NOW, ZoneOffset.UTC)).get()
                .extracting(Schedule.Period::key).isEqualTo("2026-05-01T08:15");
        // Every 15 minutes on weekdays: 10:30 itself.
        assertThat(Schedule.parse("*/15 * * * 1-5").periodAt(NOW, ZoneOffset.UTC)).get()
                .extracting(Schedule.Period::key).isEqualTo("2026-05-14T10:30");
        // Sundays as 7, in February only.
        assertThat(Schedule.parse("0 12 * 2 7").periodAt(NOW, ZoneOffset.UTC)).get()
                .extracting(Schedule.Period::key).isEqualTo("2026-02-22T12:00");
    }

    @Test
    void rejectsMalformedSchedulesNamingTheField() {
        assertThatThrownBy(() -> Schedule.parse("weekly")).isInstanceOf(NpsException.class).hasMessageContaining("five cron fields");
        assertThatThrownBy(() -> Schedule.parse("61 * * * *")).isInstanceOf(NpsException.class).hasMessageContaining("minute");
        assertThatThrownBy(() -> Schedule.parse("0 9 * * mon")).isInstanceOf(NpsException.class).hasMessageContaining("day-of-week");
        assertThatThrownBy(() -> Schedule.parse("*/0 * * * *")).isInstanceOf(NpsException.class);
    }

    @Test
    void aCronThatNeverFiresHasNoPeriod() {
        assertThat(Schedule.parse("0 0 31 2 *").periodAt(NOW, ZoneOffset.UTC)).isEmpty();
    }
}
