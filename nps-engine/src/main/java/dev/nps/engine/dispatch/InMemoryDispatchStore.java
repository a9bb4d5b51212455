package dev.nps.engine.dispatch;

import dev.nps.api.ChannelName;
import dev.nps.api.NpsException;
import dev.nps.api.internal.Checks;
import dev.nps.spi.DispatchStore;
import dev.nps.spi.FatigueGuard;
import dev.nps.spi.Invitation;
import dev.nps.spi.InvitationInsert;
import dev.nps.spi.InvitationSkip;
import dev.nps.spi.InvitationStatus;
import dev.nps.spi.ResponseToken;
import dev.nps.spi.Suppression;
import dev.nps.spi.Unsubscribe;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@link DispatchStore} in memory, for tests, demos and single-instance hosts that accept losing the outbox on
 * restart. Thread-safe: every operation runs under one lock, so each is atomic, and claims use ordered indexes
 * of the due and leased rows instead of scanning everything.
 *
 * @since 0.1
 */
public final class InMemoryDispatchStore implements DispatchStore {

    private record Slot(Instant at, String id) {}

    private static final Comparator<Slot> ORDER = Comparator.comparing(Slot::at).thenComparing(Slot::id);

    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, Invitation> byId = new HashMap<>();
    private final Map<String, String> idByKey = new HashMap<>();
    private final Map<String, List<String>> idsByContact = new HashMap<>();
    private final NavigableSet<Slot> pending = new TreeSet<>(ORDER);
    private final NavigableSet<Slot> leases = new TreeSet<>(ORDER);
    private final NavigableSet<Slot> reminders = new TreeSet<>(ORDER);
    private final Map<InvitationStatus, Long> counts = new HashMap<>();
    private final List<InvitationSkip> skips = new ArrayList<>();
    private final Map<String, Suppression> suppressions = new HashMap<>();
    private final Map<String, List<Unsubscribe>> unsubscribes = new HashMap<>();
    private final Map<String, ResponseToken> tokens = new HashMap<>();

    @Override
    public InvitationInsert insertInvitation(Invitation invitation, Optional<FatigueGuard> guard) {
        Checks.notNull(invitation, "invitation");
        Checks.notNull(guard, "guard");
        lock.lock();
        try {
            String existingId = idByKey.get(invitation.idempotencyKey());
            if (existingId != null) {
                return new InvitationInsert(InvitationInsert.Status.DUPLICATE_KEY, byId.get(existingId));
            }
            if (byId.containsKey(invitation.id())) {
                throw new NpsException(dev.nps.api.ErrorCode.CONFLICT, "invitation.id: '" + invitation.id() + "' exists with another idempotency key");
            }
            if (guard.isPresent()) {
                for (String id : idsByContact.getOrDefault(guard.get().contactId(), List.of())) {
                    Invitation other = byId.get(id);
                    if (guard.get().blockedBy(other)) {
                        return new InvitationInsert(InvitationInsert.Status.FATIGUED, other);
                    }
                }
            }
            idByKey.put(invitation.idempotencyKey(), invitation.id());
            idsByContact.computeIfAbsent(invitation.contactId(), k -> new ArrayList<>()).add(invitation.id());
            put(null, invitation);
            return new InvitationInsert(InvitationInsert.Status.INSERTED, invitation);
        } finally {
            lock.unlock();
        }
    }

    /** Replaces a row and keeps the indexes in step; caller holds the lock. */
    private void put(Invitation old, Invitation now) {
        if (old != null) {
            pending.remove(new Slot(old.dueAt(), old.id()));
            old.leaseUntil().ifPresent(l -> leases.remove(new Slot(l, old.id())));
            old.nextReminderAt().ifPresent(r -> reminders.remove(new Slot(r, old.id())));
            counts.merge(old.status(), -1L, Long::sum);
        }
        byId.put(now.id(), now);
        counts.merge(now.status(), 1L, Long::sum);
        if (now.status() == InvitationStatus.PENDING) {
            pending.add(new Slot(now.dueAt(), now.id()));
        } else if (now.status() == InvitationStatus.CLAIMED) {
            leases.add(new Slot(now.leaseUntil().orElseThrow(), now.id()));
        }
        if (now.status() == InvitationStatus.SENT) {
            now.nextReminderAt().ifPresent(r -> reminders.add(new Slot(r, now.id())));
        }
    }

