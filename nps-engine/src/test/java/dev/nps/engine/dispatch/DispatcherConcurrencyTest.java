package dev.nps.engine.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nps.api.ChannelName;
import dev.nps.spi.Delivery;
import dev.nps.spi.Invitation;
import dev.nps.spi.InvitationStatus;
import dev.nps.spi.SendOutcome;
import java.time.Duration;
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
import org.junit.jupiter.api.Test;

class DispatcherConcurrencyTest {

    @Test
    void tenThousandInvitationsWithTwoDispatchersAreSentExactlyOnce() throws Exception {
        Fixture f = new Fixture();
        f.survey("s");
        int n = 10_000;
        for (int i = 0; i < n; i++) {
            f.contact("c-" + i);
            f.outbox.insertInvitation(Invitation.pending("inv-" + i, "k-" + i, "s", "c-" + i, ChannelName.EMAIL, "test",
                    f.clock.instant(), f.clock.instant()), Optional.empty());
        }
        Map<String, AtomicInteger> sends = new ConcurrentHashMap<>();
        f.email.otherwise(d -> {
            sends.computeIfAbsent(d.invitationId(), k -> new AtomicInteger()).incrementAndGet();
            return SendOutcome.accepted();
        });
        ExecutorService senders = Executors.newFixedThreadPool(4);
        List<Dispatcher> dispatchers = List.of(
                f.dispatcher("a").batchSize(50).build(),
                f.dispatcher("b").batchSize(50).sendExecutor(senders).build());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> futures = new ArrayList<>();
        for (Dispatcher d : dispatchers) {
            futures.add(pool.submit(() -> {
                start.await();
                int handled = 0;
                for (int round; (round = d.runOnce()) > 0; ) {
                    handled += round;
                }
                return handled;
            }));
        }
        start.countDown();
        int total = 0;
        for (Future<Integer> fu : futures) {
            total += fu.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        senders.shutdown();

        assertThat(total).isEqualTo(n);
        assertThat(sends).hasSize(n);
        assertThat(sends.values()).allSatisfy(c -> assertThat(c.get()).isEqualTo(1));
        assertThat(f.outbox.countInvitations(InvitationStatus.SENT)).isEqualTo(n);
        assertThat(dispatchers.get(0).stats().sent() + dispatchers.get(1).stats().sent()).isEqualTo(n);
        assertThat(dispatchers.get(0).stats().sent()).as("both dispatchers did work").isPositive();
        assertThat(dispatchers.get(1).stats().sent()).isPositive();
        assertThat(f.email.deliveries()).extracting(Delivery::invitationId).doesNotHaveDuplicates();
    }

    @Test
    void concurrentClaimersNeverShareARow() throws Exception {
        InMemoryDispatchStore store = new InMemoryDispatchStore();
        Fixture f = new Fixture();
        int n = 5_000;
        for (int i = 0; i < n; i++) {
            store.insertInvitation(Invitation.pending("i-" + i, "k-" + i, "s", "c-" + i, ChannelName.EMAIL, "t",
                    f.clock.instant(), f.clock.instant()), Optional.empty());
        }
        Set<String> claimed = ConcurrentHashMap.newKeySet();
        AtomicInteger doubles = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            String owner = "w" + t;
            futures.add(pool.submit(() -> {
                List<Invitation> batch;
                while (!(batch = store.claimDue(f.clock.instant(), owner, Duration.ofMinutes(5), 7, Set.of())).isEmpty()) {
                    for (Invitation i : batch) {
                        if (!claimed.add(i.id())) {
                            doubles.incrementAndGet();
                        }
                    }
                }
            }));
        }
        for (Future<?> fu : futures) {
            fu.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(claimed).hasSize(n);
        assertThat(doubles).hasValue(0);
    }
}
