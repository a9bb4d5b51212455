package dev.nps.engine.rules;

import dev.nps.api.QuietHours;
import dev.nps.api.internal.Checks;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
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
        LocalDateTime end = LocalDateTime.of(local.toLocalDate(), window.end());
        if (!end.isAfter(local.toLocalDateTime())) {
            end = end.plusDays(1);
        }
        ZoneOffsetTransition transition = zone.getRules().getTransition(end);
        if (transition != null && transition.isGap()) {
            // The end time does not exist that day: the window ends when the clock jumps over it.
            return transition.getInstant();
        }
        // In an overlap prefer the offset in force now: a repeated local hour is quiet until its own end.
        return ZonedDateTime.ofLocal(end, zone, local.getOffset()).toInstant();
    }
}
