package dev.nps.engine.dispatch;

import dev.nps.api.Contact;
import dev.nps.api.Event;
import dev.nps.api.Survey;
import dev.nps.api.Trigger;
import java.util.Map;
import java.util.Optional;

/** Finds the event trigger of a survey that an event satisfies. */
final class TriggerMatcher {
    private TriggerMatcher() {}

    /**
     * @return the first of the survey's event triggers whose type and every condition match; a condition is
     * looked up on the event's attributes first, then on the contact's
     */
    static Optional<Trigger.OnEvent> match(Survey survey, Event event, Optional<Contact> contact) {
        for (Trigger t : survey.triggers()) {
            if (t instanceof Trigger.OnEvent on && on.eventType().equals(event.type()) && conditionsHold(on, event, contact)) {
                return Optional.of(on);
            }
        }
        return Optional.empty();
    }

    private static boolean conditionsHold(Trigger.OnEvent on, Event event, Optional<Contact> contact) {
        for (Map.Entry<String, String> c : on.conditions().entrySet()) {
            String value = event.attributes().get(c.getKey());
            if (value == null) {
                value = contact.map(x -> x.attributes().get(c.getKey())).orElse(null);
            }
            if (!c.getValue().equals(value)) {
                return false;
            }
        }
        return true;
    }
}
