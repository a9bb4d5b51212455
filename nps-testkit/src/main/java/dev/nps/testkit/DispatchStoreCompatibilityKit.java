package dev.nps.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nps.api.ChannelName;
import dev.nps.spi.DispatchStore;
import dev.nps.spi.FatigueGuard;
import dev.nps.spi.Invitation;
import dev.nps.spi.InvitationInsert;
import dev.nps.spi.InvitationSkip;
import dev.nps.spi.InvitationStatus;
import dev.nps.spi.ResponseToken;
import dev.nps.spi.SkipReason;
import dev.nps.spi.Suppression;
import dev.nps.spi.Unsubscribe;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link DispatchStore}, the outbox: every implementation passes this kit. A backend's test is a
 * small subclass returning a fresh, empty store from {@link #createStore()}; {@link #closeStore} releases it.
 * Instants keep at least millisecond precision.
 */
public abstract class DispatchStoreCompatibilityKit {
    /** A fixed instant with whole milliseconds. */
    protected static final Instant T0 = Instant.parse("2026-01-06T10:00:00Z");

    private DispatchStore store;

    /** @return a fresh, empty store */
    protected abstract DispatchStore createStore();

    /** Releases the store (default: nothing). */
    protected void closeStore(DispatchStore store) {
    }

    @BeforeEach
    void open() {
        store = createStore();
    }

    @AfterEach
    void close() {
        closeStore(store);
    }

    private static Invitation pending(String id, String contact, String survey, Instant created, Instant due) {
        return Invitation.pending(id, "key-" + id, survey, contact, ChannelName.EMAIL, "test", created, due);
    }

    private Invitation insert(String id, String contact, Instant due) {
        Invitation inv = pending(id, contact, "s", T0, due);
        assertThat(store.insertInvitation(inv, Optional.empty()).status()).isEqualTo(InvitationInsert.Status.INSERTED);
        return inv;
    }

    @Test
    @DisplayName("an inserted invitation is found by id, key and contact, unchanged")
    void insertsAndFinds() {
        Invitation inv = insert("i-1", "c-1", T0);
        assertThat(store.findInvitation("i-1")).contains(inv);
        assertThat(store.findInvitationByKey("key-i-1")).contains(inv);
        assertThat(store.findInvitationsByContact("c-1")).containsExactly(inv);
        assertThat(store.findInvitation("nope")).isEmpty();
        assertThat(store.countInvitations(InvitationStatus.PENDING)).isEqualTo(1);
    }

    @Test
    @DisplayName("a second invitation with the same idempotency key stores nothing and returns the first")
    void duplicateKey() {
        Invitation first = insert("i-1", "c-1", T0);
        Invitation again = Invitation.pending("i-2", "key-i-1", "s", "c-1", ChannelName.SMS, "test", T0, T0);
        InvitationInsert r = store.insertInvitation(again, Optional.empty());
        assertThat(r.status()).isEqualTo(InvitationInsert.Status.DUPLICATE_KEY);
        assertThat(r.existing()).isEqualTo(first);
        assertThat(store.findInvitation("i-2")).isEmpty();
    }

    @Test
    @DisplayName("the fatigue guard blocks a recent invitation to the contact, not skipped, dead or old ones, and scopes by survey")
    void fatigueGuard() {
        Instant longAgo = T0.minus(Duration.ofDays(100));
        store.insertInvitation(pending("old", "c-1", "s", longAgo, longAgo), Optional.empty());
        Invitation skipped = pending("skipped", "c-1", "s", T0, T0).withStatus(InvitationStatus.SKIPPED, T0, 0, Optional.of("x"));
        store.insertInvitation(skipped, Optional.empty());
        FatigueGuard all = new FatigueGuard("c-1", Optional.empty(), T0.minus(Duration.ofDays(90)));
        assertThat(store.insertInvitation(pending("a", "c-1", "s", T0, T0), Optional.of(all)).status())
                .isEqualTo(InvitationInsert.Status.INSERTED);

        InvitationInsert blocked = store.insertInvitation(pending("b", "c-1", "t", T0, T0), Optional.of(all));
        assertThat(blocked.status()).isEqualTo(InvitationInsert.Status.FATIGUED);
        assertThat(blocked.existing().id()).isEqualTo("a");
        assertThat(store.findInvitation("b")).isEmpty();

        FatigueGuard perSurvey = new FatigueGuard("c-1", Optional.of("t"), T0.minus(Duration.ofDays(90)));
        assertThat(store.insertInvitation(pending("c", "c-1", "t", T0, T0), Optional.of(perSurvey)).status())
                .isEqualTo(InvitationInsert.Status.INSERTED);
        FatigueGuard other = new FatigueGuard("c-2", Optional.empty(), T0.minus(Duration.ofDays(90)));
        assertThat(store.insertInvitation(pending("d", "c-2", "s", T0, T0), Optional.of(other)).status())
                .isEqualTo(InvitationInsert.Status.INSERTED);
    }

    @Test
    @DisplayName("concurrent guarded inserts for one contact store exactly one")
    void concurrentGuardedInserts() throws Exception {
        FatigueGuard guard = new FatigueGuard("c-1", Optional.empty(), T0.minus(Duration.ofDays(90)));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<InvitationInsert.Status>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String id = "i-" + i;
            results.add(pool.submit(() -> {
                start.await();
                return store.insertInvitation(pending(id, "c-1", "s", T0, T0), Optional.of(guard)).status();
            }));
        }
        start.countDown();
        int inserted = 0;
        for (Future<InvitationInsert.Status> f : results) {
            if (f.get(30, TimeUnit.SECONDS) == InvitationInsert.Status.INSERTED) {
                inserted++;
            }
        }
        pool.shutdown();
        assertThat(inserted).isEqualTo(1);
        assertThat(store.findInvitationsByContact("c-1")).hasSize(1);
    }

    @Test
    @DisplayName("claiming takes due pending rows oldest first, up to the limit, with a lease and the next fence")
    void claims() {
        insert("later", "c-1", T0.plusSeconds(60));
        insert("b", "c-2", T0.minusSeconds(10));
        insert("a", "c-3", T0.minusSeconds(20));
        insert("c", "c-4", T0);

        List<Invitation> claimed = store.claimDue(T0, "w1", Duration.ofMinutes(2), 2, Set.of());

        assertThat(claimed).extracting(Invitation::id).containsExactly("a", "b");
        assertThat(claimed).allSatisfy(i -> {
            assertThat(i.status()).isEqualTo(InvitationStatus.CLAIMED);
            assertThat(i.leaseOwner()).contains("w1");
            assertThat(i.leaseUntil()).contains(T0.plus(Duration.ofMinutes(2)));
            assertThat(i.fence()).isEqualTo(1);
        });
        assertThat(store.findInvitation("a")).contains(claimed.get(0));
        assertThat(store.claimDue(T0, "w2", Duration.ofMinutes(2), 10, Set.of())).extracting(Invitation::id).containsExactly("c");
        assertThat(store.claimDue(T0, "w2", Duration.ofMinutes(2), 10, Set.of())).isEmpty();
    }

    @Test
    @DisplayName("claiming skips rows on excluded channels")
    void excludedChannels() {
        insert("e", "c-1", T0);
        store.insertInvitation(Invitation.pending("s", "key-s", "s", "c-2", ChannelName.SMS, "t", T0, T0), Optional.empty());
        assertThat(store.claimDue(T0, "w", Duration.ofMinutes(1), 10, Set.of(ChannelName.EMAIL))).extracting(Invitation::id)
                .containsExactly("s");
    }

    @Test
    @DisplayName("a row whose lease ran out is claimed again with a higher fence and counted as recovered")
    void expiredLease() {
        insert("a", "c-1", T0);
        Invitation first = store.claimDue(T0, "w1", Duration.ofMinutes(2), 10, Set.of()).get(0);
        assertThat(store.claimDue(T0.plusSeconds(119), "w2", Duration.ofMinutes(2), 10, Set.of())).isEmpty();

        Invitation second = store.claimDue(T0.plusSeconds(121), "w2", Duration.ofMinutes(2), 10, Set.of()).get(0);
        assertThat(second.fence()).isEqualTo(first.fence() + 1);
        assertThat(second.leaseOwner()).contains("w2");
        assertThat(second.recoveredClaims()).isEqualTo(1);
        assertThat(second.takenOver()).isTrue();
        assertThat(first.takenOver()).isFalse();
    }

    @Test
    @DisplayName("an outcome is recorded only with the current fence (a zombie cannot overwrite)")
    void fencedUpdate() {
        insert("a", "c-1", T0);
        Invitation zombie = store.claimDue(T0, "w1", Duration.ofMinutes(2), 10, Set.of()).get(0);
        Invitation current = store.claimDue(T0.plusSeconds(200), "w2", Duration.ofMinutes(2), 10, Set.of()).get(0);

        Invitation sent = current.asSent(T0.plusSeconds(201), 1, "accepted", Optional.empty());
        assertThat(store.updateClaimed(sent, current.fence())).isTrue();
        Invitation late = zombie.withStatus(InvitationStatus.FAILED, zombie.dueAt(), 1, Optional.of("permanent"));
        assertThat(store.updateClaimed(late, zombie.fence())).isFalse();
        assertThat(store.findInvitation("a")).contains(sent);
        assertThat(store.updateClaimed(sent, current.fence())).as("not claimed any more").isFalse();
    }

    @Test
    @DisplayName("outcomes of several claimed rows are recorded together, each only while its own claim holds")
    void fencedUpdatesTogether() {
        insert("b", "c-2", T0);
        Invitation zombieB = store.claimDue(T0, "w1", Duration.ofMinutes(2), 10, Set.of()).get(0);
        insert("a", "c-1", T0);
        insert("c", "c-3", T0);
        // w2 takes b over after w1's lease ran out, and claims a and c
        List<Invitation> claimed = store.claimDue(T0.plusSeconds(200), "w2", Duration.ofMinutes(2), 10, Set.of());
        assertThat(claimed).extracting(Invitation::id).containsExactlyInAnyOrder("a", "b", "c");
        Invitation a = claimed.stream().filter(i -> i.id().equals("a")).findFirst().orElseThrow();
        Invitation currentB = claimed.stream().filter(i -> i.id().equals("b")).findFirst().orElseThrow();
        Invitation c = claimed.stream().filter(i -> i.id().equals("c")).findFirst().orElseThrow();

        Invitation sentA = a.asSent(T0.plusSeconds(201), 1, "accepted", Optional.of(T0.plus(Duration.ofDays(3))));
        Invitation failedB = zombieB.withStatus(InvitationStatus.FAILED, zombieB.dueAt(), 1, Optional.of("permanent"));
        Invitation deferredC = c.withStatus(InvitationStatus.PENDING, T0.plusSeconds(600), 0, Optional.of("quiet hours"));

        assertThat(store.updateClaimedAll(List.of(sentA, failedB, deferredC))).containsExactly(true, false, true);
        assertThat(store.findInvitation("a")).contains(sentA);
        assertThat(store.findInvitation("b")).as("the zombie's outcome is not written").contains(currentB);
        assertThat(store.findInvitation("c")).contains(deferredC);
        assertThat(store.updateClaimedAll(List.of(sentA))).as("not claimed any more").containsExactly(false);
        assertThat(store.updateClaimedAll(List.of())).isEmpty();
    }

    @Test
    @DisplayName("a deferred row goes back to pending and is claimable when due")
    void deferral() {
        insert("a", "c-1", T0);
        Invitation c = store.claimDue(T0, "w", Duration.ofMinutes(2), 10, Set.of()).get(0);
        assertThat(store.updateClaimed(c.withStatus(InvitationStatus.PENDING, T0.plusSeconds(600), 0, Optional.of("quiet")), c.fence()))
                .isTrue();
        assertThat(store.claimDue(T0.plusSeconds(599), "w", Duration.ofMinutes(2), 10, Set.of())).isEmpty();
        assertThat(store.claimDue(T0.plusSeconds(600), "w", Duration.ofMinutes(2), 10, Set.of())).hasSize(1);
    }

    @Test
    @DisplayName("requeue puts dead and failed rows back, nothing else")
    void requeue() {
        insert("a", "c-1", T0);
        insert("b", "c-2", T0);
        List<Invitation> c = store.claimDue(T0, "w", Duration.ofMinutes(2), 10, Set.of());
        store.updateClaimed(c.get(0).withStatus(InvitationStatus.DEAD, T0, 8, Optional.of("dead")), c.get(0).fence());
        store.updateClaimed(c.get(1).asSent(T0, 1, "ok", Optional.empty()), c.get(1).fence());

        assertThat(store.findInvitations(InvitationStatus.DEAD, 10)).extracting(Invitation::id).containsExactly("a");
        assertThat(store.requeue("a", T0.plusSeconds(5))).isTrue();
        assertThat(store.requeue("b", T0)).isFalse();
        assertThat(store.requeue("missing", T0)).isFalse();
        assertThat(store.findInvitation("a")).get().satisfies(i -> {
            assertThat(i.status()).isEqualTo(InvitationStatus.PENDING);
            assertThat(i.attempts()).isZero();
            assertThat(i.dueAt()).isEqualTo(T0.plusSeconds(5));
        });
    }

    @Test
    @DisplayName("sent rows with a due next reminder are listed until cleared")
    void reminders() {
        insert("a", "c-1", T0);
        Invitation c = store.claimDue(T0, "w", Duration.ofMinutes(2), 10, Set.of()).get(0);
        store.updateClaimed(c.asSent(T0, 1, "ok", Optional.of(T0.plus(Duration.ofDays(3)))), c.fence());
        assertThat(store.findRemindersDue(T0.plus(Duration.ofDays(2)), 10)).isEmpty();
        assertThat(store.findRemindersDue(T0.plus(Duration.ofDays(3)), 10)).extracting(Invitation::id).containsExactly("a");
        store.clearNextReminder("a");
        assertThat(store.findRemindersDue(T0.plus(Duration.ofDays(4)), 10)).isEmpty();
        assertThat(store.findInvitation("a").get().nextReminderAt()).isEmpty();
    }

    @Test
    @DisplayName("concurrent claimers never get the same row")
    void concurrentClaims() throws Exception {
        int n = 2_000;
        for (int i = 0; i < n; i++) {
            store.insertInvitation(pending("i-" + i, "c-" + i, "s", T0, T0), Optional.empty());
        }
        Set<String> seen = ConcurrentHashMap.newKeySet();
        AtomicInteger doubles = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            String owner = "w" + t;
            futures.add(pool.submit(() -> {
                List<Invitation> batch;
                while (!(batch = store.claimDue(T0, owner, Duration.ofMinutes(5), 25, Set.of())).isEmpty()) {
                    batch.forEach(i -> {
                        if (!seen.add(i.id())) {
                            doubles.incrementAndGet();
                        }
                    });
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(seen).hasSize(n);
        assertThat(doubles).hasValue(0);
    }

    @Test
    @DisplayName("skip records are kept per contact and listed newest first")
    void skips() {
        store.recordSkip(new InvitationSkip("i-1", "s", "c-1", SkipReason.FATIGUE, "d", InvitationSkip.Stage.CREATION, T0));
        store.recordSkip(new InvitationSkip("i-2", "s", "c-2", SkipReason.SUPPRESSED, "d", InvitationSkip.Stage.SEND, T0.plusSeconds(1)));
        assertThat(store.findSkips("c-1")).extracting(InvitationSkip::invitationId).containsExactly("i-1");
        assertThat(store.recentSkips(1)).extracting(InvitationSkip::invitationId).containsExactly("i-2");
    }

    @Test
    @DisplayName("skip records of a batch are stored together, each kept per contact")
    void skipsTogether() {
        store.recordSkips(List.of(
                new InvitationSkip("i-1", "s", "c-1", SkipReason.UNSUBSCRIBED, "d", InvitationSkip.Stage.SEND, T0),
                new InvitationSkip("i-2", "s", "c-2", SkipReason.FATIGUE, "d", InvitationSkip.Stage.SEND, T0),
                new InvitationSkip("i-3", "s", "c-1", SkipReason.SUPPRESSED, "d", InvitationSkip.Stage.SEND, T0.plusSeconds(1))));
        store.recordSkips(List.of());
        assertThat(store.findSkips("c-1")).extracting(InvitationSkip::invitationId).containsExactly("i-1", "i-3");
        assertThat(store.findSkips("c-2")).extracting(InvitationSkip::reason).containsExactly(SkipReason.FATIGUE);
    }

    @Test
    @DisplayName("unsubscribes and suppressions of several contacts are found at once exactly as one by one")
    void batchLookupsMatchSingleOnes() {
        store.unsubscribe(new Unsubscribe("c-1", Optional.of("s"), T0));
        store.unsubscribe(new Unsubscribe("c-1", Optional.empty(), T0));
        store.unsubscribe(new Unsubscribe("c-3", Optional.of("t"), T0));
        store.suppress(new Suppression("Ann@Example.com", "bounce", T0));
        store.suppress(new Suppression("+41790000000", "stop", T0));
        List<String> contacts = List.of("c-1", "c-2", "c-3", "c-9", "c-1");

        assertThat(store.findUnsubscribesByContacts(contacts)).containsOnlyKeys("c-1", "c-3");
        assertThat(store.findUnsubscribesByContacts(contacts).get("c-1"))
                .containsExactlyInAnyOrderElementsOf(store.findUnsubscribes("c-1"));
        assertThat(store.findUnsubscribesByContacts(contacts).get("c-3")).isEqualTo(store.findUnsubscribes("c-3"));
        assertThat(store.findSuppressions(List.of("ann@example.COM", "+41790000000", "bob@example.com")))
                .isEqualTo(Map.of("ann@example.com", store.findSuppression("ann@example.com").orElseThrow(),
                        "+41790000000", store.findSuppression("+41790000000").orElseThrow()));
        assertThat(store.findUnsubscribesByContacts(List.of())).isEmpty();
        assertThat(store.findSuppressions(List.of())).isEmpty();
    }

    @Test
    @DisplayName("suppressions compare addresses case-insensitively and can be removed")
    void suppressions() {
        store.suppress(new Suppression("Ann@Example.com", "bounce", T0));
        assertThat(store.findSuppression("ann@example.COM")).get().extracting(Suppression::reason).isEqualTo("bounce");
        assertThat(store.unsuppress("ANN@example.com")).isTrue();
        assertThat(store.findSuppression("ann@example.com")).isEmpty();
        assertThat(store.unsuppress("ann@example.com")).isFalse();
    }

    @Test
    @DisplayName("unsubscribes are idempotent per survey; resubscribing to all removes every one")
    void unsubscribes() {
        store.unsubscribe(new Unsubscribe("c-1", Optional.of("a"), T0));
        store.unsubscribe(new Unsubscribe("c-1", Optional.of("a"), T0.plusSeconds(1)));
        store.unsubscribe(new Unsubscribe("c-1", Optional.empty(), T0));
        assertThat(store.findUnsubscribes("c-1")).hasSize(2);
        assertThat(store.resubscribe("c-1", Optional.of("a"))).isTrue();
        assertThat(store.findUnsubscribes("c-1")).singleElement().satisfies(u -> assertThat(u.surveyId()).isEmpty());
        assertThat(store.resubscribe("c-1", Optional.empty())).isTrue();
        assertThat(store.findUnsubscribes("c-1")).isEmpty();
    }

    private Invitation sent(String id, String contact, String survey, ChannelName channel, Instant created, Instant sentAt) {
        Invitation inv = Invitation.pending(id, "key-" + id, survey, contact, channel, "test", created, created);
        store.insertInvitation(inv, Optional.empty());
        Invitation c = store.claimDue(sentAt, "w", Duration.ofMinutes(2), 100, Set.of()).stream()
                .filter(i -> i.id().equals(id)).findFirst().orElseThrow();
        store.updateClaimed(c.asSent(sentAt, 1, "ok", Optional.empty()), c.fence());
        return store.findInvitation(id).orElseThrow();
    }

    @Test
    @DisplayName("sent invitations of some contacts on one channel are listed newest sent first, from a given time")
    void sentInvitations() {
        sent("old", "c-1", "s", ChannelName.SMS, T0, T0.plusSeconds(10));
        sent("new", "c-1", "t", ChannelName.SMS, T0, T0.plusSeconds(30));
        sent("other", "c-2", "s", ChannelName.SMS, T0, T0.plusSeconds(20));
        sent("mail", "c-1", "s", ChannelName.EMAIL, T0, T0.plusSeconds(40));
        sent("stranger", "c-3", "s", ChannelName.SMS, T0, T0.plusSeconds(50));
        insert("pending", "c-1", T0.plus(Duration.ofDays(1)));

        assertThat(store.findSentInvitations(List.of("c-1", "c-2"), ChannelName.SMS, T0))
                .extracting(Invitation::id).containsExactly("new", "other", "old");
        assertThat(store.findSentInvitations(List.of("c-1", "c-2"), ChannelName.SMS, T0.plusSeconds(20)))
                .extracting(Invitation::id).containsExactly("new", "other");
        assertThat(store.findSentInvitations(List.of("c-9"), ChannelName.SMS, T0)).isEmpty();
    }

    @Test
    @DisplayName("sent invitations of several contacts on every channel are found at once, oldest sent first, from a given time")
    void sentInvitationsOfSeveralContacts() {
        Invitation old = sent("old", "c-1", "s", ChannelName.EMAIL, T0, T0.plusSeconds(10));
        Invitation sms = sent("sms", "c-1", "t", ChannelName.SMS, T0, T0.plusSeconds(30));
        Invitation newer = sent("newer", "c-1", "s", ChannelName.EMAIL, T0, T0.plusSeconds(20));
        Invitation other = sent("other", "c-2", "s", ChannelName.EMAIL, T0, T0.plusSeconds(40));
        sent("stranger", "c-3", "s", ChannelName.EMAIL, T0, T0.plusSeconds(50));
        insert("pending", "c-1", T0.plus(Duration.ofDays(1)));

        assertThat(store.findSentInvitationsByContacts(List.of("c-1", "c-2", "c-9"), T0))
                .isEqualTo(Map.of("c-1", List.of(old, newer, sms), "c-2", List.of(other)));
        assertThat(store.findSentInvitationsByContacts(List.of("c-1", "c-2"), T0.plusSeconds(20)))
                .isEqualTo(Map.of("c-1", List.of(newer, sms), "c-2", List.of(other)));
        assertThat(store.findSentInvitationsByContacts(List.of(), T0)).isEmpty();
    }

    @Test
    @DisplayName("invitations created or sent in a period are listed, of one survey or all")
    void invitationsBetween() {
        Instant day = T0.plus(Duration.ofDays(1));
        sent("before-sent-in", "c-1", "s", ChannelName.EMAIL, T0.minus(Duration.ofDays(1)), day.plusSeconds(5));
        sent("in-sent-after", "c-2", "s", ChannelName.EMAIL, day.plusSeconds(1), day.plus(Duration.ofDays(2)));
        store.insertInvitation(pending("in-pending", "c-3", "t", day.plusSeconds(2), day.plusSeconds(2)), Optional.empty());
        store.insertInvitation(pending("after", "c-4", "s", day.plus(Duration.ofDays(1)), day.plus(Duration.ofDays(1))),
                Optional.empty());
        store.insertInvitation(pending("before", "c-5", "s", T0, T0.plus(Duration.ofDays(5))), Optional.empty());

        Instant to = day.plus(Duration.ofDays(1));
        assertThat(store.findInvitationsBetween(Optional.empty(), day, to)).extracting(Invitation::id)
                .containsExactlyInAnyOrder("before-sent-in", "in-sent-after", "in-pending");
        assertThat(store.findInvitationsBetween(Optional.of("s"), day, to)).extracting(Invitation::id)
                .containsExactlyInAnyOrder("before-sent-in", "in-sent-after");
    }

    @Test
    @DisplayName("response tokens are found by their hash")
    void tokens() {
        ResponseToken t = new ResponseToken("a".repeat(64), "i-1", "s", "c-1", T0.plus(Duration.ofDays(30)));
        store.saveToken(t);
        assertThat(store.findToken("a".repeat(64))).contains(t);
        assertThat(store.findToken("b".repeat(64))).isEmpty();
    }
}
