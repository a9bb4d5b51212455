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
     * The periods of consecutive slots covering {@code [fromSecond, toSecond]}, for a scan that looks up each row.
     * The slot is as long as the zone allows over that range: a day in UTC (no boundary is ever inside a UTC day),
     * an hour where every offset and transition is on the hour (most zones), else 15 minutes. Longer slots mean a
     * smaller table (730 entries for two years in UTC, 17 520 on the hour), which stays in the CPU caches.
     *
     * @return the table, or null when the range is too long or even 15-minute slots would straddle a boundary
     *         (then use {@link #periodOf} per instant)
     */
    SlotTable slotTable(long fromSecond, long toSecond, int maxSlots) {
        if (fromSecond <= -PAGED_LIMIT_SECONDS || toSecond >= PAGED_LIMIT_SECONDS || toSecond < fromSecond) {
            return null;
        }
        int slot = slotSeconds(fromSecond, toSecond);
        if (slot == 0) {
            return null;
        }
        long base = Math.floorDiv(fromSecond, slot) * slot;
        long count = (toSecond - base) / slot + 1;
        if (count > maxSlots) {
            return null;
        }
        long[] periods = new long[(int) count];
        // Walk the slots in order, following the offset from transition to transition (no lookup per slot).
        int offset = rules.getOffset(Instant.ofEpochSecond(base)).getTotalSeconds();
        ZoneOffsetTransition next = rules.nextTransition(Instant.ofEpochSecond(base));
        long lastDay = Long.MIN_VALUE;
        long lastPeriod = 0;
        for (int k = 0; k < count; k++) {
            long second = base + (long) k * slot;
            while (next != null && next.toEpochSecond() <= second) {
                offset = next.getOffsetAfter().getTotalSeconds();
                next = rules.nextTransition(next.getInstant());
            }
            long day = Math.floorDiv(second + offset, 86_400L);
            if (day != lastDay) {
                lastDay = day;
                lastPeriod = periodStart(day);
            }
            periods[k] = lastPeriod;
        }
        return new SlotTable(base, slot, periods);
    }

    /**
     * The longest slot (86 400, 3 600 or 900 seconds) such that every offset in force over the range is a multiple
     * of it (so every local midnight falls on a slot start) and every transition falls on a slot start; 0 if none.
     */
    private int slotSeconds(long fromSecond, long toSecond) {
        int[] candidates = {86_400, 3_600, SLOT_SECONDS};
        boolean[] fits = {true, true, true};
        checkFit(candidates, fits, 0, rules.getOffset(Instant.ofEpochSecond(fromSecond)).getTotalSeconds());
        for (ZoneOffsetTransition t = rules.nextTransition(Instant.ofEpochSecond(fromSecond));
             t != null && t.toEpochSecond() <= toSecond; t = rules.nextTransition(t.getInstant())) {
            checkFit(candidates, fits, t.toEpochSecond(), t.getOffsetAfter().getTotalSeconds());
        }
        for (int i = 0; i < candidates.length; i++) {
            if (fits[i]) {
                return candidates[i];
            }
        }
        return 0;
    }

    private static void checkFit(int[] candidates, boolean[] fits, long transitionSecond, int offset) {
        for (int i = 0; i < candidates.length; i++) {
            fits[i] &= offset % candidates[i] == 0 && transitionSecond % candidates[i] == 0;
        }
    }

    /** Periods (epoch day of the first day) of consecutive slots of {@code slotSeconds} from {@code baseSecond} on. */
    record SlotTable(long baseSecond, int slotSeconds, long[] periods) {}

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
