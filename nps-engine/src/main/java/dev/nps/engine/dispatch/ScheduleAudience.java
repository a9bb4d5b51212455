package dev.nps.engine.dispatch;

import dev.nps.api.Survey;

/**
 * Who a scheduled survey goes to; the host knows its customers, the engine does not list them.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface ScheduleAudience {
    /**
     * @param survey a survey with a schedule trigger
     * @return the ids of the contacts to invite this period
     */
    Iterable<String> contactIds(Survey survey);
}