    @Override
    public Optional<Invitation> findInvitation(String invitationId) {
        lock.lock();
        try {
            return Optional.ofNullable(byId.get(invitationId));
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Optional<Invitation> findInvitationByKey(String idempotencyKey) {
        lock.lock();
        try {
            return Optional.ofNullable(idByKey.get(idempotencyKey)).map(byId::get);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<Invitation> findInvitationsByContact(String contactId) {
        lock.lock();
        try {
            return idsByContact.getOrDefault(contactId, List.of()).stream().map(byId::get).toList();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<Invitation> findInvitations(InvitationStatus status, int limit) {
        Checks.notNull(status, "status");
        lock.lock();
        try {
            return byId.values().stream().filter(i -> i.status() == status)
                    .sorted(Comparator.comparing(Invitation::dueAt).thenComparing(Invitation::id)).limit(limit).toList();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long countInvitations(InvitationStatus status) {
        lock.lock();
        try {
            return counts.getOrDefault(status, 0L);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<Invitation> claimDue(Instant now, String owner, Duration lease, int limit, Set<ChannelName> excludedChannels) {
        Checks.notNull(now, "now");
        Checks.notBlank(owner, "owner");
        Checks.notNull(lease, "lease");
        Set<ChannelName> excluded = Set.copyOf(excludedChannels);
        Instant until = now.plus(lease);
        List<Invitation> claimed = new ArrayList<>(Math.min(limit, 1024));
        lock.lock();
        try {
            // Expired leases first: they are the oldest work.
            collect(leases, now, owner, until, limit, excluded, claimed);
            collect(pending, now, owner, until, limit, excluded, claimed);
            return claimed;
        } finally {
            lock.unlock();
        }
    }

    private void collect(NavigableSet<Slot> index, Instant now, String owner, Instant until, int limit, Set<ChannelName> excluded,
                         List<Invitation> out) {
        List<Invitation> picked = new ArrayList<>();
        for (Iterator<Slot> it = index.iterator(); it.hasNext() && out.size() + picked.size() < limit; ) {
            Slot s = it.next();
            // Leases are ordered by their end: the first unexpired one ends the scan; pending rows by due time likewise.
            if (index == leases ? !s.at().isBefore(now) : s.at().isAfter(now)) {
                break;
            }
            Invitation inv = byId.get(s.id());
            if (!excluded.contains(inv.channel())) {
                picked.add(inv);
            }
        }
        for (Invitation inv : picked) {
            Invitation c = inv.claimedBy(owner, until);
            put(inv, c);
            out.add(c);
        }
    }

    @Override
    public boolean updateClaimed(Invitation updated, long fence) {
        Checks.notNull(updated, "updated");
        if (updated.fence() != fence) {
            throw NpsException.invalid("updated.fence", "must equal the claim's fence " + fence + " (got " + updated.fence() + ")");
        }
        lock.lock();
        try {
            Invitation current = byId.get(updated.id());
            if (current == null || current.status() != InvitationStatus.CLAIMED || current.fence() != fence) {
                return false;
            }
            put(current, updated);
            return true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean requeue(String invitationId, Instant dueAt) {
        Checks.notNull(dueAt, "dueAt");
        lock.lock();
        try {
            Invitation current = byId.get(invitationId);
            if (current == null || (current.status() != InvitationStatus.DEAD && current.status() != InvitationStatus.FAILED)) {
                return false;
            }
            put(current, current.withStatus(InvitationStatus.PENDING, dueAt, 0, Optional.of("requeued")));
            return true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<Invitation> findRemindersDue(Instant now, int limit) {
        lock.lock();
        try {
            List<Invitation> out = new ArrayList<>();
            for (Slot s : reminders) {
                if (s.at().isAfter(now) || out.size() >= limit) {
                    break;
                }
                out.add(byId.get(s.id()));
            }
            return out;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void clearNextReminder(String invitationId) {
        lock.lock();
        try {
            Invitation current = byId.get(invitationId);
            if (current != null && current.nextReminderAt().isPresent()) {
                put(current, current.withoutNextReminder());
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void recordSkip(InvitationSkip skip) {
        Checks.notNull(skip, "skip");
        lock.lock();
        try {
            skips.add(skip);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<InvitationSkip> findSkips(String contactId) {
        lock.lock();
        try {
            return skips.stream().filter(s -> s.contactId().equals(contactId)).toList();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<InvitationSkip> recentSkips(int limit) {
        lock.lock();
        try {
            List<InvitationSkip> out = new ArrayList<>();
            for (int i = skips.size() - 1; i >= 0 && out.size() < limit; i--) {
                out.add(skips.get(i));
            }
            return out;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void suppress(Suppression suppression) {
        Checks.notNull(suppression, "suppression");
        lock.lock();
        try {
            suppressions.put(suppression.address(), suppression);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean unsuppress(String address) {
        String key = Suppression.normalize(address);
        lock.lock();
        try {
            return suppressions.remove(key) != null;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Optional<Suppression> findSuppression(String address) {
        String key = Suppression.normalize(address);
        lock.lock();
        try {
            return Optional.ofNullable(suppressions.get(key));
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void unsubscribe(Unsubscribe unsubscribe) {
        Checks.notNull(unsubscribe, "unsubscribe");
        lock.lock();
        try {
            List<Unsubscribe> list = unsubscribes.computeIfAbsent(unsubscribe.contactId(), k -> new ArrayList<>());
            list.removeIf(u -> u.surveyId().equals(unsubscribe.surveyId()));
            list.add(unsubscribe);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean resubscribe(String contactId, Optional<String> surveyId) {
        Checks.notNull(surveyId, "surveyId");
        lock.lock();
        try {
            List<Unsubscribe> list = unsubscribes.get(contactId);
            if (list == null) {
                return false;
            }
            return surveyId.isEmpty() ? !list.isEmpty() && list.removeAll(List.copyOf(list))
                    : list.removeIf(u -> u.surveyId().equals(surveyId));
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<Unsubscribe> findUnsubscribes(String contactId) {
        lock.lock();
        try {
            return List.copyOf(unsubscribes.getOrDefault(contactId, List.of()));
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void saveToken(ResponseToken token) {
        Checks.notNull(token, "token");
        lock.lock();
        try {
            tokens.put(token.hash(), token);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Optional<ResponseToken> findToken(String hash) {
        lock.lock();
        try {
            return Optional.ofNullable(tokens.get(hash));
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "InMemoryDispatchStore";
    }
}
