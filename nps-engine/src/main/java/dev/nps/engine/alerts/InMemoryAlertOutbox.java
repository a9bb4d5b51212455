package dev.nps.engine.alerts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
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
        if (entries.containsKey(entry.id())) {
            return false;
        }
        entries.put(entry.id(), entry);
        return true;
    }

    @Override
    public synchronized List<OutboxEntry> claimDue(Instant now, Instant leaseUntil, int limit) {
        List<OutboxEntry> due = entries.values().stream()
                .filter(e -> e.state() == OutboxEntry.State.PENDING && !e.nextAttemptAt().isAfter(now))
                .sorted(Comparator.comparing(OutboxEntry::nextAttemptAt))
                .limit(limit).toList();
        List<OutboxEntry> claimed = new ArrayList<>();
        for (OutboxEntry e : due) {
            OutboxEntry c = e.with(OutboxEntry.State.PENDING, e.attempts(), leaseUntil, e.lastError());
            entries.put(e.id(), c);
            claimed.add(c);
        }
        return claimed;
    }

    @Override
    public synchronized void delivered(String entryId, int attempts, Instant at) {
        update(entryId, e -> e.with(OutboxEntry.State.DELIVERED, attempts, at, Optional.empty()));
        if (++delivered > DELIVERED_KEPT) {
            // Forget the oldest half of the delivered entries (insertion order); pending and dead ones stay.
            java.util.Iterator<OutboxEntry> it = entries.values().iterator();
            while (delivered > DELIVERED_KEPT / 2 && it.hasNext()) {
                if (it.next().state() == OutboxEntry.State.DELIVERED) {
                    it.remove();
                    delivered--;
                }
            }
        }
    }

    @Override
    public synchronized void retryAt(String entryId, int attempts, Instant next, String reason) {
        update(entryId, e -> e.with(OutboxEntry.State.PENDING, attempts, next, Optional.of(reason)));
    }

    @Override
    public synchronized void dead(String entryId, int attempts, Instant at, String reason) {
        update(entryId, e -> e.with(OutboxEntry.State.DEAD, attempts, at, Optional.of(reason)));
    }

    @Override
    public synchronized boolean requeue(String entryId, Instant now) {
        OutboxEntry e = entries.get(Objects.requireNonNull(entryId, "entryId"));
        if (e == null || e.state() != OutboxEntry.State.DEAD) {
            return false;
        }
        entries.put(entryId, e.with(OutboxEntry.State.PENDING, 0, now, e.lastError()));
        return true;
    }

    @Override
    public synchronized Optional<OutboxEntry> find(String entryId) {
        return Optional.ofNullable(entries.get(entryId));
    }

    @Override
    public synchronized List<OutboxEntry> list(OutboxEntry.State state) {
        return entries.values().stream().filter(e -> e.state() == state).sorted(Comparator.comparing(OutboxEntry::createdAt)).toList();
    }

    private void update(String id, java.util.function.UnaryOperator<OutboxEntry> change) {
        OutboxEntry e = entries.get(id);
        if (e != null) {
            entries.put(id, change.apply(e));
        }
    }

    @Override
    public synchronized String toString() {
        return "InMemoryAlertOutbox[" + entries.size() + " entries]";
    }
}
