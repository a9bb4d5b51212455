package dev.nps.api;

import dev.nps.api.internal.Checks;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Something that happened in the host application (an order completed, a ticket closed) that may send a survey.
 * The id is the idempotency key: publishing the same event twice creates at most one invitation per survey.
 *
 * @param type       the event type, matched against {@link Trigger.OnEvent#eventType()}
 * @param id         the event's unique id in the host, the idempotency key
 * @param contactId  the person concerned
 * @param occurredAt when it happened (UTC instant); a trigger's delay counts from here
 * @param attributes event attributes, matched against a trigger's conditions
 * @since 0.1
 */
public record Event(String type, String id, String contactId, Instant occurredAt, Map<String, String> attributes) {

    public Event {
        Checks.id(type, "event.type");
        Checks.id(id, "event.id");
        Checks.id(contactId, "event.contactId");
        Checks.notNull(occurredAt, "event.occurredAt");
        attributes = Checks.attributes(attributes, "event.attributes");
    }

    /**
     * @param type       the event type
     * @param id         the host's id for the event (idempotency key)
     * @param contactId  the contact
     * @param occurredAt when it happened
     * @return an event without attributes
     */
    public static Event of(String type, String id, String contactId, Instant occurredAt) {
        return new Event(type, id, contactId, occurredAt, Map.of());
    }

    /**
     * @param type      the event type
     * @param contactId the contact
     * @return a builder; without an id a random UUID is used (then re-publishing is not idempotent)
     */
    public static Builder builder(String type, String contactId) {
        return new Builder(type, contactId);
    }

    /** @return a copy with one more attribute */
    public Event withAttribute(String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(attributes);
        copy.put(Checks.attributeKey(key, "event.attributes key"), Checks.notNull(value, "event.attributes['" + key + "']"));
        return new Event(type, id, contactId, occurredAt, copy);
    }

    /** Fluent builder; each setter checks its argument. */
    public static final class Builder {
        private final String type;
        private final String contactId;
        private String id;
        private Instant occurredAt;
        private final Map<String, String> attributes = new LinkedHashMap<>();

        private Builder(String type, String contactId) {
            this.type = Checks.id(type, "event.type");
            this.contactId = Checks.id(contactId, "event.contactId");
        }

        public Builder id(String id) {
            this.id = Checks.id(id, "event.id");
            return this;
        }

        public Builder occurredAt(Instant occurredAt) {
            this.occurredAt = Checks.notNull(occurredAt, "event.occurredAt");
            return this;
        }

        public Builder attribute(String key, String value) {
            Checks.attributeKey(key, "event.attributes key");
            attributes.put(key, Checks.notNull(value, "event.attributes['" + key + "']"));
            return this;
        }

        /**
         * @param now used when no occurred-at time was set
         * @return the event
         */
        public Event build(Instant now) {
            return new Event(type, id != null ? id : UUID.randomUUID().toString(), contactId,
                    occurredAt != null ? occurredAt : Checks.notNull(now, "now"), attributes);
        }
    }
}
