package dev.nps.spi;

import dev.nps.api.ChannelName;
import dev.nps.api.NpsException;
import dev.nps.api.internal.Checks;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One message to send, as a durable outbox row: an invitation to a survey or a reminder of one.
 *
 * <p>A reminder is its own row whose {@code rootId} names the first invitation; a response always belongs to
 * the root, so one response answers the invitation and all its reminders.
 *
 * @param id              unique id
 * @param rootId          the first invitation of this chain ({@code id} itself for a first invitation)
 * @param idempotencyKey  unique key: the event id, the schedule period, or the reminder number
 * @param surveyId        the survey
 * @param contactId       the recipient
 * @param channel         the channel chosen when it was created (re-checked before sending)
 * @param reminder        0 for the invitation, 1.. for reminders
 * @param source          what created it, e.g. {@code event:order.completed}, {@code schedule:2026-Q1}, {@code manual}
 * @param status          where it is
 * @param createdAt       when it was created
 * @param dueAt           not sent before this instant
 * @param attempts        sends tried and recorded so far
 * @param leaseOwner      the dispatcher holding the claim, while {@link InvitationStatus#CLAIMED}
 * @param leaseUntil      when the claim runs out, while claimed
 * @param fence           claim version, incremented by every claim; an outcome is recorded only with the current one
 * @param recoveredClaims how many times a claim was taken over after its lease ran out (each is a possible duplicate send)
 * @param lastOutcome     short description of the last outcome or skip reason, without personal data
 * @param sentAt          when it was sent
 * @param nextReminderAt  when a reminder is due, while one is still to come
 * @since 0.1
 */
public record Invitation(
        String id,
        String rootId,
        String idempotencyKey,
        String surveyId,
        String contactId,
        ChannelName channel,
        int reminder,
        String source,
        InvitationStatus status,
        Instant createdAt,
        Instant dueAt,
        int attempts,
        Optional<String> leaseOwner,
        Optional<Instant> leaseUntil,
        long fence,
        int recoveredClaims,
        Optional<String> lastOutcome,
        Optional<Instant> sentAt,
        Optional<Instant> nextReminderAt) {

    /** The last outcome a claim records when it takes a row over from a claimer whose lease ran out. {@value} */
    public static final String TAKEN_OVER = "taken over after an expired lease";

    public Invitation {
        Checks.id(id, "invitation.id");
        Checks.id(rootId, "invitation.rootId");
        Checks.notBlank(idempotencyKey, "invitation.idempotencyKey");
        if (idempotencyKey.length() > 400) {
            throw NpsException.invalid("invitation.idempotencyKey", "longer than 400 characters");
        }
        Checks.id(surveyId, "invitation.surveyId");
        Checks.id(contactId, "invitation.contactId");
        Checks.notNull(channel, "invitation.channel");
        if (reminder < 0) {
            throw NpsException.invalid("invitation.reminder", "must be 0 or more (got " + reminder + ")");
        }
        Checks.notBlank(source, "invitation.source");
        Checks.notNull(status, "invitation.status");
        Checks.notNull(createdAt, "invitation.createdAt");
        Checks.notNull(dueAt, "invitation.dueAt");
        if (attempts < 0 || recoveredClaims < 0 || fence < 0) {
            throw NpsException.invalid("invitation", "attempts, recoveredClaims and fence must be 0 or more");
        }
        Checks.notNull(leaseOwner, "invitation.leaseOwner");
        Checks.notNull(leaseUntil, "invitation.leaseUntil");
        if (status == InvitationStatus.CLAIMED && (leaseOwner.isEmpty() || leaseUntil.isEmpty())) {
            throw NpsException.invalid("invitation.lease", "a claimed invitation needs a lease owner and a lease end");
        }
        Checks.notNull(lastOutcome, "invitation.lastOutcome");
        Checks.notNull(sentAt, "invitation.sentAt");
        Checks.notNull(nextReminderAt, "invitation.nextReminderAt");
    }

    /**
     * A new pending first invitation.
     *
     * @return the row to insert
     */
    public static Invitation pending(String id, String idempotencyKey, String surveyId, String contactId, ChannelName channel,
                                     String source, Instant createdAt, Instant dueAt) {
        return new Invitation(id, id, idempotencyKey, surveyId, contactId, channel, 0, source, InvitationStatus.PENDING,
                createdAt, dueAt, 0, Optional.empty(), Optional.empty(), 0, 0, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** @return a copy with another status, the lease cleared unless the new status is claimed */
    public Invitation withStatus(InvitationStatus newStatus, Instant newDueAt, int newAttempts, Optional<String> outcome) {
        boolean claimed = newStatus == InvitationStatus.CLAIMED;
        return new Invitation(id, rootId, idempotencyKey, surveyId, contactId, channel, reminder, source, newStatus, createdAt,
                newDueAt, newAttempts, claimed ? leaseOwner : Optional.empty(), claimed ? leaseUntil : Optional.empty(), fence,
                recoveredClaims, outcome, sentAt, nextReminderAt);
    }

    /** @return a copy marked sent at that instant with the next reminder time */
    public Invitation asSent(Instant at, int newAttempts, String outcome, Optional<Instant> nextReminder) {
        return new Invitation(id, rootId, idempotencyKey, surveyId, contactId, channel, reminder, source, InvitationStatus.SENT,
                createdAt, dueAt, newAttempts, Optional.empty(), Optional.empty(), fence, recoveredClaims, Optional.of(outcome),
                Optional.of(at), nextReminder);
    }

    /**
     * @return a copy claimed by the owner until the given time, with the next fence; taking over a row that was
     *         still claimed (its lease ran out) counts a recovered claim and sets {@link #TAKEN_OVER} as last outcome
     */
    public Invitation claimedBy(String owner, Instant until) {
        Objects.requireNonNull(owner, "owner");
        boolean takeOver = status == InvitationStatus.CLAIMED;
        return new Invitation(id, rootId, idempotencyKey, surveyId, contactId, channel, reminder, source, InvitationStatus.CLAIMED,
                createdAt, dueAt, attempts, Optional.of(owner), Optional.of(until), fence + 1,
                takeOver ? recoveredClaims + 1 : recoveredClaims, takeOver ? Optional.of(TAKEN_OVER) : lastOutcome, sentAt,
                nextReminderAt);
    }

    /** @return whether this claim took the row over from a claimer whose lease ran out */
    public boolean takenOver() {
        return status == InvitationStatus.CLAIMED && lastOutcome.filter(TAKEN_OVER::equals).isPresent();
    }

    /** @return a copy with another channel (a fallback chosen before sending) */
    public Invitation withChannel(ChannelName newChannel) {
        return new Invitation(id, rootId, idempotencyKey, surveyId, contactId, newChannel, reminder, source, status, createdAt,
                dueAt, attempts, leaseOwner, leaseUntil, fence, recoveredClaims, lastOutcome, sentAt, nextReminderAt);
    }

    /** @return a copy with the next-reminder time cleared */
    public Invitation withoutNextReminder() {
        return new Invitation(id, rootId, idempotencyKey, surveyId, contactId, channel, reminder, source, status, createdAt,
                dueAt, attempts, leaseOwner, leaseUntil, fence, recoveredClaims, lastOutcome, sentAt, Optional.empty());
    }
}
