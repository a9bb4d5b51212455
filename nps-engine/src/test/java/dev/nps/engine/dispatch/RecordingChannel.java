package dev.nps.engine.dispatch;

import dev.nps.api.ChannelName;
import dev.nps.api.Contact;
import dev.nps.spi.Channel;
import dev.nps.spi.Delivery;
import dev.nps.spi.SendOutcome;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

/** A channel that records every delivery and answers with scripted outcomes (accepted when the script is empty). */
public final class RecordingChannel implements Channel {
    /** Thrown to simulate the process dying in the middle of a send. */
    public static final class SimulatedCrash extends Error {
        private static final long serialVersionUID = 1L;

        public SimulatedCrash() {
            super("simulated crash", null, false, false);
        }
    }

    /** Dies before the message leaves: nothing is recorded as delivered. */
    public static final Function<Delivery, SendOutcome> CRASH_BEFORE_SEND = d -> {
        throw new SimulatedCrash();
    };
    /** The message leaves (recorded as delivered), then the process dies before the outcome is stored. */
    public static final Function<Delivery, SendOutcome> CRASH_AFTER_ACCEPT = d -> {
        throw new SimulatedCrash();
    };

    private final ChannelName name;
    private final Queue<Delivery> deliveries = new ConcurrentLinkedQueue<>();
    private final Deque<Function<Delivery, SendOutcome>> script = new ArrayDeque<>();
    private volatile Function<Delivery, SendOutcome> fallback = d -> SendOutcome.accepted("msg-" + d.invitationId());

    public RecordingChannel(ChannelName name) {
        this.name = name;
    }

    public static RecordingChannel email() {
        return new RecordingChannel(ChannelName.EMAIL);
    }

    public static RecordingChannel sms() {
        return new RecordingChannel(ChannelName.SMS);
    }

    /** Queues the next answers, in order. */
    @SafeVarargs
    public final synchronized RecordingChannel then(Function<Delivery, SendOutcome>... outcomes) {
        for (Function<Delivery, SendOutcome> o : outcomes) {
            script.addLast(o);
        }
        return this;
    }

    public synchronized RecordingChannel thenAnswer(SendOutcome... outcomes) {
        for (SendOutcome o : outcomes) {
            script.addLast(d -> o);
        }
        return this;
    }

    public RecordingChannel otherwise(Function<Delivery, SendOutcome> f) {
        this.fallback = f;
        return this;
    }

    public List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    public long sentTo(String invitationId) {
        return deliveries.stream().filter(d -> d.invitationId().equals(invitationId)).count();
    }

    @Override
    public ChannelName name() {
        return name;
    }

    @Override
    public boolean canReach(Contact contact) {
        return name.equals(ChannelName.EMAIL) ? contact.email().isPresent()
                : name.equals(ChannelName.SMS) ? contact.phone().isPresent() : true;
    }

    @Override
    public SendOutcome send(Delivery delivery) {
        Function<Delivery, SendOutcome> f;
        synchronized (this) {
            f = script.isEmpty() ? fallback : script.pollFirst();
        }
        if (f == CRASH_BEFORE_SEND) {
            throw new SimulatedCrash();
        }
        deliveries.add(delivery);
        return f.apply(delivery);
    }

    @Override
    public void close() {
    }
}
