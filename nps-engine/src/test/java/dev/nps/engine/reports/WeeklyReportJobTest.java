package dev.nps.engine.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nps.api.ErrorCode;
import dev.nps.api.NpsException;
import dev.nps.engine.NpsEngine;
import dev.nps.testkit.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeeklyReportJobTest {
    private final SettableClock clock = new SettableClock(ReportFixture.NOW.plus(Duration.ofDays(2)));
    private final List<String> subjects = new ArrayList<>();
    private final List<NpsReport> sent = new ArrayList<>();

    private WeeklyReportJob job(NpsEngine nps, ReportMailer mailer) {
        return new WeeklyReportJob(() -> ReportBuilder.over(nps.analytics(), clock).survey("post-purchase").segmentBy("plan"),
                mailer, List.of("team@example.com"), clock, ZoneOffset.UTC);
    }

    @Test
    void sendsLastWeeksReportOncePerWeek() {
        try (NpsEngine nps = ReportFixture.engine(clock)) {
            WeeklyReportJob job = job(nps, (to, subject, report, html) -> {
                subjects.add(subject);
                sent.add(report);
                assertThat(html).startsWith("<!DOCTYPE html>");
                assertThat(to).containsExactly("team@example.com");
            });

            assertThat(job.runOnce()).isPresent();
            assertThat(job.runOnce()).isEmpty();
            clock.advance(Duration.ofDays(7));
            assertThat(job.runOnce()).isPresent();

            assertThat(subjects).containsExactly("NPS week of 2026-02-23", "NPS week of 2026-03-02");
            NpsReport first = sent.get(0);
            assertThat(first.from()).contains(Instant.parse("2026-02-23T00:00:00Z"));
            assertThat(first.to()).isEqualTo(Instant.parse("2026-03-02T00:00:00Z"));
            long expected = nps.analytics().nps().survey("post-purchase")
                    .between(Instant.parse("2026-02-23T00:00:00Z"), Instant.parse("2026-03-02T00:00:00Z")).run().overall().responses();
            assertThat(first.overall().responses()).isEqualTo(expected).isPositive();
            assertThat(first.trend()).allSatisfy(p -> assertThat(p.period()).isBetween(
                    java.time.LocalDate.parse("2026-02-23"), java.time.LocalDate.parse("2026-03-01")));
        }
    }

    @Test
    void aFailedSendIsRetriedOnTheNextRun() {
        try (NpsEngine nps = ReportFixture.engine(clock)) {
            boolean[] fail = {true};
            WeeklyReportJob job = job(nps, (to, subject, report, html) -> {
                if (fail[0]) {
                    throw new NpsException(ErrorCode.CHANNEL_FAILURE, "smtp down");
                }
                subjects.add(subject);
            });
            assertThatThrownBy(job::runOnce).isInstanceOf(NpsException.class);
            fail[0] = false;
            assertThat(job.runOnce()).isPresent();
            assertThat(subjects).hasSize(1);
        }
    }

    @Test
    void rejectsAnEmptyRecipientList() {
        try (NpsEngine nps = ReportFixture.engine(clock)) {
            assertThatThrownBy(() -> new WeeklyReportJob(() -> ReportBuilder.over(nps.analytics(), clock),
                    (a, b, c, d) -> { }, List.of(), clock, ZoneOffset.UTC))
                    .isInstanceOf(NpsException.class).hasMessageContaining("recipients");
        }
    }
}
