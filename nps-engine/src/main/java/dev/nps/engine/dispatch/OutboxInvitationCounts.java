package dev.nps.engine.dispatch;

import dev.nps.api.NpsException;
import dev.nps.api.internal.Checks;
import dev.nps.engine.alerts.InvitationCounts;
import dev.nps.spi.DispatchStore;
import dev.nps.spi.Invitation;
import dev.nps.spi.InvitationStatus;
import dev.nps.spi.NpsStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Invitation numbers per period read from the outbox: what the response-rate rule divides by, and the funnel of a
 * report. Only first invitations count (a reminder is the same request again, and its response belongs to the
 * first); follow-up messages do not count. Thread-safe.
 *
 * @since 0.2
 */
public final class OutboxInvitationCounts implements InvitationCounts {
    private final DispatchStore outbox;
    private final NpsStore store;

    /**
     * @param outbox the outbox
     * @param store  where responses are, for the answered count
     */
    public OutboxInvitationCounts(DispatchStore outbox, NpsStore store) {
        this.outbox = Checks.notNull(outbox, "dispatchStore");
        this.store = Checks.notNull(store, "store");
    }

    /**
     * The invitations created in a period and what became of them.
     *
     * @param created  first invitations created in the period (skipped ones included)
     * @param skipped  of those, skipped by a rule
     * @param sent     of those, sent
     * @param answered of those sent, answered (by link, SMS or in-app)
     */
    public record Funnel(long created, long skipped, long sent, long answered) {
        public Funnel {
            if (created < 0 || skipped < 0 || sent < 0 || answered < 0 || skipped + sent > created || answered > sent) {
                throw NpsException.invalid("funnel", "counts must be 0 or more and nested (got " + created + "/" + skipped + "/"
                        + sent + "/" + answered + ")");
            }
        }

        /** @return answered / sent, or NaN when nothing was sent */
        public double responseRate() {
            return sent == 0 ? Double.NaN : (double) answered / sent;
        }
    }

    @Override
    public long sent(Optional<String> surveyId, Instant from, Instant to) {
        return rows(surveyId, from, to).stream()
                .filter(i -> i.sentAt().filter(t -> !t.isBefore(from) && t.isBefore(to)).isPresent())
                .count();
    }

    /**
     * @param surveyId the survey, or empty for all
     * @param from     created at or after (inclusive)
     * @param to       created before (exclusive)
     * @return the funnel of the first invitations created in [from, to), counted now
     * @throws NpsException {@code INVALID_ARGUMENT} when {@code to} is not after {@code from}
     */
    public Funnel funnel(Optional<String> surveyId, Instant from, Instant to) {
        long created = 0;
        long skipped = 0;
        long sent = 0;
        long answered = 0;
        for (Invitation i : rows(surveyId, from, to)) {
            if (i.createdAt().isBefore(from) || !i.createdAt().isBefore(to)) {
                continue;
            }
            created++;
            if (i.status() == InvitationStatus.SKIPPED) {
                skipped++;
            } else if (i.status() == InvitationStatus.SENT) {
                sent++;
                if (store.findResponseByInvitation(i.id()).isPresent()) {
                    answered++;
                }
            }
        }
        return new Funnel(created, skipped, sent, answered);
    }

    private List<Invitation> rows(Optional<String> surveyId, Instant from, Instant to) {
        Checks.notNull(surveyId, "surveyId");
        Checks.notNull(from, "from");
        Checks.notNull(to, "to");
        if (!to.isAfter(from)) {
            throw NpsException.invalid("to", "must be after from (got " + from + " .. " + to + ")");
        }
        return outbox.findInvitationsBetween(surveyId, from, to).stream()
                .filter(i -> i.reminder() == 0 && !i.source().startsWith(Invitations.FOLLOW_UP_SOURCE))
                .toList();
    }
}
