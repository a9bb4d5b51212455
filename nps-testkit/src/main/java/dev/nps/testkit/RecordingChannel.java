package dev.nps.testkit;

import dev.nps.api.ChannelName;
import dev.nps.api.Contact;
import dev.nps.spi.Channel;
import dev.nps.spi.Delivery;
import dev.nps.spi.SendOutcome;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A channel for tests: it records every delivery and answers with programmed outcomes. Thread-safe.
 *
 * <p>Each {@link #send(Delivery)} takes the next programmed outcome from a queue ({@link #thenReturn},
 * {@link #thenThrow}); when the queue is empty it applies the default function ({@link #otherwise}), which
 * accepts every message with a provider id {@code msg-1}, {@code msg-2}...
 *
 * <pre>{@code
 * RecordingChannel email = RecordingChannel.email()
 *         .thenReturn(new SendOutcome.Retryable(Optional.empty(), "421 try later", false))
 *         .otherwise(d -> SendOutcome.accepted());
 * }</pre>
 */
public final class RecordingChannel implements Channel {

    private final ChannelName name;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition delivered = lock.newCondition();
    private final List<Delivery> deliveries = new ArrayList<>();
    private final Deque<Function<Delivery, SendOutcome>> programmed = new ArrayDeque<>();
    private Function<Delivery, SendOutcome> otherwise;
    private Predicate<Contact> reachable;
    private boolean closed;
    private final AtomicLong messageIds = new AtomicLong();

    /**
     * Creates a channel that reaches every contact and accepts every message.
     *
     * @param name the channel's name, never null
     */
    public RecordingChannel(ChannelName name) {
        this.name = Objects.requireNonNull(name, "name");
        this.reachable = c -> true;
        this.otherwise = d -> SendOutcome.accepted("msg-" + messageIds.incrementAndGet());
    }

    /** @return an {@code email} channel that reaches contacts with an email address */
    public static RecordingChannel email() {
        return new RecordingChannel(ChannelName.EMAIL).reachableWhen(c -> c.email().isPresent());
    }

    /** @return an {@code sms} channel that reaches contacts with a phone number */
    public static RecordingChannel sms() {
        return new RecordingChannel(ChannelName.SMS).reachableWhen(c -> c.phone().isPresent());
    }

    /** @return an {@code in-app} channel that reaches every contact */
    public static RecordingChannel inApp() {
        return new RecordingChannel(ChannelName.IN_APP);
    }

    /**
     * @param predicate which contacts {@link #canReach(Contact)} accepts
     * @return this
     */
    public RecordingChannel reachableWhen(Predicate<Contact> predicate) {
        Objects.requireNonNull(predicate, "predicate");
        locked(() -> reachable = predicate);
        return this;
    }

    /**
     * Queues outcomes for the next sends, in order.
     *
     * @param outcomes one outcome per send, none null
     * @return this
     */
    public RecordingChannel thenReturn(SendOutcome... outcomes) {
        for (SendOutcome o : Objects.requireNonNull(outcomes, "outcomes")) {
            Objects.requireNonNull(o, "outcome");
            locked(() -> programmed.addLast(d -> o));
        }
        return this;
    }

    /**
     * Queues an exception for the next send (a channel bug, which the engine must survive).
     *
     * @param failure thrown by that send
     * @return this
     */
    public RecordingChannel thenThrow(RuntimeException failure) {
        Objects.requireNonNull(failure, "failure");
        locked(() -> programmed.addLast(d -> {
            throw failure;
        }));
        return this;
    }

    /**
     * @param outcome the outcome of every send once the queue is empty, computed from the delivery
     * @return this
     */
    public RecordingChannel otherwise(Function<Delivery, SendOutcome> outcome) {
        Objects.requireNonNull(outcome, "outcome");
        locked(() -> otherwise = outcome);
        return this;
    }

    @Override
    public ChannelName name() {
        return name;
    }

    @Override
    public boolean canReach(Contact contact) {
        Objects.requireNonNull(contact, "contact");
        Predicate<Contact> p;
        lock.lock();
        try {
            p = reachable;
        } finally {
            lock.unlock();
        }
        return p.test(contact);
    }

    @Override
    public SendOutcome send(Delivery delivery) {
        Objects.requireNonNull(delivery, "delivery");
        Function<Delivery, SendOutcome> next;
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("channel '" + name + "' is closed");
            }
            deliveries.add(delivery);
            delivered.signalAll();
            next = programmed.isEmpty() ? otherwise : programmed.removeFirst();
        } finally {
            lock.unlock();
        }
        SendOutcome outcome = next.apply(delivery);
        return Objects.requireNonNull(outcome, "programmed outcome");
    }

    /** @return every delivery sent so far, in order */
    public List<Delivery> deliveries() {
        lock.lock();
        try {
            return List.copyOf(deliveries);
        } finally {
            lock.unlock();
        }
    }

    /** @return the deliveries sent to one contact, in order */
    public List<Delivery> deliveriesTo(String contactId) {
        Objects.requireNonNull(contactId, "contactId");
        return deliveries().stream().filter(d -> d.contact().id().equals(contactId)).toList();
    }

    /**
     * Waits until at least {@code count} deliveries were sent, for tests of asynchronous dispatch.
     *
     * @param count   how many deliveries to wait for
     * @param timeout the longest wait
     * @return the deliveries so far (at least {@code count})
     * @throws AssertionError when they did not arrive in time
     */
    public List<Delivery> awaitDeliveries(int count, Duration timeout) {
        long nanos = Objects.requireNonNull(timeout, "timeout").toNanos();
        lock.lock();
        try {
            while (deliveries.size() < count) {
                if (nanos <= 0) {
                    throw new AssertionError("expected " + count + " deliveries on '" + name + "' within " + timeout
                            + ", got " + deliveries.size());
                }
                nanos = delivered.awaitNanos(nanos);
            }
            return List.copyOf(deliveries);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for deliveries", e);
        } finally {
            lock.unlock();
        }
    }

    /** Forgets the recorded deliveries and the queued outcomes. */
    public void reset() {
        locked(() -> {
            deliveries.clear();
            programmed.clear();
        });
    }

    /** @return whether {@link #close()} was called */
    public boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        locked(() -> closed = true);
    }

    @Override
    public String toString() {
        return "RecordingChannel[" + name + ", " + deliveries().size() + " deliveries]";
    }

    private void locked(Runnable action) {
        lock.lock();
        try {
            action.run();
        } finally {
            lock.unlock();
        }
    }
}
