package dev.nps.engine.alerts;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One delivery in an {@link AlertOutbox}: a message for one target, with its attempts.
 *
 * @param id            the entry id: target and message id, so one message reaches each target once
 * @param target        the sink or writer's name
 * @param message       what to deliver
 * @param state         where it stands
 * @param attempts      deliveries tried so far
 * @param createdAt     when it was added
 * @param nextAttemptAt when it is due (for a claimed entry: when the claim lapses)
 * @param lastError     the last failure's short reason, without personal data
 * @since 0.1
 */
public record OutboxEntry(String id, String target, OutboxMessage message, State state, int attempts, Instant createdAt,
                          Instant nextAttemptAt, Optional<String> lastError) {

    /** Where an entry stands. */
    public enum State {
        /** Waiting for its next attempt. */
        PENDING,
        /** Delivered; kept for de-duplication. */
        DELIVERED,
        /** Given up after the last attempt or a permanent failure; waits for {@link AlertOutbox#requeue}. */
        DEAD
    }

    public OutboxEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        Objects.requireNonNull(lastError, "lastError");
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts: must not be negative");
        }
    }

    /** @return a new pending entry for a message to a target, due now */
    public static OutboxEntry pending(String target, OutboxMessage message, Instant now) {
        return new OutboxEntry(target + "|" + message.id(), target, message, State.PENDING, 0, now, now, Optional.empty());
    }

    OutboxEntry with(State newState, int newAttempts, Instant next, Optional<String> error) {
        return new OutboxEntry(id, target, message, newState, newAttempts, createdAt, next, error);
    }
}
