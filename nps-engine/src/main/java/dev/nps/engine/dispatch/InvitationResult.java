package dev.nps.engine.dispatch;

import dev.nps.api.internal.Checks;
import dev.nps.spi.Invitation;
import dev.nps.spi.InvitationSkip;
import java.util.Optional;

/**
 * What an attempt to create an invitation did.
 *
 * @param outcome    created, duplicate (the idempotency key existed) or skipped
 * @param invitation the stored row (for a duplicate: the earlier one)
 * @param skip       the skip record, when skipped
 * @since 0.1
 */
public record InvitationResult(Outcome outcome, Invitation invitation, Optional<InvitationSkip> skip) {
    /** What happened. */
    public enum Outcome {
        /** A new invitation waits in the outbox. */
        CREATED,
        /** The idempotency key was seen before; nothing new was stored. */
        DUPLICATE,
        /** A rule said no; a skipped row and a skip record were stored. */
        SKIPPED
    }

    public InvitationResult {
        Checks.notNull(outcome, "outcome");
        Checks.notNull(invitation, "invitation");
        Checks.notNull(skip, "skip");
    }
}
