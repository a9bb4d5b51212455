package dev.nps.spi;

import java.util.Objects;

/**
 * What an {@link AlertOutbox} entry carries to its target.
 *
 * @since 0.1
 */
public sealed interface OutboxMessage {

    /** @return the message's own id (the alert's or event's id, or the response id of a CRM update) */
    String id();

    /** An alert for an {@link AlertSink}. */
    record AlertMessage(Alert alert) implements OutboxMessage {
        public AlertMessage {
            Objects.requireNonNull(alert, "alert");
        }

        @Override
        public String id() {
            return alert.id();
        }
    }

    /** An event for an {@link EventSink}. */
    record EventMessage(OutgoingEvent event) implements OutboxMessage {
        public EventMessage {
            Objects.requireNonNull(event, "event");
        }

        @Override
        public String id() {
            return event.id();
        }
    }

    /** A CRM write-back for a {@link CrmWriter}. */
    record CrmMessage(CrmUpdate update) implements OutboxMessage {
        public CrmMessage {
            Objects.requireNonNull(update, "update");
        }

        @Override
        public String id() {
            return update.responseId() + "@" + update.answeredAt().toEpochMilli() + "#" + update.score()
                    + "#" + update.comment().map(String::hashCode).orElse(0);
        }
    }
}
