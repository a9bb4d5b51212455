package dev.nps.engine.dispatch;

/**
 * Counters of one dispatcher since it was built.
 *
 * @param sent              sends accepted (or ambiguous treated as sent)
 * @param retried           sends that failed and were scheduled again
 * @param failed            permanent failures
 * @param dead              invitations moved to the dead-letter state
 * @param skipped           invitations skipped by a rule just before sending
 * @param deferred          claims put back without a send (quiet hours, rate limit, concurrency cap, paused channel)
 * @param fencedOut         outcomes not recorded because another dispatcher had taken the row over (a zombie's)
 * @param takenOver         rows this dispatcher took over after another claimer's lease ran out; each may be one
 *                          duplicate send (when that claimer died after the channel accepted, before recording)
 * @param remindersCreated  reminder rows created
 * @since 0.1
 */
public record DispatchStats(long sent, long retried, long failed, long dead, long skipped, long deferred, long fencedOut,
                            long takenOver, long remindersCreated) {}
