package dev.nps.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nps.api.QuietHours;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class QuietHoursRuleTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final QuietHours NIGHT = QuietHours.DEFAULT;

    @Test
    void leavesATimeOutsideTheWindowAlone() {
        Instant noonBerlin = Instant.parse("2026-03-10T11:00:00Z");
        assertThat(QuietHoursRule.defer(noonBerlin, BERLIN, NIGHT)).isEqualTo(noonBerlin);
    }

    @Test
    void defersAnEveningMessageToEightTheNextMorning() {
        // 22:30 CET on 10 March -> 08:00 CET on 11 March.
        assertThat(QuietHoursRule.defer(Instant.parse("2026-03-10T21:30:00Z"), BERLIN, NIGHT))
                .isEqualTo(Instant.parse("2026-03-11T07:00:00Z"));
    }

    @Test
    void defersAnEarlyMorningMessageToEightTheSameDay() {
        assertThat(QuietHoursRule.defer(Instant.parse("2026-03-10T04:00:00Z"), BERLIN, NIGHT))
                .isEqualTo(Instant.parse("2026-03-10T07:00:00Z"));
    }

    @Test
    void windowStartIsQuietAndWindowEndIsNot() {
        Instant ninePm = Instant.parse("2026-03-10T20:00:00Z"); // 21:00 CET
        Instant eightAm = Instant.parse("2026-03-11T07:00:00Z"); // 08:00 CET
        assertThat(QuietHoursRule.defer(ninePm, BERLIN, NIGHT)).isEqualTo(eightAm);
        assertThat(QuietHoursRule.defer(eightAm, BERLIN, NIGHT)).isEqualTo(eightAm);
    }

    @Test
    void berlinSpringForwardNightEndsAtEightSummerTime() {
        // 28 March 2026 22:00 CET (+01:00); clocks jump 02:00 -> 03:00 on 29 March; 08:00 CEST is 06:00Z.
        assertThat(QuietHoursRule.defer(Instant.parse("2026-03-28T21:00:00Z"), BERLIN, NIGHT))
                .isEqualTo(Instant.parse("2026-03-29T06:00:00Z"));
        // Inside the skipped hour's neighbourhood: 03:30 CEST (01:30Z) is still quiet.
        assertThat(QuietHoursRule.defer(Instant.parse("2026-03-29T01:30:00Z"), BERLIN, NIGHT))
                .isEqualTo(Instant.parse("2026-03-29T06:00:00Z"));
    }

    @Test
    void berlinFallBackNightEndsAtEightWinterTime() {
        // 24 October 2026 23:00 CEST (+02:00); clocks go 03:00 -> 02:00 on 25 October; 08:00 CET is 07:00Z.
        assertThat(QuietHoursRule.defer(Instant.parse("2026-10-24T21:00:00Z"), BERLIN, NIGHT))
                .isEqualTo(Instant.parse("2026-10-25T07:00:00Z"));
        // The repeated 02:30: both occurrences are quiet and end at the same 08:00.
        assertThat(QuietHoursRule.defer(Instant.parse("2026-10-25T00:30:00Z"), BERLIN, NIGHT))
                .isEqualTo(Instant.parse("2026-10-25T07:00:00Z"));
        assertThat(QuietHoursRule.defer(Instant.parse("2026-10-25T01:30:00Z"), BERLIN, NIGHT))
                .isEqualTo(Instant.parse("2026-10-25T07:00:00Z"));
    }

    @Test
    void newYorkSpringForwardAndFallBack() {
        // 7 March 2026 22:00 EST (-05:00) -> 8 March 08:00 EDT (-04:00) = 12:00Z.
        assertThat(QuietHoursRule.defer(Instant.parse("2026-03-08T03:00:00Z"), NEW_YORK, NIGHT))
                .isEqualTo(Instant.parse("2026-03-08T12:00:00Z"));
        // 31 October 2026 22:00 EDT -> 1 November 08:00 EST = 13:00Z.
        assertThat(QuietHoursRule.defer(Instant.parse("2026-11-01T02:00:00Z"), NEW_YORK, NIGHT))
                .isEqualTo(Instant.parse("2026-11-01T13:00:00Z"));
        // The repeated 01:30 on 1 November, second occurrence (EST, 06:30Z), still ends at 08:00 EST.
        assertThat(QuietHoursRule.defer(Instant.parse("2026-11-01T06:30:00Z"), NEW_YORK, NIGHT))
                .isEqualTo(Instant.parse("2026-11-01T13:00:00Z"));
    }

    @Test
    void windowEndingInsideTheSpringGapEndsAtTheJump() {
        QuietHours window = new QuietHours(LocalTime.of(1, 0), LocalTime.of(2, 30));
        // 01:15 CET on 29 March; 02:30 does not exist; the clock jumps to 03:00 CEST at 01:00Z.
        assertThat(QuietHoursRule.defer(Instant.parse("2026-03-29T00:15:00Z"), BERLIN, window))
                .isEqualTo(Instant.parse("2026-03-29T01:00:00Z"));
    }

    @Test
    void windowEndingInsideTheRepeatedHourIsJudgedPerOccurrence() {
        QuietHours window = new QuietHours(LocalTime.of(1, 0), LocalTime.of(2, 30));
        // 01:15 CEST (23:15Z) -> first 02:30, CEST = 00:30Z.
        assertThat(QuietHoursRule.defer(Instant.parse("2026-10-24T23:15:00Z"), BERLIN, window))
                .isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
        // Second 02:10 (CET, 01:10Z) is inside the window again -> second 02:30, CET = 01:30Z.
        assertThat(QuietHoursRule.defer(Instant.parse("2026-10-25T01:10:00Z"), BERLIN, window))
                .isEqualTo(Instant.parse("2026-10-25T01:30:00Z"));
    }

    @Test
    void daytimeWindowDoesNotWrap() {
        QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(13, 0));
        assertThat(QuietHoursRule.defer(Instant.parse("2026-06-01T12:30:00Z"), ZoneId.of("UTC"), lunch))
                .isEqualTo(Instant.parse("2026-06-01T13:00:00Z"));
    }

    @Test
    void anAllowedWindowSwallowedBySpringForwardDefersToTheNextDayItExists() {
        // Allowed only 02:00-02:15 local; on 2026-03-29 Berlin jumps from 02:00 to 03:00, so the first allowed
        // minute after Saturday noon is Monday 02:00 (UTC+2), not the jump itself (03:00 is quiet).
        Instant due = Instant.parse("2026-03-28T12:00:00Z");
        Instant deferred = QuietHoursRule.defer(due, java.time.ZoneId.of("Europe/Berlin"),
                new dev.nps.api.QuietHours(java.time.LocalTime.of(2, 15), java.time.LocalTime.of(2, 0)));
        assertThat(deferred).isEqualTo(Instant.parse("2026-03-30T00:00:00Z"));
    }

    @Test
    void aFallBackToAnAllowedLocalTimeEndsTheWindowAtTheTransition() {
        // Quiet 02:15-02:00 (allowed 02:00-02:15). On 2026-10-25 Berlin falls back from 03:00 CEST to 02:00 CET:
        // due at 02:45 CEST, the clock shows 02:00 again at 01:00Z, an allowed time.
        Instant due = Instant.parse("2026-10-25T00:45:00Z");
        Instant deferred = QuietHoursRule.defer(due, java.time.ZoneId.of("Europe/Berlin"),
                new dev.nps.api.QuietHours(java.time.LocalTime.of(2, 15), java.time.LocalTime.of(2, 0)));
        assertThat(deferred).isEqualTo(Instant.parse("2026-10-25T01:00:00Z"));
    }
}
