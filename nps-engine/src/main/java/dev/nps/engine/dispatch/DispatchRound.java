package dev.nps.engine.dispatch;

import dev.nps.api.Contact;
import dev.nps.api.Survey;
import dev.nps.engine.rules.Eligibility;
import dev.nps.engine.rules.RuleSnapshot;
import dev.nps.spi.DispatchStore;
import dev.nps.spi.Invitation;
import dev.nps.spi.InvitationSkip;
import dev.nps.spi.NpsStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One round's view of its claimed batch: the surveys, contacts, answered invitations and rule state, each read in
 * one store call for the whole batch, and the outcomes not yet recorded. Outcomes are written together with
 * {@link DispatchStore#updateClaimedAll} (each still fenced on its claim) when the round ends, when
 * {@code flushSize} are waiting, or when the oldest has waited {@code flushAfter}, so a slow channel does not hold
 * recorded outcomes back for a whole round. Thread-safe (the sends of a round may run in parallel).
 */
final class DispatchRound {
    private static final Logger LOG = LoggerFactory.getLogger(DispatchRound.class);

    private final DispatchStore outbox;
    private final Map<String, Optional<Survey>> surveys;
    private final Map<String, Contact> contacts;
    private final Set<String> answered;
    private final RuleSnapshot rules;
    private final int flushSize;
    private final long flushAfterNanos;
    private final Consumer<Invitation> onFencedOut;

    private final Object lock = new Object();
    private List<Pending> pending = new ArrayList<>();
    private List<InvitationSkip> skips = new ArrayList<>();
    private long oldestPendingNanos;

    /** An outcome waiting to be written; {@code onRecorded} runs once the fenced write succeeded. */
    private record Pending(Invitation updated, Invitation claimed, Runnable onRecorded) {}

    private DispatchRound(DispatchStore outbox, Map<String, Optional<Survey>> surveys, Map<String, Contact> contacts,
                          Set<String> answered, RuleSnapshot rules, int flushSize, Duration flushAfter,
                          Consumer<Invitation> onFencedOut) {
        this.outbox = outbox;
        this.surveys = surveys;
        this.contacts = contacts;
        this.answered = answered;
        this.rules = rules;
        this.flushSize = flushSize;
        this.flushAfterNanos = flushAfter.toNanos();
        this.onFencedOut = onFencedOut;
    }

    /**
     * Reads what the rules need for these claimed rows: one call per kind (surveys are few, read one by one).
     *
     * @param onFencedOut told of each outcome not recorded because another claimer took the row
     */
    static DispatchRound read(NpsStore store, DispatchStore outbox, Eligibility eligibility, Instant now, List<Invitation> claimed,
                              int flushSize, Duration flushAfter, Consumer<Invitation> onFencedOut) {
        Map<String, Optional<Survey>> surveys = new HashMap<>();
        Set<String> contactIds = new LinkedHashSet<>();
        Set<String> roots = new LinkedHashSet<>();
        for (Invitation inv : claimed) {
            surveys.computeIfAbsent(inv.surveyId(), store::findSurvey);
            contactIds.add(inv.contactId());
            roots.add(inv.rootId());
        }
        Map<String, Contact> contacts = Map.copyOf(store.findContacts(contactIds));
        Set<String> answered = Set.copyOf(store.findAnsweredInvitations(roots));
        // Sends older than the longest fatigue window of the batch's surveys cannot fatigue anyone: not read.
        Instant sentSince = now;
        for (Optional<Survey> survey : surveys.values()) {
            if (survey.isPresent()) {
                Instant since = now.minus(eligibility.fatigueWindow(survey.get()));
                sentSince = since.isBefore(sentSince) ? since : sentSince;
            }
        }
        RuleSnapshot rules = RuleSnapshot.read(outbox, contacts.values(), sentSince);
        return new DispatchRound(outbox, Map.copyOf(surveys), contacts, answered, rules, flushSize, flushAfter, onFencedOut);
    }

    Optional<Survey> survey(String surveyId) {
        return surveys.getOrDefault(surveyId, Optional.empty());
    }

    Optional<Contact> contact(String contactId) {
        return Optional.ofNullable(contacts.get(contactId));
    }

    boolean answered(String rootId) {
        return answered.contains(rootId);
    }

    RuleSnapshot rules() {
        return rules;
    }

    /** Queues a fenced outcome; {@code onRecorded} runs after it was written with the claim still held. */
    void record(Invitation updated, Invitation claimed, Runnable onRecorded) {
        boolean full;
        synchronized (lock) {
            if (pending.isEmpty()) {
                oldestPendingNanos = System.nanoTime();
            }
            pending.add(new Pending(updated, claimed, onRecorded));
            full = pending.size() >= flushSize || System.nanoTime() - oldestPendingNanos >= flushAfterNanos;
        }
        if (full) {
            flush();
        }
    }

    /** Queues a skip record, written after the outcomes of the same flush. */
    void recordSkip(InvitationSkip skip) {
        synchronized (lock) {
            skips.add(skip);
        }
    }

    /**
     * Writes the queued outcomes in one store call, then runs their follow-ups and writes the skip records they
     * queued. Never throws: when the store fails, the rows stay claimed and are taken over after their lease.
     */
    void flush() {
        List<Pending> batch;
        synchronized (lock) {
            batch = pending;
            pending = new ArrayList<>();
        }
        if (!batch.isEmpty()) {
            List<Boolean> written;
            try {
                written = outbox.updateClaimedAll(batch.stream().map(Pending::updated).toList());
            } catch (RuntimeException e) {
                LOG.warn("the outcomes of {} invitations could not be recorded ({}); they are sent again after their lease",
                        batch.size(), e.getClass().getSimpleName());
                return;
            }
            for (int i = 0; i < batch.size(); i++) {
                Pending p = batch.get(i);
                if (written.get(i)) {
                    try {
                        p.onRecorded().run();
                    } catch (RuntimeException e) {
                        LOG.warn("invitation {}: follow-up after recording failed ({})", p.claimed().id(), e.getClass().getSimpleName());
                    }
                } else {
                    onFencedOut.accept(p.claimed());
                }
            }
        }
        List<InvitationSkip> toWrite;
        synchronized (lock) {
            toWrite = skips;
            skips = new ArrayList<>();
        }
        if (!toWrite.isEmpty()) {
            try {
                outbox.recordSkips(toWrite);
            } catch (RuntimeException e) {
                LOG.warn("{} skip records could not be stored ({}); the invitations are marked skipped", toWrite.size(),
                        e.getClass().getSimpleName());
            }
        }
    }
}
