package dev.nps.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nps.api.ChannelName;
import dev.nps.api.Contact;
import dev.nps.api.Survey;
import dev.nps.engine.NpsEngine;
import dev.nps.engine.dispatch.DispatchStats;
import dev.nps.engine.dispatch.Dispatcher;
import dev.nps.spi.Delivery;
import dev.nps.spi.DispatchStore;
import dev.nps.spi.Invitation;
import dev.nps.spi.InvitationStatus;
import dev.nps.testkit.RecordingChannel;
import dev.nps.testkit.SettableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two engines, each on its own {@link JdbcStore} and pool, as two application instances would be, share one
 * database and dispatch from the durable outbox through recording channels. The engines find the outbox
 * themselves: the JDBC store is a {@link DispatchStore}.
 */
abstract class OutboxAcrossInstances {
    private static final int INVITATIONS = 10_000;
    private static final int THREADS_PER_ENGINE = 2;
    /** A Tuesday 10:00 UTC: outside the default quiet hours of contacts in UTC. */
    private static final Instant T0 = Instant.parse("2026-01-06T10:00:00Z");

    @TempDir
    Path dir;

    abstract TestDatabase.Kind kind();

    /** Thrown by a channel to stand for the process dying mid-round: nothing after it runs. */
    private static final class Crash extends Error {
        Crash() {
            super("simulated crash", null, false, false);
        }
    }

    private static NpsEngine engine(JdbcStore store, RecordingChannel channel, SettableClock clock) {
        return NpsEngine.builder().store(store).channel(channel).clock(clock).discoverProviders(false).build();
    }

