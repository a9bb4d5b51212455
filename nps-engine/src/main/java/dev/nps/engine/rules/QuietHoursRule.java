package dev.nps.engine.rules;

import dev.nps.api.QuietHours;
import dev.nps.api.internal.Checks;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;

/**
 * Moves a send time out of a quiet window in the recipient's zone, to the window's end; never drops it.
 *
 * <p>Daylight-saving changes are handled on the local clock the recipient sees: a window end that falls into
 * a spring-forward gap ends the window at the transition (the first instant after it), and on a fall-back day
 * a local time that repeats is judged each time it occurs, keeping the current offset while it applies.
 *
 * @since 0.1
 */
public final class QuietHoursRule {

    private QuietHoursRule() {}

    /**
     * @param due    when the message is due
     * @param zone   the recipient's zone
     * @param window the quiet window
     * @return {@code due} when outside the window, else the first instant after the window
     */
    public static Instant defer(Instant due, ZoneId zone, QuietHours window) {
        Checks.notNull(due, "due");
        Checks.notNull(zone, "zone");
        Checks.notNull(window, "quietHours");
        ZonedDateTime local = due.atZone(zone);
        if (!window.contains(local.toLocalTime())) {
            return due;
        }
        // Whether the recipient's clock shows a quiet time can only change where it shows the window's end or where
        // the offset changes (DST). So the answer is the earliest such instant after due at which the clock shows an
        // allowed time: this covers an end inside a spring-forward gap (the window ends at the jump) and a
        // fall-back that turns the clock back to an allowed time (the window ends at the transition).
        Instant best = null;
        for (int day = -1; day <= 2; day++) {
            LocalDateTime end = LocalDateTime.of(local.toLocalDate().plusDays(day), window.end());
            ZoneOffsetTransition gap = zone.getRules().getTransition(end);
            if (gap != null && gap.isGap()) {
                best = earliestAllowed(best, gap.getInstant(), due, zone, window);
                continue;
            }
            for (ZoneOffset offset : zone.getRules().getValidOffsets(end)) {
                best = earliestAllowed(best, end.toInstant(offset), due, zone, window);
            }
        }
        Instant t = due;
        for (int i = 0; i < 4; i++) {
            ZoneOffsetTransition next = zone.getRules().nextTransition(t);
            if (next == null || next.getInstant().isAfter(due.plus(Duration.ofDays(3)))) {
                break;
            }
            best = earliestAllowed(best, next.getInstant(), due, zone, window);
            t = next.getInstant();
        }
        // A window always has allowed times, so some end instant within two days qualifies.
        return Checks.notNull(best, "deferred time");
    }

    private static Instant earliestAllowed(Instant best, Instant candidate, Instant due, ZoneId zone, QuietHours window) {
        if (candidate.isBefore(due) || window.contains(candidate.atZone(zone).toLocalTime())) {
            return best;
        }
        return best == null || candidate.isBefore(best) ? candidate : best;
    }
}
