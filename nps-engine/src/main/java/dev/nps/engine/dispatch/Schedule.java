package dev.nps.engine.dispatch;

import dev.nps.api.NpsException;
import dev.nps.api.internal.Checks;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.BitSet;
import java.util.Locale;
import java.util.Optional;

/**
 * A recurring schedule and the period an instant falls in. Each period has a key, so a restart or a second
 * instance never sends a scheduled survey twice in one period.
 *
 * <p>Accepted texts: {@code monthly} (key {@code 2026-01}), {@code quarterly} (key {@code 2026-Q1}), or five
 * cron fields {@code minute hour day-of-month month day-of-week} with {@code *}, numbers, lists {@code a,b},
 * ranges {@code a-b} and steps {@code *}{@code /n} or {@code a-b/n} (day of week 0-7, 0 and 7 are Sunday; when
 * both day fields are restricted either may match, as in cron). A cron period runs from one firing to the next;
 * its key is the local firing time, e.g. {@code 2026-01-05T09:00}.
 *
 * @since 0.1
 */
public final class Schedule {
    private final String text;
    private final Kind kind;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet days;
    private final BitSet months;
    private final BitSet weekdays;
    private final boolean daysRestricted;
    private final boolean weekdaysRestricted;

    private enum Kind { MONTHLY, QUARTERLY, CRON }

    /**
     * A period of a schedule.
     *
     * @param key   unique per period, e.g. {@code 2026-Q1}
     * @param start when the period began
     */
    public record Period(String key, Instant start) {}

    private Schedule(String text, Kind kind, BitSet[] fields, boolean daysRestricted, boolean weekdaysRestricted) {
        this.text = text;
        this.kind = kind;
        this.minutes = fields[0];
        this.hours = fields[1];
        this.days = fields[2];
        this.months = fields[3];
        this.weekdays = fields[4];
        this.daysRestricted = daysRestricted;
        this.weekdaysRestricted = weekdaysRestricted;
    }

    /**
     * @param text {@code monthly}, {@code quarterly} or five cron fields
     * @return the schedule
     * @throws NpsException {@code INVALID_ARGUMENT} naming the bad field
     */
    public static Schedule parse(String text) {
        Checks.notBlank(text, "trigger.schedule");
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("monthly")) {
            return new Schedule(t, Kind.MONTHLY, new BitSet[5], false, false);
        }
        if (t.equals("quarterly")) {
            return new Schedule(t, Kind.QUARTERLY, new BitSet[5], false, false);
        }
        String[] parts = t.split("\\s+");
        if (parts.length != 5) {
            throw NpsException.invalid("trigger.schedule", "expected 'monthly', 'quarterly' or five cron fields "
                    + "'minute hour day-of-month month day-of-week' (got " + parts.length + " fields)");
        }
        String[] names = {"minute", "hour", "day-of-month", "month", "day-of-week"};
        int[][] ranges = {{0, 59}, {0, 23}, {1, 31}, {1, 12}, {0, 7}};
        BitSet[] fields = new BitSet[5];
        for (int i = 0; i < 5; i++) {
            fields[i] = field(parts[i], ranges[i][0], ranges[i][1], names[i]);
        }
        if (fields[4].get(7)) {
            fields[4].set(0);
        }
        return new Schedule(t, Kind.CRON, fields, !parts[2].equals("*"), !parts[4].equals("*"));
    }

    private static BitSet field(String text, int min, int max, String name) {
        BitSet bits = new BitSet(max + 1);
        for (String item : text.split(",")) {
            try {
                int step = 1;
                String range = item;
                int slash = item.indexOf('/');
                if (slash >= 0) {
                    step = Integer.parseInt(item.substring(slash + 1));
                    range = item.substring(0, slash);
                    if (step < 1) {
                        throw new NumberFormatException();
                    }
                }
                int from;
                int to;
                if (range.equals("*")) {
                    from = min;
                    to = max;
                } else if (range.contains("-")) {
                    String[] ab = range.split("-", 2);
                    from = Integer.parseInt(ab[0]);
                    to = Integer.parseInt(ab[1]);
                } else {
                    from = Integer.parseInt(range);
                    to = slash >= 0 ? max : from;
                }
                if (from < min || to > max || from > to) {
                    throw NpsException.invalid("trigger.schedule", name + " '" + item + "' is outside " + min + "-" + max);
                }
                for (int v = from; v <= to; v += step) {
                    bits.set(v);
                }
            } catch (NumberFormatException e) {
                throw NpsException.invalid("trigger.schedule", name + " '" + item + "' is not a number, '*', a range a-b or a step */n");
            }
        }
        return bits;
    }

    /**
     * @param now  the instant
     * @param zone the zone periods are counted in
     * @return the period containing {@code now}, empty for a cron schedule that never fired in the last 366 days
     */
    public Optional<Period> periodAt(Instant now, ZoneId zone) {
        Checks.notNull(now, "now");
        Checks.notNull(zone, "zone");
        ZonedDateTime local = now.atZone(zone);
        switch (kind) {
            case MONTHLY: {
                YearMonth ym = YearMonth.from(local);
                return Optional.of(new Period(ym.toString(), ym.atDay(1).atStartOfDay(zone).toInstant()));
            }
            case QUARTERLY: {
                int q = (local.getMonthValue() - 1) / 3;
                LocalDate start = LocalDate.of(local.getYear(), q * 3 + 1, 1);
                return Optional.of(new Period(local.getYear() + "-Q" + (q + 1), start.atStartOfDay(zone).toInstant()));
            }
            default:
                return lastFiring(local).map(f -> new Period(f.toString(), f.atZone(zone).toInstant()));
        }
    }

    private Optional<LocalDateTime> lastFiring(ZonedDateTime now) {
        LocalDateTime bound = now.toLocalDateTime();
        LocalDate day = bound.toLocalDate();
        for (int back = 0; back <= 366; back++, day = day.minusDays(1)) {
            if (!dayMatches(day)) {
                continue;
            }
            int maxMinute = back == 0 ? bound.getHour() * 60 + bound.getMinute() : 24 * 60 - 1;
            for (int m = maxMinute; m >= 0; m--) {
                if (hours.get(m / 60) && minutes.get(m % 60)) {
                    return Optional.of(LocalDateTime.of(day, LocalTime.of(m / 60, m % 60)));
                }
            }
        }
        return Optional.empty();
    }

    private boolean dayMatches(LocalDate day) {
        if (!months.get(day.getMonthValue())) {
            return false;
        }
        boolean dom = days.get(day.getDayOfMonth());
        boolean dow = weekdays.get(day.getDayOfWeek().getValue() % 7);
        if (daysRestricted && weekdaysRestricted) {
            return dom || dow;
        }
        return dom && dow;
    }

    @Override
    public String toString() {
        return "Schedule[" + text + "]";
    }
}