    private static void seed(JdbcStore store, int contacts, ExecutorService pool) throws Exception {
        store.saveSurvey(Survey.builder("s").channels(List.of(ChannelName.EMAIL)).build());
        List<Future<?>> futures = new ArrayList<>();
        int slices = 4;
        for (int s = 0; s < slices; s++) {
            int slice = s;
            futures.add(pool.submit(() -> {
                for (int i = slice; i < contacts; i += slices) {
                    store.upsertContact(Contact.of("c-" + i).email("c" + i + "@example.com").build());
                    store.insertInvitation(Invitation.pending("i-" + i, "k-" + i, "s", "c-" + i, ChannelName.EMAIL, "test", T0, T0),
                            Optional.empty());
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get(10, TimeUnit.MINUTES);
        }
    }

    @Test
    void twoEnginesSendEveryDueInvitationExactlyOnce() throws Exception {
        SettableClock clock = new SettableClock(T0);
        ExecutorService pool = Executors.newFixedThreadPool(2 * THREADS_PER_ENGINE);
        try (TestDatabase db = TestDatabase.create(kind(), dir);
             JdbcStore a = db.store().poolSize(4).clock(clock).build();
             JdbcStore b = db.store().poolSize(4).clock(clock).build()) {
            seed(a, INVITATIONS, pool);
            RecordingChannel channelA = RecordingChannel.email();
            RecordingChannel channelB = RecordingChannel.email();
            try (NpsEngine engineA = engine(a, channelA, clock); NpsEngine engineB = engine(b, channelB, clock)) {
                assertThat(engineA.dispatch().outbox()).isSameAs(a);
                List<Future<?>> workers = new ArrayList<>();
                for (int t = 0; t < 2 * THREADS_PER_ENGINE; t++) {
                    NpsEngine engine = t % 2 == 0 ? engineA : engineB;
                    DispatchStore outbox = t % 2 == 0 ? a : b;
                    workers.add(pool.submit(() -> drain(engine, outbox)));
                }
                for (Future<?> f : workers) {
                    f.get(10, TimeUnit.MINUTES);
                }

                Map<String, Integer> sends = new HashMap<>();
                for (Delivery d : concat(channelA.deliveries(), channelB.deliveries())) {
                    sends.merge(d.invitationId(), 1, Integer::sum);
                }
                assertThat(sends).hasSize(INVITATIONS);
                assertThat(sends.values()).allMatch(n -> n == 1);
                assertThat(channelA.deliveries()).isNotEmpty();
                assertThat(channelB.deliveries()).isNotEmpty();
                assertThat(a.countInvitations(InvitationStatus.SENT)).isEqualTo(INVITATIONS);
                DispatchStats sa = engineA.dispatch().dispatcher().stats();
                DispatchStats sb = engineB.dispatch().dispatcher().stats();
                assertThat(sa.sent() + sb.sent()).isEqualTo(INVITATIONS);
                assertThat(sa.fencedOut() + sb.fencedOut()).isZero();
                assertThat(sa.takenOver() + sb.takenOver()).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs rounds until nothing is pending or claimed (a round may come back empty while the other engine holds rows). */
    private static void drain(NpsEngine engine, DispatchStore outbox) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(8);
        while (System.nanoTime() < deadline) {
            if (engine.dispatch().runOnce() == 0 && outbox.countInvitations(InvitationStatus.PENDING) == 0
                    && outbox.countInvitations(InvitationStatus.CLAIMED) == 0) {
                return;
            }
        }
        throw new AssertionError("the outbox was not drained in time");
    }

    private static <T> List<T> concat(List<T> x, List<T> y) {
        List<T> all = new ArrayList<>(x);
        all.addAll(y);
        return all;
    }

    @Test
    void aRowClaimedByAWorkerThatDiedBeforeSendingIsSentAfterItsLease() throws Exception {
        SettableClock clock = new SettableClock(T0);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (TestDatabase db = TestDatabase.create(kind(), dir);
             JdbcStore a = db.store().poolSize(2).clock(clock).build();
             JdbcStore b = db.store().poolSize(2).clock(clock).build()) {
            seed(a, 3, pool);
            // Instance A claims everything and dies before sending anything.
            List<Invitation> lost = a.claimDue(clock.instant(), "instance-a", Duration.ofMinutes(2), 10, Set.of());
            assertThat(lost).hasSize(3);

            RecordingChannel channel = RecordingChannel.email();
            try (NpsEngine engineB = engine(b, channel, clock)) {
                assertThat(engineB.dispatch().runOnce()).as("leases still running").isZero();
                clock.advance(Duration.ofMinutes(2).plusSeconds(1));
                assertThat(engineB.dispatch().runOnce()).isEqualTo(3);

                assertThat(channel.deliveries()).extracting(Delivery::invitationId).containsExactlyInAnyOrder("i-0", "i-1", "i-2");
                assertThat(b.countInvitations(InvitationStatus.SENT)).isEqualTo(3);
                assertThat(b.findInvitation("i-0")).get().satisfies(i -> {
                    assertThat(i.recoveredClaims()).isEqualTo(1);
                    assertThat(i.fence()).isEqualTo(2);
                    assertThat(i.sentAt()).contains(clock.instant());
                });
                assertThat(engineB.dispatch().dispatcher().stats().takenOver()).isEqualTo(3);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aCrashAfterTheChannelAcceptedSendsOnceMoreAndCountsIt() throws Exception {
        SettableClock clock = new SettableClock(T0);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (TestDatabase db = TestDatabase.create(kind(), dir);
             JdbcStore a = db.store().poolSize(2).clock(clock).build();
             JdbcStore b = db.store().poolSize(2).clock(clock).build()) {
            seed(a, 1, pool);
            AtomicInteger accepted = new AtomicInteger();
            // The message leaves (recorded by the channel), then the process dies before the outcome is stored.
            RecordingChannel dying = RecordingChannel.email().otherwise(d -> {
                accepted.incrementAndGet();
                throw new Crash();
            });
            RecordingChannel healthy = RecordingChannel.email();
            try (NpsEngine engineA = engine(a, dying, clock); NpsEngine engineB = engine(b, healthy, clock)) {
                try {
                    engineA.dispatch().runOnce();
                    throw new AssertionError("the crash did not happen");
                } catch (Crash expected) {
                    // instance A is gone
                }
                assertThat(a.findInvitation("i-0").get().status()).isEqualTo(InvitationStatus.CLAIMED);
                assertThat(engineB.dispatch().runOnce()).isZero();

                clock.advance(Dispatcher.DEFAULT_LEASE.plusSeconds(1));
                assertThat(engineB.dispatch().runOnce()).isEqualTo(1);
                assertThat(engineB.dispatch().runOnce()).isZero();

                int sends = dying.deliveries().size() + healthy.deliveries().size();
                assertThat(accepted).hasValue(1);
                assertThat(sends).as("the original send and exactly one duplicate").isEqualTo(2);
                Invitation row = b.findInvitation("i-0").orElseThrow();
                assertThat(row.status()).isEqualTo(InvitationStatus.SENT);
                assertThat(row.recoveredClaims()).as("the duplicate is counted on the row").isEqualTo(1);
                assertThat(engineB.dispatch().dispatcher().stats().takenOver()).as("and by the dispatcher").isEqualTo(1);
                assertThat(healthy.deliveries()).singleElement().satisfies(d -> {
                    assertThat(d.invitationId()).isEqualTo("i-0");
                    assertThat(d.attempt()).as("same attempt number as the lost one").isEqualTo(dying.deliveries().get(0).attempt());
                });
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
