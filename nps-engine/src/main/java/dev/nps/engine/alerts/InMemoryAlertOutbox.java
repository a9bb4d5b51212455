package dev.nps.engine.alerts;

import dev.nps.api.NpsException;
import dev.nps.spi.AlertOutbox;
import dev.nps.spi.OutboxEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An {@link AlertOutbox} in memory: nothing survives the process. Delivered entries are kept (up to a bound)
 * for de-duplication. Thread-safe.
 *
 * @since 0.1
 */
public final class InMemoryAlertOutbox implements AlertOutbox {
    /** Delivered entries kept for de-duplication before the oldest are forgotten. {@value} */
    public static final int DELIVERED_KEPT = 100_000;

    private final Map<String, OutboxEntry> entries = new LinkedHashMap<>();
    private int delivered;

    @Override
    public synchronized boolean add(OutboxEntry entry) {
        Objects.requireNonNull(entry, "entry");
        if (entry.state() != OutboxEntry.State.PENDING) {
            throw NpsException.invalid("entry.state", "a new entry must be PENDING (got " + entry.state() + ")");
        }
        if (entries.containsKey(entry.id())) {
            return false;
        }
        entries.put(entry.id(), entry);
        return true;
    }

    @Override
    public synchronized List<OutboxEntry> claimDue(Instant now, Instant leaseUntil, int limit) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(leaseUntil, "leaseUntil");
        requireLimit(limit, 1000);
        if (!leaseUntil.isAfter(now)) {
            throw NpsException.invalid("leaseUntil", "must be after now (got " + leaseUntil + " at " + now + ")");
        }
        List<OutboxEntry> due = entries.values().stream()
                .filter(e -> e.state() == OutboxEntry.State.PENDING && !e.nextAttemptAt().isAfter(now))
                .sorted(Comparator.comparing(OutboxEntry::nextAttemptAt))
                .limit(limit).toList();
        List<OutboxEntry> claimed = new ArrayList<>();
        for (OutboxEntry e : due) {
            OutboxEntry c = e.claimed(leaseUntil);
            entries.put(e.id(), c);
            claimed.add(c);
        }
        return claimed;
    }

    @Override
    public synchronized boolean delivered(OutboxEntry claim, int attempts, Instant at) {
        if (!settle(claim, claim.with(OutboxEntry.State.DELIVERED, attempts, Objects.requireNonNull(at, "at"), Optional.empty()))) {
            return false;
        }
        if (++delivered > DELIVERED_KEPT) {
            // Forget the oldest half of the delivered entries (insertion order); pending and dead ones stay.
            Iterator<OutboxEntry> it = entries.values().iterator();
            while (delivered > DELIVERED_KEPT / 2 && it.hasNext()) {
                if (it.next().state() == OutboxEntry.State.DELIVERED) {
                    it.remove();
                    delivered--;
                }
            }
        }
        return true;
    }

    @Override
    public synchronized boolean retryAt(OutboxEntry claim, int attempts, Instant next, String reason) {
        return settle(claim, claim.with(OutboxEntry.State.PENDING, attempts, Objects.requireNonNull(next, "next"),
                Optional.of(Objects.requireNonNull(reason, "reason"))));
    }

    @Override
    public synchronized boolean dead(OutboxEntry claim, int attempts, Instant at, String reason) {
        return settle(claim, claim.with(OutboxEntry.State.DEAD, attempts, Objects.requireNonNull(at, "at"),
                Optional.of(Objects.requireNonNull(reason, "reason"))));
    }

    /** Writes the outcome only while the claim's fence is current and the entry still pending. */
    private boolean settle(OutboxEntry claim, OutboxEntry outcome) {
        Objects.requireNonNull(claim, "claim");
        if (outcome.attempts() < 1) {
            throw NpsException.invalid("attempts", "must be at least 1 after an attempt (got " + outcome.attempts() + ")");
        }
        OutboxEntry current = entries.get(claim.id());
        if (current == null || current.fence() != claim.fence() || current.state() != OutboxEntry.State.PENDING) {
            return false;
        }
        entries.put(claim.id(), outcome);
        return true;
    }

    @Override
    public synchronized boolean requeue(String entryId, Instant now) {
        OutboxEntry e = entries.get(Objects.requireNonNull(entryId, "entryId"));
        if (e == null || e.state() != OutboxEntry.State.DEAD) {
            return false;
        }
        entries.put(entryId, e.claimed(Objects.requireNonNull(now, "now")).with(OutboxEntry.State.PENDING, 0, now, e.lastError()));
        return true;
    }

    @Override
    public synchronized Optional<OutboxEntry> find(String entryId) {
        return Optional.ofNullable(entries.get(Objects.requireNonNull(entryId, "entryId")));
    }

    @Override
    public synchronized List<OutboxEntry> list(OutboxEntry.State state, int limit) {
        Objects.requireNonNull(state, "state");
        requireLimit(limit, DEFAULT_LIST_LIMIT);
        return entries.values().stream().filter(e -> e.state() == state)
                .sorted(Comparator.comparing(OutboxEntry::createdAt)).limit(limit).toList();
    }

    @Override
    public synchronized long count(OutboxEntry.State state) {
        Objects.requireNonNull(state, "state");
        return entries.values().stream().filter(e -> e.state() == state).count();
    }

    @Override
    public synchronized int forgetDelivered(Instant deliveredBefore) {
        Objects.requireNonNull(deliveredBefore, "deliveredBefore");
        int forgotten = 0;
        for (Iterator<OutboxEntry> it = entries.values().iterator(); it.hasNext(); ) {
            OutboxEntry e = it.next();
            if (e.state() == OutboxEntry.State.DELIVERED && e.nextAttemptAt().isBefore(deliveredBefore)) {
                it.remove();
                delivered--;
                forgotten++;
            }
        }
        return forgotten;
    }

    static void requireLimit(int limit, int max) {
        if (limit < 1 || limit > max) {
            throw NpsException.invalid("limit", "must be 1.." + max + " (got " + limit + ")");
        }
    }

    @Override
    public synchronized String toString() {
        return "InMemoryAlertOutbox[" + entries.size() + " entries]";
    }
}
