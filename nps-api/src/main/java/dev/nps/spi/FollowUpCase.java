package dev.nps.spi;

import dev.nps.api.NpsException;
import dev.nps.api.internal.Checks;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A follow-up case opened for a detractor response: who owns it, by when the customer should be contacted, and
 * everything that happened to it.
 *
 * @param id             the case id
 * @param responseId     the response it follows up (one case per response)
 * @param surveyId       the survey
 * @param contactId      the respondent, if known
 * @param score          the score that opened it
 * @param owner          who follows up
 * @param status         where it stands
 * @param openedAt       when it was opened
 * @param dueAt          when the first contact is due (the SLA)
 * @param firstContactAt when the customer was first contacted
 * @param closedAt       when it was resolved or closed as won't fix
 * @param history        every event, oldest first
 * @param version        incremented on every change (optimistic locking in the store)
 * @since 0.1
 */
public record FollowUpCase(String id, String responseId, String surveyId, Optional<String> contactId, int score, String owner,
                           CaseStatus status, Instant openedAt, Instant dueAt, Optional<Instant> firstContactAt,
                           Optional<Instant> closedAt, List<CaseEvent> history, long version) {
    /** Longest owner. {@value} */
    public static final int MAX_OWNER = 320;

    public FollowUpCase {
        Checks.id(id, "case.id");
        Checks.id(responseId, "case.responseId");
        Checks.id(surveyId, "case.surveyId");
        Checks.notNull(contactId, "case.contactId");
        Checks.text(Checks.notBlank(owner, "case.owner"), "case.owner");
        if (owner.length() > MAX_OWNER) {
            throw NpsException.invalid("case.owner", "is " + owner.length() + " characters; the limit is " + MAX_OWNER);
        }
        if (score < 0 || score > 10) {
            throw NpsException.invalid("case.score", "must be 0..10 (got " + score + ")");
        }
        if (version < 0) {
            throw NpsException.invalid("case.version", "must not be negative (got " + version + ")");
        }
        Checks.notNull(status, "case.status");
        Checks.notNull(openedAt, "case.openedAt");
        Checks.notNull(dueAt, "case.dueAt");
        Checks.notNull(firstContactAt, "case.firstContactAt");
        Checks.notNull(closedAt, "case.closedAt");
        history = List.copyOf(Checks.notNull(history, "case.history"));
        if (history.isEmpty()) {
            throw NpsException.invalid("case.history", "must hold at least the opening event");
        }
    }

    /** @return the notes, oldest first */
    public List<String> notes() {
        return history.stream().flatMap(e -> e.note().stream()).toList();
    }

    /** @return the time from opening to first contact, if contacted */
    public Optional<Duration> timeToFirstContact() {
        return firstContactAt.map(t -> Duration.between(openedAt, t));
    }

    /** @return whether the first contact happened by the due time (false while not contacted) */
    public boolean contactedWithinSla() {
        return firstContactAt.filter(t -> !t.isAfter(dueAt)).isPresent();
    }

    /** @return whether the case was closed by the due time */
    public boolean closedWithinSla() {
        return closedAt.filter(t -> !t.isAfter(dueAt)).isPresent();
    }

    /**
     * @param event        the event to append to the history
     * @param newStatus    the status after it
     * @param firstContact the first contact time after it
     * @param closed       the closing time after it
     * @return the case after the event, one version on
     */
    public FollowUpCase next(CaseEvent event, CaseStatus newStatus, Optional<Instant> firstContact, Optional<Instant> closed) {
        List<CaseEvent> h = new ArrayList<>(history);
        h.add(Checks.notNull(event, "event"));
        return new FollowUpCase(id, responseId, surveyId, contactId, score, owner, newStatus, openedAt, dueAt, firstContact, closed, h,
                version + 1);
    }

    @Override
    public String toString() {
        return "FollowUpCase[id=" + id + ", response=" + responseId + ", owner=" + owner + ", status=" + status + ", due=" + dueAt
                + ", events=" + history.size() + "]";
    }
}
