package dev.nps.api;

import dev.nps.api.internal.Checks;
import java.time.LocalTime;

/**
 * A daily window, in the recipient's own time zone, in which no invitation is sent. A window whose start
 * is after its end wraps midnight (21:00-08:00). A message due inside it is deferred to its end, never
 * dropped.
 *
 * @param start first local time inside the window
 * @param end   first local time after the window
 * @since 0.1
 */
public record QuietHours(LocalTime start, LocalTime end) {
    /** Default for email and in-app: 21:00-08:00. */
    public static final QuietHours DEFAULT = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0));
    /**
     * Default for SMS: no message outside 08:00-21:00 in the recipient's zone (the US TCPA window), i.e. quiet
     * 21:00-08:00. The dispatcher applies it to SMS when a survey sets no quiet hours of its own.
     */
    public static final QuietHours SMS_DEFAULT = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0));

    public QuietHours {
        Checks.notNull(start, "quietHours.start");
        Checks.notNull(end, "quietHours.end");
        if (start.equals(end)) {
            throw NpsException.invalid("quietHours", "start and end are equal (" + start + "); use no quiet hours instead of an empty window");
        }
    }

    /** @return whether the local time falls inside the window */
    public boolean contains(LocalTime time) {
        Checks.notNull(time, "time");
        return start.isBefore(end)
                ? !time.isBefore(start) && time.isBefore(end)
                : !time.isBefore(start) || time.isBefore(end);
    }
}
