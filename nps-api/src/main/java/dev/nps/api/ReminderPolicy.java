package dev.nps.api;

import dev.nps.api.internal.Checks;
import java.time.Duration;

/**
 * Reminders to non-responders: after {@code delay}, at most {@code maxReminders} times; never after a response.
 *
 * @param delay        time after the previous send, positive
 * @param maxReminders 0..5
 * @since 0.1
 */
public record ReminderPolicy(Duration delay, int maxReminders) {
    public static final ReminderPolicy NONE = new ReminderPolicy(Duration.ofDays(3), 0);

    public ReminderPolicy {
        Checks.notNull(delay, "reminders.delay");
        if (delay.isNegative() || delay.isZero()) {
            throw NpsException.invalid("reminders.delay", "must be positive (got " + delay + ")");
        }
        if (maxReminders < 0 || maxReminders > 5) {
            throw NpsException.invalid("reminders.max", "must be 0..5 (got " + maxReminders + ")");
        }
    }
}
