package dev.nps.spi;

import dev.nps.api.ChannelName;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

    /**
     * Finds the sent invitations and reminders of several contacts at once, on every channel, sent at or after
     * {@code sentSince}: what the send-time fatigue check reads for a claimed batch. The default filters
     * {@link #findInvitationsByContact} per contact; a database store overrides it with one query.
     *
     * @param contactIds the contacts, never null, no null element
     * @param sentSince  the earliest sent time (inclusive)
     * @return each contact's rows with status {@link InvitationStatus#SENT}, oldest sent first; contacts without any
     *         are absent
     * @since 0.2
     */
    default Map<String, List<Invitation>> findSentInvitationsByContacts(Collection<String> contactIds, Instant sentSince) {
        Objects.requireNonNull(contactIds, "contactIds");
        Objects.requireNonNull(sentSince, "sentSince");
        Map<String, List<Invitation>> out = new HashMap<>();
        for (String id : Set.copyOf(contactIds)) {
            List<Invitation> rows = new ArrayList<>();
            for (Invitation i : findInvitationsByContact(id)) {
                if (i.status() == InvitationStatus.SENT && i.sentAt().isPresent() && !i.sentAt().get().isBefore(sentSince)) {
                    rows.add(i);
                }
            }
            if (!rows.isEmpty()) {
                rows.sort(Comparator.comparing((Invitation i) -> i.sentAt().orElseThrow()).thenComparing(Invitation::id));
                out.put(id, rows);
            }
        }
        return out;
    }

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
     * Records the outcomes of several claimed rows, each exactly as {@link #updateClaimed(Invitation, long)} would
     * with the row's own {@link Invitation#fence()}: a row written only while it is still claimed with that fence.
     * The default calls {@link #updateClaimed} per row; a database store overrides it with one batch and one commit.
     *
     * @param updated the new rows (each carrying the fence its claimer received), never null, ids distinct
     * @return one flag per row, in the same order: false when another claimer took that row since (nothing written)
     * @since 0.2
     */
    default List<Boolean> updateClaimedAll(List<Invitation> updated) {
        Objects.requireNonNull(updated, "updated");
        List<Boolean> out = new ArrayList<>(updated.size());
        for (Invitation row : updated) {
            out.add(updateClaimed(row, row.fence()));
        }
        return out;
    }

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

    /**
     * Finds the sent invitations and reminders of these contacts on one channel, sent at or after {@code sentSince},
     * newest sent first: where an SMS reply or a follow-up looks for the message it answers. The default filters
     * {@link #findInvitationsByContact}; a store with an index on (contact, channel, sent time) overrides it.
     *
     * @param contactIds the contacts
     * @param channel    the channel
     * @param sentSince  the earliest sent time (inclusive)
     * @return the rows with status {@link InvitationStatus#SENT}, newest {@code sentAt} first
     * @since 0.2
     */
    default List<Invitation> findSentInvitations(Collection<String> contactIds, ChannelName channel, Instant sentSince) {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(sentSince, "sentSince");
        List<Invitation> out = new ArrayList<>();
        for (String contactId : Set.copyOf(contactIds)) {
            for (Invitation i : findInvitationsByContact(contactId)) {
                if (i.status() == InvitationStatus.SENT && i.channel().equals(channel) && i.sentAt().isPresent()
                        && !i.sentAt().get().isBefore(sentSince)) {
                    out.add(i);
                }
            }
        }
        out.sort(Comparator.comparing((Invitation i) -> i.sentAt().orElseThrow()).reversed().thenComparing(Invitation::id));
        return out;
    }

    /**
     * Finds the invitations and reminders created or sent in {@code [from, to)}, of one survey or of all: what
     * invitation counts per period (response rates, report funnels) are computed from. The default reads every row
     * through {@link #findInvitations(InvitationStatus, int)}, up to {@value #DEFAULT_SCAN_LIMIT} per status, and
     * fails beyond rather than count part of the outbox: a database store overrides it with
     * {@code WHERE (created_at >= ? AND created_at < ?) OR (sent_at >= ? AND sent_at < ?)}.
     *
     * @param surveyId the survey, or empty for all
     * @param from     the start (inclusive)
     * @param to       the end (exclusive)
     * @return the rows, in no particular order
     * @throws dev.nps.api.NpsException {@code CONFIGURATION} when the default would have to read more rows
     * @since 0.2
     */
    default List<Invitation> findInvitationsBetween(Optional<String> surveyId, Instant from, Instant to) {
        Objects.requireNonNull(surveyId, "surveyId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        List<Invitation> out = new ArrayList<>();
        for (InvitationStatus status : InvitationStatus.values()) {
            List<Invitation> rows = findInvitations(status, DEFAULT_SCAN_LIMIT);
            if (rows.size() >= DEFAULT_SCAN_LIMIT) {
                throw new dev.nps.api.NpsException(dev.nps.api.ErrorCode.CONFIGURATION, "the outbox holds "
                        + DEFAULT_SCAN_LIMIT + " or more " + status + " invitations: the store must override "
                        + "DispatchStore.findInvitationsBetween with a query for invitation counts to be complete");
            }
            for (Invitation i : rows) {
                boolean created = !i.createdAt().isBefore(from) && i.createdAt().isBefore(to);
                boolean sent = i.sentAt().filter(t -> !t.isBefore(from) && t.isBefore(to)).isPresent();
                if ((created || sent) && surveyId.map(i.surveyId()::equals).orElse(true)) {
                    out.add(i);
                }
            }
        }
        return out;
    }

    /** The most rows per status the default {@link #findInvitationsBetween} reads. {@value} */
    int DEFAULT_SCAN_LIMIT = 100_000;

    // --- skips ---

    /** Stores a skip record. */
    void recordSkip(InvitationSkip skip);

    /**
     * Stores several skip records; the default calls {@link #recordSkip} per record.
     *
     * @param skips the records, never null
     * @since 0.2
     */
    default void recordSkips(List<InvitationSkip> skips) {
        Objects.requireNonNull(skips, "skips");
        skips.forEach(this::recordSkip);
    }

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

    /**
     * Finds the suppressions of several addresses at once (compared in {@link Suppression#normalize} form); the
     * default calls {@link #findSuppression} per address, a database store overrides it with one query.
     *
     * @param addresses the addresses, never null, no null element
     * @return the suppressions found, by normalized address
     * @since 0.2
     */
    default Map<String, Suppression> findSuppressions(Collection<String> addresses) {
        Objects.requireNonNull(addresses, "addresses");
        Map<String, Suppression> out = new HashMap<>();
        for (String address : Set.copyOf(addresses)) {
            findSuppression(address).ifPresent(s -> out.put(Suppression.normalize(address), s));
        }
        return out;
    }

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

    /**
     * Finds the unsubscribes of several contacts at once; the default calls {@link #findUnsubscribes(String)} per
     * contact, a database store overrides it with one query.
     *
     * @param contactIds the contacts, never null, no null element
     * @return each contact's unsubscribes; contacts without any are absent
     * @since 0.2
     */
    default Map<String, List<Unsubscribe>> findUnsubscribesByContacts(Collection<String> contactIds) {
        Objects.requireNonNull(contactIds, "contactIds");
        Map<String, List<Unsubscribe>> out = new HashMap<>();
        for (String id : Set.copyOf(contactIds)) {
            List<Unsubscribe> rows = findUnsubscribes(id);
            if (!rows.isEmpty()) {
                out.put(id, rows);
            }
        }
        return out;
    }

    // --- response-link tokens ---

    /** Stores a token hash. */
    void saveToken(ResponseToken token);

    /** @return the token with this hash */
    Optional<ResponseToken> findToken(String hash);
}
