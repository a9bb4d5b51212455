package dev.nps.benchmarks.dispatch;

import dev.nps.api.ChannelName;
import dev.nps.api.Contact;
import dev.nps.api.Survey;
import dev.nps.engine.dispatch.Dispatcher;
import dev.nps.engine.dispatch.InMemoryDispatchStore;
import dev.nps.engine.store.InMemoryStore;
import dev.nps.spi.Channel;
import dev.nps.spi.Delivery;
import dev.nps.spi.Invitation;
import dev.nps.spi.InvitationStatus;
import dev.nps.spi.SendOutcome;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Invitations dispatched per second on the in-memory outbox through a channel that accepts everything at once:
 * the cost of the pipeline itself (claim, rules re-checked, send, fenced record), not of a medium. Each invocation
 * drains {@value #INVITATIONS} pending invitations to distinct contacts with one dispatcher on one thread.
 *
 * <p>Run: {@code java -jar nps-benchmarks/target/benchmarks.jar DispatchBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class DispatchBenchmark {
    static final int INVITATIONS = 10_000;

    @Param({"100", "1000"})
    int batchSize;

    private final Clock clock = Clock.fixed(Instant.parse("2026-01-06T10:00:00Z"), ZoneOffset.UTC);
    private InMemoryStore store;
    private InMemoryDispatchStore outbox;
    private Dispatcher dispatcher;

    /** A channel that accepts every message without doing anything. */
    static final class NoOpChannel implements Channel {
        @Override
        public ChannelName name() {
            return ChannelName.EMAIL;
        }

        @Override
        public boolean canReach(Contact contact) {
            return contact.email().isPresent();
        }

        @Override
        public SendOutcome send(Delivery delivery) {
            return SendOutcome.accepted();
        }

        @Override
        public void close() {
        }
    }

    @Setup(Level.Trial)
    public void contacts() {
        store = new InMemoryStore();
        store.saveSurvey(Survey.builder("s").build());
        for (int i = 0; i < INVITATIONS; i++) {
            store.upsertContact(Contact.of("c-" + i).email("c" + i + "@example.com").build());
        }
    }

    @Setup(Level.Invocation)
    public void outbox() {
        outbox = new InMemoryDispatchStore();
        Instant now = clock.instant();
        for (int i = 0; i < INVITATIONS; i++) {
            outbox.insertInvitation(Invitation.pending("i-" + i, "k-" + i, "s", "c-" + i, ChannelName.EMAIL, "bench", now, now),
                    Optional.empty());
        }
        dispatcher = Dispatcher.builder().store(store).dispatchStore(outbox).channel(new NoOpChannel()).clock(clock)
                .batchSize(batchSize).owner("bench").build();
    }

    @Benchmark
    @OperationsPerInvocation(INVITATIONS)
    public long dispatchAll() {
        while (dispatcher.runOnce() > 0) {
            // drain
        }
        long sent = outbox.countInvitations(InvitationStatus.SENT);
        if (sent != INVITATIONS) {
            throw new IllegalStateException("sent " + sent + " of " + INVITATIONS);
        }
        return sent;
    }
}
