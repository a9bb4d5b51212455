package dev.nps.store.jdbc;

import dev.nps.api.Category;
import dev.nps.spi.Alert;
import dev.nps.spi.CrmUpdate;
import dev.nps.spi.OutboxMessage;
import dev.nps.spi.OutgoingEvent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The stored form of an {@link OutboxMessage}: a kind and a JSON payload. Instants keep their nanoseconds. */
final class OutboxCodec {
    static final String ALERT = "alert";
    static final String EVENT = "event";
    static final String CRM = "crm";

    private OutboxCodec() {}

    static String kind(OutboxMessage message) {
        if (message instanceof OutboxMessage.AlertMessage) {
            return ALERT;
        }
        if (message instanceof OutboxMessage.EventMessage) {
            return EVENT;
        }
        return CRM;
    }

    static String payload(OutboxMessage message) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (message instanceof OutboxMessage.AlertMessage a) {
            Alert alert = a.alert();
            m.put("id", alert.id());
            m.put("ruleId", alert.ruleId());
            m.put("severity", alert.severity().name());
            m.put("title", alert.title());
            m.put("detail", alert.detail());
            m.put("raisedAt", alert.raisedAt().toString());
            m.put("facts", alert.facts());
        } else if (message instanceof OutboxMessage.EventMessage e) {
            OutgoingEvent event = e.event();
            m.put("id", event.id());
            m.put("type", event.type());
            m.put("occurredAt", event.occurredAt().toString());
            m.put("data", event.data());
        } else if (message instanceof OutboxMessage.CrmMessage c) {
            CrmUpdate u = c.update();
            m.put("contactId", u.contactId());
            m.put("surveyId", u.surveyId());
            m.put("responseId", u.responseId());
            m.put("score", u.score());
            m.put("category", u.category().name());
            m.put("comment", u.comment().orElse(null));
            m.put("answeredAt", u.answeredAt().toString());
        }
        return Json.write(m);
    }

    @SuppressWarnings("unchecked")
    static OutboxMessage message(String kind, String payload) {
        Map<String, Object> m = (Map<String, Object>) Json.read(payload);
        return switch (kind) {
            case ALERT -> {
                Map<String, String> facts = new LinkedHashMap<>();
                ((Map<String, Object>) m.get("facts")).forEach((k, v) -> facts.put(k, (String) v));
                yield new OutboxMessage.AlertMessage(new Alert((String) m.get("id"), (String) m.get("ruleId"),
                        Alert.Severity.valueOf((String) m.get("severity")), (String) m.get("title"), (String) m.get("detail"),
                        Instant.parse((String) m.get("raisedAt")), facts));
            }
            case EVENT -> new OutboxMessage.EventMessage(new OutgoingEvent((String) m.get("id"), (String) m.get("type"),
                    Instant.parse((String) m.get("occurredAt")), (Map<String, Object>) m.get("data")));
            case CRM -> new OutboxMessage.CrmMessage(new CrmUpdate((String) m.get("contactId"), (String) m.get("surveyId"),
                    (String) m.get("responseId"), ((Number) m.get("score")).intValue(), Category.valueOf((String) m.get("category")),
                    Optional.ofNullable((String) m.get("comment")), Instant.parse((String) m.get("answeredAt"))));
            default -> throw new IllegalArgumentException("unknown outbox message kind '" + kind + "'");
        };
    }
}
