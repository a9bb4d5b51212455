package dev.nps.engine.dispatch;

import dev.nps.api.ChannelName;
import dev.nps.api.Contact;
import dev.nps.api.Survey;
import dev.nps.engine.rules.Eligibility;
import dev.nps.spi.DispatchStore;
import dev.nps.spi.Invitation;
import dev.nps.spi.InvitationSkip;
import dev.nps.spi.InvitationStatus;
import dev.nps.spi.SendOutcome;
import dev.nps.spi.SkipReason;
import dev.nps.spi.Suppression;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What becomes of a claimed invitation row, written through its {@link DispatchRound} and counted: sent (with the
 * next reminder planned), retried after backoff, paused with its channel, failed (and its address suppressed when
 * the channel says so), dead (the {@link DeadLetterListener} hears of it), deferred or skipped. The
 * {@link Dispatcher} decides; this records.
 */
final class DispatchOutcomes {
    private static final Logger LOG = LoggerFactory.getLogger(DispatchOutcomes.class);

    private final DispatchStore outbox;
    private final Map<ChannelName, ChannelPolicy> policies;
    private final Map<ChannelName, CircuitBreaker> breakers;
    private final Backoff backoff;
    private final int maxAttempts;
    private final Duration maxAge;
    private final DeadLetterListener deadLetters;
    private final Clock clock;

    final AtomicLong sent = new AtomicLong();
    final AtomicLong retried = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final AtomicLong dead = new AtomicLong();
    final AtomicLong skipped = new AtomicLong();
    final AtomicLong deferred = new AtomicLong();

    DispatchOutcomes(DispatchStore outbox, Map<ChannelName, ChannelPolicy> policies, Map<ChannelName, CircuitBreaker> breakers,
                     Backoff backoff, int maxAttempts, Duration maxAge, DeadLetterListener deadLetters, Clock clock) {
        this.outbox = outbox;
        this.policies = policies;
        this.breakers = breakers;
        this.backoff = backoff;
        this.maxAttempts = maxAttempts;
        this.maxAge = maxAge;
        this.deadLetters = deadLetters;
        this.clock = clock;
    }

    void record(DispatchRound round, Invitation row, Survey survey, Contact contact, SendOutcome outcome) {
        Instant now = clock.instant();
        int attempts = row.attempts() + 1;
        ChannelPolicy policy = policies.get(row.channel());
        if (!(outcome instanceof SendOutcome.Retryable r0 && r0.channelDown())) {
            breakers.get(row.channel()).success();
        }
        if (outcome instanceof SendOutcome.Accepted) {
            markSent(round, row, survey, now, attempts, "accepted");
        } else if (outcome instanceof SendOutcome.Ambiguous a) {
            if (policy.ambiguous() == ChannelPolicy.AmbiguousPolicy.TREAT_AS_SENT) {
                markSent(round, row, survey, now, attempts, "ambiguous, treated as sent: " + a.reason());
            } else {
                retry(round, row, survey, now, attempts, Optional.empty(), "ambiguous: " + a.reason());
            }
        } else if (outcome instanceof SendOutcome.Retryable r) {
            if (r.channelDown()) {
                Instant until = breakers.get(row.channel()).open(now, r.retryAfter());
                LOG.warn("channel {} is down ({}); paused until {}", row.channel(), r.reason(), until);
                round.record(row.withStatus(InvitationStatus.PENDING, until, row.attempts(), Optional.of("channel down: " + r.reason())), row,
                        deferred::incrementAndGet);
            } else {
                retry(round, row, survey, now, attempts, r.retryAfter(), "retryable: " + r.reason());
            }
        } else if (outcome instanceof SendOutcome.Permanent p) {
            round.record(row.withStatus(InvitationStatus.FAILED, row.dueAt(), attempts, Optional.of("permanent: " + p.reason())), row, () -> {
                failed.incrementAndGet();
                if (p.suppressRecipient()) {
                    Eligibility.address(row.channel(), contact).ifPresent(a -> {
                        outbox.suppress(new Suppression(a, row.channel() + ": " + p.reason(), now));
                        round.rules().noteSuppressed(a);
                    });
                }
            });
            if (p.suppressRecipient()) {
                round.flush(); // so the suppression is in place before the round's next row to this address
            }
        }
    }

    private void markSent(DispatchRound round, Invitation row, Survey survey, Instant now, int attempts, String note) {
        Optional<Instant> next = row.reminder() < survey.reminders().maxReminders()
                ? Optional.of(now.plus(survey.reminders().delay())) : Optional.empty();
        Invitation sentRow = row.asSent(now, attempts, note, next);
        // Counted at once by the fatigue check of the round's later rows, as a store read after the write would.
        round.rules().noteSent(sentRow);
        round.record(sentRow, row, sent::incrementAndGet);
    }

    /**
     * When the invitation was first meant to go out: its creation plus the survey's longest event delay. Max age
     * counts from here, so an invitation sent three days after a purchase is not dead on arrival.
     */
    static Instant firstDue(Invitation row, Survey survey) {
        Duration delay = Duration.ZERO;
        for (dev.nps.api.Trigger t : survey.triggers()) {
            if (t instanceof dev.nps.api.Trigger.OnEvent e && e.delay().compareTo(delay) > 0) {
                delay = e.delay();
            }
        }
        return row.createdAt().plus(delay);
    }

    private void retry(DispatchRound round, Invitation row, Survey survey, Instant now, int attempts, Optional<Duration> retryAfter,
                       String note) {
        if (attempts >= maxAttempts) {
            toDead(round, row, attempts, "dead after " + attempts + " attempts; last " + note);
            return;
        }
        Instant next = now.plus(backoff.delay(attempts, retryAfter));
        if (next.isAfter(firstDue(row, survey).plus(maxAge))) {
            toDead(round, row, attempts, "dead: the next attempt would be older than " + maxAge + "; last " + note);
            return;
        }
        round.record(row.withStatus(InvitationStatus.PENDING, next, attempts, Optional.of(note)), row, retried::incrementAndGet);
    }

    void toDead(DispatchRound round, Invitation row, int attempts, String note) {
        Invitation d = row.withStatus(InvitationStatus.DEAD, row.dueAt(), attempts, Optional.of(note));
        round.record(d, row, () -> {
            dead.incrementAndGet();
            LOG.warn("invitation {} moved to the dead-letter state: {}", row.id(), note);
            try {
                deadLetters.onDeadLetter(d);
            } catch (RuntimeException e) {
                LOG.warn("dead-letter listener threw {}", e.getClass().getSimpleName());
            }
        });
    }

    void defer(DispatchRound round, Invitation row, Instant until, String note) {
        round.record(row.withStatus(InvitationStatus.PENDING, until, row.attempts(), Optional.of(note)), row, deferred::incrementAndGet);
    }

    void skip(DispatchRound round, Invitation row, SkipReason reason, String detail, Instant now) {
        round.record(row.withStatus(InvitationStatus.SKIPPED, row.dueAt(), row.attempts(), Optional.of("skipped: " + reason)), row, () -> {
            round.recordSkip(new InvitationSkip(row.id(), row.surveyId(), row.contactId(), reason, detail, InvitationSkip.Stage.SEND, now));
            skipped.incrementAndGet();
        });
    }
}
