package dev.nps.spi;

import dev.nps.api.ChannelName;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The durable outbox of invitations and the rule state the dispatch pipeline needs (suppressions,
 * unsubscribes, skip records, response-link tokens). A store may implement this besides {@link NpsStore}.
 *
 * <p>Implementations are thread-safe and safe with several application instances sharing one database:
 * {@link #insertInvitation} checks the idempotency key and the fatigue guard atomically with the insert,
 * {@link #claimDue} hands each due row to one claimer, and {@link #updateClaimed} writes only when the row is
 * still claimed with the given fence (so a worker whose lease ran out cannot overwrite a newer result).
 *
 * @since 0.1
 */
public interface DispatchStore {

    /**
     * Inserts a new invitation unless its idempotency key exists or the guard finds a recent invitation.
     *
     * @param invitation the new row
     * @param guard      the fatigue rule to check atomically, if any
     * @return what happened, with the stored or blocking row
     */
    InvitationInsert insertInvitation(Invitation invitation, Optional<FatigueGuard> guard);

    /** @return the invitation with this id */
    Optional<Invitation> findInvitation(String invitationId);

    /** @return the invitation with this idempotency key */
    Optional<Invitation> findInvitationByKey(String idempotencyKey);

    /** @return the contact's invitations, oldest first */
    List<Invitation> findInvitationsByContact(String contactId);

    /** @return up to {@code limit} invitations with this status, oldest due first */
    List<Invitation> findInvitations(InvitationStatus status, int limit);

    /** @return how many invitations have this status */
    long countInvitations(InvitationStatus status);

    /**
     * Claims up to {@code limit} rows that are pending and due, or claimed with a lease that ran out, oldest due
     * first, skipping rows on the excluded channels. Each returned row is claimed by {@code owner} until
     * {@code now + lease} with its fence incremented; no two claimers get the same row for one fence.
     *
     * @return the claimed rows
     */
    List<Invitation> claimDue(Instant now, String owner, Duration lease, int limit, Set<ChannelName> excludedChannels);

    /**
     * Replaces a claimed row if it is still claimed with this fence.
     *
     * @param updated the new row (its fence must equal {@code fence})
     * @param fence   the fence the claimer received
     * @return false when another claimer took the row since (nothing written)
     */
    boolean updateClaimed(Invitation updated, long fence);

    /**
     * Puts a dead or failed invitation back to pending with no attempts, due at the given time.
     *
     * @return whether a dead or failed row was requeued
     */
    boolean requeue(String invitationId, Instant dueAt);

    /**
     * @return sent invitations whose next reminder is due at or before {@code now}, up to {@code limit}
     */
    List<Invitation> findRemindersDue(Instant now, int limit);

    /** Clears a sent invitation's next-reminder time (its reminder row exists). */
    void clearNextReminder(String invitationId);

    // --- skips ---

    /** Stores a skip record. */
    void recordSkip(InvitationSkip skip);

    /** @return the contact's skip records, oldest first */
    List<InvitationSkip> findSkips(String contactId);

    /** @return the newest skip records, up to {@code limit}, newest first */
    List<InvitationSkip> recentSkips(int limit);

    // --- suppressions and unsubscribes ---

    /** Adds or replaces a suppression. */
    void suppress(Suppression suppression);

    /** @return whether a suppression was removed */
    boolean unsuppress(String address);

    /** @return the suppression of this address (compared in {@link Suppression#normalize} form) */
    Optional<Suppression> findSuppression(String address);

    /** Records an unsubscribe (idempotent per contact and survey). */
    void unsubscribe(Unsubscribe unsubscribe);

    /**
     * Removes an unsubscribe; resubscribing to all surveys removes every unsubscribe of the contact.
     *
     * @return whether anything was removed
     */
    boolean resubscribe(String contactId, Optional<String> surveyId);

    /** @return the contact's unsubscribes */
    List<Unsubscribe> findUnsubscribes(String contactId);

    // --- response-link tokens ---

    /** Stores a token hash. */
    void saveToken(ResponseToken token);

    /** @return the token with this hash */
    Optional<ResponseToken> findToken(String hash);
}
