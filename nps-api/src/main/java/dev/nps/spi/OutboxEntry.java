package dev.nps.spi;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One delivery in an {@link AlertOutbox}: a message for one target, with its attempts.
 *
 * @param id            the entry id: target and message id, so one message reaches each target once
 * @param target        the sink or writer's kind and name, e.g. {@code event:webhook}
 * @param message       what to deliver
 * @param state         where it stands
 * @param attempts      deliveries tried so far
 * @param createdAt     when it was added
 * @param nextAttemptAt when it is due (for a claimed entry: when the claim lapses; delivered or dead: when that
 *                      happened)
 * @param lastError     the last failure's short reason, without personal data
 * @param fence         incremented by every claim and requeue; outcomes are written only under the current one
 * @since 0.1
 */
public record OutboxEntry(String id, String target, OutboxMessage message, State state, int attempts, Instant createdAt,
                          Instant nextAttemptAt, Optional<String> lastError, long fence) {
    /** Longest entry id. {@value} */
    public static final int MAX_ID = 600;
    /** Longest target. {@value} */
    public static final int MAX_TARGET = 300;

    /** Where an entry stands. */
    public enum State {
        /** Waiting for its next attempt (or claimed, until {@code nextAttemptAt}). */
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
        if (id.isBlank() || id.length() > MAX_ID) {
            throw dev.nps.api.NpsException.invalid("entry.id", "must be 1.." + MAX_ID + " characters (got " + id.length() + ")");
        }
        if (target.isBlank() || target.length() > MAX_TARGET) {
            throw dev.nps.api.NpsException.invalid("entry.target", "must be 1.." + MAX_TARGET + " characters (got " + target.length() + ")");
        }
        if (attempts < 0) {
            throw dev.nps.api.NpsException.invalid("entry.attempts", "must not be negative (got " + attempts + ")");
        }
        if (fence < 0) {
            throw dev.nps.api.NpsException.invalid("entry.fence", "must not be negative (got " + fence + ")");
        }
    }

    /** An entry before any claim (fence 0). */
    public OutboxEntry(String id, String target, OutboxMessage message, State state, int attempts, Instant createdAt,
                       Instant nextAttemptAt, Optional<String> lastError) {
        this(id, target, message, state, attempts, createdAt, nextAttemptAt, lastError, 0);
    }

    /** @return a new pending entry for a message to a target, due now */
    public static OutboxEntry pending(String target, OutboxMessage message, Instant now) {
        return new OutboxEntry(target + "|" + message.id(), target, message, State.PENDING, 0, now, now, Optional.empty(), 0);
    }

    /** @return this entry with a new state, attempts, time and error, under the same fence */
    public OutboxEntry with(State newState, int newAttempts, Instant next, Optional<String> error) {
        return new OutboxEntry(id, target, message, newState, newAttempts, createdAt, next, error, fence);
    }

    /** @return this entry claimed until {@code leaseUntil}, under the next fence */
    public OutboxEntry claimed(Instant leaseUntil) {
        return new OutboxEntry(id, target, message, state, attempts, createdAt, leaseUntil, lastError, fence + 1);
    }

    @Override
    public String toString() {
        return "OutboxEntry[id=" + id + ", target=" + target + ", state=" + state + ", attempts=" + attempts + ", next=" + nextAttemptAt
                + ", fence=" + fence + "]";
    }
}
