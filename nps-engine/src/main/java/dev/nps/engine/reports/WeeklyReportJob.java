package dev.nps.engine.reports;

import dev.nps.api.NpsException;
import dev.nps.api.analytics.TimeBucket;
import dev.nps.api.internal.Checks;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds last week's report (Monday to Monday in the job's zone, with a daily trend) and hands it to a
 * {@link ReportMailer} for a list of recipients.
 *
 * <p>{@link #runOnce()} does one run for the week before the clock's current week and remembers the week it sent,
 * so a second call in the same week sends nothing; {@link #schedule} calls it every hour on the given executor,
 * which makes the weekly send survive restarts and clock changes without cron. Tests call {@link #runOnce()} with
 * a settable clock.
 *
 * @since 0.1
 */
public final class WeeklyReportJob {
    private static final Logger LOG = LoggerFactory.getLogger(WeeklyReportJob.class);

    private final Supplier<ReportBuilder> reports;
    private final ReportMailer mailer;
    private final List<String> recipients;
    private final Clock clock;
    private final ZoneId zone;
    private LocalDate lastSentWeek;

    /**
     * @param reports    a fresh builder per run with survey, segments, themes and funnel set; the job sets the
     *                   window, the daily trend, the zone and the title. Never null
     * @param mailer     where the report goes, never null
     * @param recipients at least one address
     * @param clock      what "now" is, never null
     * @param zone       whose calendar defines the week, never null
     * @throws NpsException {@code INVALID_ARGUMENT} for a null argument or no recipient
     */
    public WeeklyReportJob(Supplier<ReportBuilder> reports, ReportMailer mailer, List<String> recipients, Clock clock, ZoneId zone) {
        this.reports = Checks.notNull(reports, "reports");
        this.mailer = Checks.notNull(mailer, "mailer");
        this.recipients = List.copyOf(Checks.notNull(recipients, "recipients"));
        if (this.recipients.isEmpty()) {
            throw NpsException.invalid("recipients", "lists nobody; give at least one address");
        }
        this.recipients.forEach(r -> Checks.notNull(r, "recipients element"));
        this.clock = Checks.notNull(clock, "clock");
        this.zone = Checks.notNull(zone, "zone");
    }

    /**
     * Sends last week's report unless it was already sent by this job.
     *
     * @return the report sent, or empty when this week's run already happened
     * @throws NpsException when building or sending fails (the week is then not marked as sent)
     */
    public synchronized Optional<NpsReport> runOnce() {
        LocalDate thisMonday = LocalDate.ofInstant(clock.instant(), zone).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate lastMonday = thisMonday.minusWeeks(1);
        if (lastMonday.equals(lastSentWeek)) {
            return Optional.empty();
        }
        Instant from = lastMonday.atStartOfDay(zone).toInstant();
        Instant to = thisMonday.atStartOfDay(zone).toInstant();
        String title = "NPS week of " + lastMonday;
        NpsReport report = Checks.notNull(reports.get(), "reports.get()")
                .title(title).between(from, to).trendBy(TimeBucket.DAY).zone(zone).build();
        mailer.send(recipients, title, report, HtmlReport.render(report));
        lastSentWeek = lastMonday;
        LOG.info("weekly NPS report for the week of {} sent to {} recipient(s)", lastMonday, recipients.size());
        return Optional.of(report);
    }

    /**
     * Runs {@link #runOnce()} now and then every hour; a failed run is logged and retried at the next hour.
     *
     * @param executor runs the job, never null
     * @return the scheduled task; cancel it to stop
     */
    public ScheduledFuture<?> schedule(ScheduledExecutorService executor) {
        Checks.notNull(executor, "executor");
        return executor.scheduleAtFixedRate(() -> {
            try {
                runOnce();
            } catch (RuntimeException e) {
                LOG.warn("weekly NPS report failed, retrying within the hour: {}", e.getClass().getSimpleName());
            }
        }, 0, Duration.ofHours(1).toMillis(), TimeUnit.MILLISECONDS);
    }
}
