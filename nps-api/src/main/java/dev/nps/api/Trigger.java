package dev.nps.api;

import dev.nps.api.internal.Checks;
import java.time.Duration;
import java.util.Map;

/**
 * What makes a survey go out by itself.
 *
 * @since 0.1
 */
public sealed interface Trigger {

    /**
     * On a host event such as {@code order.completed}, after an optional delay, when every condition
     * (attribute = value, on the event or the contact) holds.
     *
     * @param eventType  the event's type
     * @param delay      wait after the event, zero or positive
     * @param conditions attribute conditions, all of which must match
     */
    record OnEvent(String eventType, Duration delay, Map<String, String> conditions) implements Trigger {
        public OnEvent {
            Checks.id(eventType, "trigger.eventType");
            Checks.notNull(delay, "trigger.delay");
            if (delay.isNegative()) {
                throw NpsException.invalid("trigger.delay", "must not be negative (got " + delay + ")");
            }
            conditions = Checks.attributes(conditions, "trigger.conditions");
        }
    }

    /**
     * On a recurring schedule; each period is sent at most once (keyed by the period).
     *
     * @param schedule a schedule expression: {@code monthly}, {@code quarterly}, or a cron-like text
     */
    record OnSchedule(String schedule) implements Trigger {
        public OnSchedule {
            Checks.notBlank(schedule, "trigger.schedule");
        }
    }
}
