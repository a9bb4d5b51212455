package dev.nps.engine.analytics;

import dev.nps.api.analytics.TimeBucket;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.HashMap;
import java.util.Map;

/**
 * Maps UTC instants to calendar periods (day, ISO week, month, quarter, year) of a time zone, without a
 * {@code ZonedDateTime} per row.
 *
 * <p>Why it is fast and still exact: a period boundary is a local midnight, i.e. a UTC second where
 * {@code second + offset} is a multiple of 86 400. When every offset in force is a multiple of 15 minutes and every
 * offset transition happens on a 15-minute boundary (true of every zone since the 1970s), no boundary can fall
 * strictly inside a UTC 15-minute slot, so one lookup per slot gives the period of every second in it. The
 * slots are computed a week ("page") at a time and cached; a page where that does not hold (old local mean
 * times such as +00:19:32) is answered exactly per instant instead. Not thread-safe: one per query.
 */
final class ZoneBuckets {
    static final int SLOT_SECONDS = 900;
    static final long PAGE_SECONDS = 7 * 86_400L;
    static final int SLOTS_PER_PAGE = (int) (PAGE_SECONDS / SLOT_SECONDS);
    /** Pages this far from the epoch are answered exactly (keeps page arithmetic inside Instant's range). */
    private static final long PAGED_LIMIT_SECONDS = 1L << 45;
    private static final long[] UNALIGNED = new long[0];

    private final ZoneRules rules;
    private final TimeBucket bucket;
    private final Map<Long, long[]> pages = new HashMap<>();
    private long lastPage = Long.MIN_VALUE;
    private long[] lastTable;

    ZoneBuckets(ZoneId zone, TimeBucket bucket) {
        this.rules = zone.getRules();
        this.bucket = bucket;
    }

    /** @return the epoch day of the first day of the period holding this instant, in the zone */
    long periodOf(long epochSecond) {
        if (epochSecond <= -PAGED_LIMIT_SECONDS || epochSecond >= PAGED_LIMIT_SECONDS) {
            return exactPeriodOf(epochSecond);
        }
        long page = Math.floorDiv(epochSecond, PAGE_SECONDS);
        long[] table;
        if (page == lastPage) {
            table = lastTable;
        } else {
            table = pages.computeIfAbsent(page, this::buildPage);
            lastPage = page;
            lastTable = table;
        }
        if (table == UNALIGNED) {
            return exactPeriodOf(epochSecond);
        }
        return table[(int) ((epochSecond - page * PAGE_SECONDS) / SLOT_SECONDS)];
    }

    /**
     * The periods of consecutive 15-minute slots covering {@code [fromSecond, toSecond]}, starting at the page
     * boundary at or before {@code fromSecond}.
     *
     * @return the table, or null when the range is too long or a slot would straddle a boundary (then use
     *         {@link #periodOf} per instant)
     */
    SlotTable slotTable(long fromSecond, long toSecond, int maxSlots) {
        if (fromSecond <= -PAGED_LIMIT_SECONDS || toSecond >= PAGED_LIMIT_SECONDS || toSecond < fromSecond) {
            return null;
        }
        long firstPage = Math.floorDiv(fromSecond, PAGE_SECONDS);
        long lastPageIndex = Math.floorDiv(toSecond, PAGE_SECONDS);
        long slots = (lastPageIndex - firstPage + 1) * SLOTS_PER_PAGE;
        if (slots > maxSlots) {
            return null;
        }
        long[] periods = new long[(int) slots];
        for (long p = firstPage; p <= lastPageIndex; p++) {
            long[] page = pages.computeIfAbsent(p, this::buildPage);
            if (page == UNALIGNED) {
                return null;
            }
            System.arraycopy(page, 0, periods, (int) (p - firstPage) * SLOTS_PER_PAGE, SLOTS_PER_PAGE);
        }
        return new SlotTable(firstPage * PAGE_SECONDS, periods);
    }

    /** Periods of 15-minute slots from {@code baseSecond} on. */
    record SlotTable(long baseSecond, long[] periods) {}

    long exactPeriodOf(long epochSecond) {
        int offset = rules.getOffset(Instant.ofEpochSecond(epochSecond)).getTotalSeconds();
        return periodStart(Math.floorDiv(epochSecond + offset, 86_400L));
    }

    /** @return the first day (epoch day) of the period holding a local date given as an epoch day */
    long periodStart(long localEpochDay) {
        switch (bucket) {
            case DAY:
                return localEpochDay;
            case WEEK:
                // 1970-01-01 was a Thursday, so epoch day d is a Monday when (d + 3) mod 7 == 0.
                return localEpochDay - Math.floorMod(localEpochDay + 3, 7);
            default:
                LocalDate date = LocalDate.ofEpochDay(localEpochDay);
                LocalDate first = switch (bucket) {
                    case MONTH -> date.withDayOfMonth(1);
                    case QUARTER -> LocalDate.of(date.getYear(), (date.getMonthValue() - 1) / 3 * 3 + 1, 1);
                    default -> date.withDayOfYear(1);
                };
                return first.toEpochDay();
        }
    }

    private long[] buildPage(long page) {
        long start = page * PAGE_SECONDS;
        long end = start + PAGE_SECONDS;
        if (rules.getOffset(Instant.ofEpochSecond(start)).getTotalSeconds() % SLOT_SECONDS != 0) {
            return UNALIGNED;
        }
        for (ZoneOffsetTransition t = rules.nextTransition(Instant.ofEpochSecond(start));
             t != null && t.toEpochSecond() < end; t = rules.nextTransition(t.getInstant())) {
            if (t.toEpochSecond() % SLOT_SECONDS != 0 || t.getOffsetAfter().getTotalSeconds() % SLOT_SECONDS != 0) {
                return UNALIGNED;
            }
        }
        long[] table = new long[SLOTS_PER_PAGE];
        for (int k = 0; k < SLOTS_PER_PAGE; k++) {
            table[k] = exactPeriodOf(start + (long) k * SLOT_SECONDS);
        }
        return table;
    }
}
