package dev.nps.engine.dispatch;

import dev.nps.spi.Invitation;

/**
 * Told when an invitation runs out of attempts or time and moves to the dead-letter state. Called on the
 * dispatcher's thread: return quickly and do not throw.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface DeadLetterListener {
    /** @param invitation the row as now stored, status {@link dev.nps.spi.InvitationStatus#DEAD} */
    void onDeadLetter(Invitation invitation);
}
