package dev.nps.testkit;

import dev.nps.spi.Alert;
import dev.nps.spi.AlertSink;
import dev.nps.spi.SendOutcome;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * An alert sink for tests: it records every alert and answers with programmed outcomes (by default
 * {@link SendOutcome#accepted()}). Thread-safe.
 */
public final class RecordingAlertSink implements AlertSink {

    private final String name;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition delivered = lock.newCondition();
    private final List<Alert> alerts = new ArrayList<>();
    private final Deque<Function<Alert, SendOutcome>> programmed = new ArrayDeque<>();
    private Function<Alert, SendOutcome> otherwise = a -> SendOutcome.accepted();
    private boolean closed;

    /** Creates a sink named {@code recording}. */
    public RecordingAlertSink() {
        this("recording");
    }

    /**
     * @param name the sink's name, never blank
     */
    public RecordingAlertSink(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name: must not be blank");
        }
        this.name = name;
    }

    /**
     * Queues outcomes for the next deliveries, in order.
     *
     * @param outcomes one outcome per alert, none null
     * @return this
     */
    public RecordingAlertSink thenReturn(SendOutcome... outcomes) {
        for (SendOutcome o : Objects.requireNonNull(outcomes, "outcomes")) {
            Objects.requireNonNull(o, "outcome");
            locked(() -> programmed.addLast(a -> o));
        }
        return this;
    }

    /**
     * Queues an exception for the next delivery (a sink bug, which the engine must survive).
     *
     * @param failure thrown by that delivery
     * @return this
     */
    public RecordingAlertSink thenThrow(RuntimeException failure) {
        Objects.requireNonNull(failure, "failure");
        locked(() -> programmed.addLast(a -> {
            throw failure;
        }));
        return this;
    }

    /**
     * @param outcome the outcome of every delivery once the queue is empty
     * @return this
     */
    public RecordingAlertSink otherwise(Function<Alert, SendOutcome> outcome) {
        Objects.requireNonNull(outcome, "outcome");
        locked(() -> otherwise = outcome);
        return this;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public SendOutcome deliver(Alert alert) {
        Objects.requireNonNull(alert, "alert");
        Function<Alert, SendOutcome> next;
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("alert sink '" + name + "' is closed");
            }
            alerts.add(alert);
            delivered.signalAll();
            next = programmed.isEmpty() ? otherwise : programmed.removeFirst();
        } finally {
            lock.unlock();
        }
        return Objects.requireNonNull(next.apply(alert), "programmed outcome");
    }

    /** @return every alert delivered so far, in order */
    public List<Alert> alerts() {
        lock.lock();
        try {
            return List.copyOf(alerts);
        } finally {
            lock.unlock();
        }
    }

    /** @return the alerts raised by one rule, in order */
    public List<Alert> alertsOf(String ruleId) {
        Objects.requireNonNull(ruleId, "ruleId");
        return alerts().stream().filter(a -> a.ruleId().equals(ruleId)).toList();
    }

    /**
     * Waits until at least {@code count} alerts were delivered, for tests of asynchronous alerting.
     *
     * @param count   how many alerts to wait for
     * @param timeout the longest wait
     * @return the alerts so far (at least {@code count})
     * @throws AssertionError when they did not arrive in time
     */
    public List<Alert> awaitAlerts(int count, Duration timeout) {
        long nanos = Objects.requireNonNull(timeout, "timeout").toNanos();
        lock.lock();
        try {
            while (alerts.size() < count) {
                if (nanos <= 0) {
                    throw new AssertionError("expected " + count + " alerts on '" + name + "' within " + timeout
                            + ", got " + alerts.size());
                }
                nanos = delivered.awaitNanos(nanos);
            }
            return List.copyOf(alerts);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for alerts", e);
        } finally {
            lock.unlock();
        }
    }

    /** Forgets the recorded alerts and the queued outcomes. */
    public void reset() {
        locked(() -> {
            alerts.clear();
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
        return "RecordingAlertSink[" + name + ", " + alerts().size() + " alerts]";
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
