package dev.nps.spi;

import dev.nps.api.internal.Checks;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An event for automation tools (Zapier, Make, n8n, your own service), sent as a JSON envelope
 * {@code {"id", "type", "occurredAt", "data"}}. Consumers de-duplicate on {@code id}: a redelivery carries the
 * same id.
 *
 * @param id         unique event id
 * @param type       one of the {@code *} constants, or another dotted lower-case name
 * @param occurredAt when it happened
 * @param data       the payload: strings, numbers, booleans, nulls, lists and maps of those
 * @since 0.1
 */
public record OutgoingEvent(String id, String type, Instant occurredAt, Map<String, Object> data) {
    public static final String RESPONSE_CREATED = "response.created";
    public static final String RESPONSE_UPDATED = "response.updated";
    public static final String CONTACT_UNSUBSCRIBED = "contact.unsubscribed";
    public static final String CASE_OPENED = "case.opened";
    public static final String CASE_RESOLVED = "case.resolved";
    public static final String ALERT_RAISED = "alert.raised";

    /** The types the engine emits. */
    public static final Set<String> STANDARD_TYPES = Set.of(RESPONSE_CREATED, RESPONSE_UPDATED, CONTACT_UNSUBSCRIBED,
            CASE_OPENED, CASE_RESOLVED, ALERT_RAISED);

    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+");

    public OutgoingEvent {
        Checks.id(id, "event.id");
        Checks.notNull(type, "event.type");
        if (!TYPE.matcher(type).matches()) {
            throw dev.nps.api.NpsException.invalid("event.type", "must be a dotted lower-case name such as response.created");
        }
        Checks.notNull(occurredAt, "event.occurredAt");
        Checks.notNull(data, "event.data");
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    @Override
    public String toString() {
        return "OutgoingEvent[id=" + id + ", type=" + type + ", occurredAt=" + occurredAt + ", data keys=" + data.keySet() + "]";
    }
}
