package dev.nps.engine.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nps.api.ChannelName;
import dev.nps.api.Event;
import dev.nps.engine.rules.FatiguePolicy;
import dev.nps.spi.InvitationStatus;
import dev.nps.spi.SendOutcome;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DispatcherLifecycleTest {
    private final Fixture f = new Fixture();

    private void invitations(int n) {
        f.fatigue = new FatiguePolicy(Duration.ofSeconds(1), FatiguePolicy.Scope.PER_SURVEY);
        Invitations inv = f.invitations();
        f.survey("s");
        for (int i = 0; i < n; i++) {
            f.contact("c-" + i);
            inv.publish(Event.of("order.completed", "o-" + i, "c-" + i, f.clock.instant()));
        }
    }

    @Test
    void theConcurrencyCapDefersSendsBeyondItWithoutBurningAttempts() throws Exception {
        invitations(4);
        CountDownLatch firstInFlight = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        f.email.otherwise(d -> {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            firstInFlight.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            return SendOutcome.accepted();
        });
        // An executor the test drives: the tasks of one round are collected, then run in a chosen interleaving.
        ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
        Executor manual = tasks::add;
        Dispatcher d = f.dispatcher("a").sendExecutor(manual)
                .channelPolicy(ChannelName.EMAIL, ChannelPolicy.DEFAULT.withMaxConcurrent(1)).build();
        Thread round = new Thread(d::runOnce);
        round.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (tasks.size() < 4 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        Thread first = new Thread(tasks.poll());
        first.start();
        assertThat(firstInFlight.await(10, TimeUnit.SECONDS)).isTrue();
        for (Runnable r; (r = tasks.poll()) != null; ) {
            r.run(); // over the cap: deferred at once
        }
        release.countDown();
        first.join(10_000);
        round.join(10_000);

        assertThat(maxInFlight).hasValue(1);
        assertThat(f.email.deliveries()).hasSize(1);
        assertThat(d.stats().deferred()).isEqualTo(3);
        assertThat(f.outbox.findInvitations(InvitationStatus.PENDING, 10)).hasSize(3)
                .allSatisfy(i -> assertThat(i.attempts()).isZero());
    }

    @Test
    void closeLetsTheSendInFlightFinishAndRecordsIt() throws Exception {
        invitations(1);
        CountDownLatch inSend = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        f.email.otherwise(x -> {
            inSend.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return SendOutcome.accepted();
        });
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
        try {
            Dispatcher d = f.dispatcher("a").build();
            d.start(scheduler);
            assertThat(inSend.await(10, TimeUnit.SECONDS)).isTrue();
            Thread closer = new Thread(d::close);
            closer.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (closer.getState() != Thread.State.TIMED_WAITING && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(closer.isAlive()).as("close waits for the send in flight").isTrue();
            release.countDown();
            closer.join(10_000);
            assertThat(closer.isAlive()).isFalse();
            assertThat(f.outbox.findInvitations(InvitationStatus.SENT, 10)).hasSize(1);
            assertThat(scheduler.isShutdown()).as("the host's scheduler is not ours to stop").isFalse();
            assertThat(List.of(d.stats().sent())).containsExactly(1L);
        } finally {
            scheduler.shutdownNow();
        }
    }
}
