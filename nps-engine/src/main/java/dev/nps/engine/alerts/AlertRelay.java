package dev.nps.engine.alerts;

import dev.nps.api.ErrorCode;
import dev.nps.api.NpsException;
import dev.nps.engine.NpsEngine;
import dev.nps.engine.integrations.EventPublisher;
import dev.nps.spi.Alert;
import dev.nps.spi.AlertOutbox;
import dev.nps.spi.AlertSink;
import dev.nps.spi.CrmUpdate;
import dev.nps.spi.CrmWriter;
import dev.nps.spi.EventSink;
import dev.nps.spi.OutboxEntry;
import dev.nps.spi.OutboxMessage;
import dev.nps.spi.OutgoingEvent;
import dev.nps.spi.SendOutcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers alerts, outgoing events and CRM write-backs through an {@link AlertOutbox}: publishing only adds
 * entries; {@link #deliverDue()} (by hand, or every few seconds after {@link #start}) sends what is due. A
 * delivery that fails with a retryable outcome, an ambiguous one or an exception is tried again after an
 * exponential back-off (or the target's Retry-After hint, if longer); after the last attempt, or at once on a
 * permanent failure, the entry is dead-lettered until {@link #requeue(String)}. Nothing is dropped.
 *
 * <p>Built with {@link Builder#engine}, the relay uses the engine's {@link NpsEngine#alertOutbox() alert outbox}:
 * with a durable store (the JDBC store) entries survive a restart and several relays, in one process or several
 * instances on one database, share the queue; each due entry is claimed by one relay under a fence, and an outcome
 * whose claim lapsed is discarded. A relay that dies between sending and recording the outcome leaves the entry
 * to be sent again once its lease ({@value #LEASE_MINUTES} minutes) lapses, so a consumer de-duplicates on the event
 * id.
 *
 * <p>Every alert also goes out as an {@code alert.raised} event to the event sinks that are not themselves alert
 * sinks. Thread-safe.
 *
 * @since 0.1
 */
public final class AlertRelay implements AlertPublisher, EventPublisher, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AlertRelay.class);

    /** Default attempts before an entry is dead-lettered. {@value} */
    public static final int DEFAULT_MAX_ATTEMPTS = 8;
    /** Default first back-off; each later one doubles, up to {@link #DEFAULT_MAX_BACKOFF}. */
    public static final Duration DEFAULT_BACKOFF = Duration.ofSeconds(30);
    /** Default longest back-off. */
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofHours(1);
    /** Default time delivered entries are kept (for de-duplication) before the schedule forgets them. */
    public static final Duration DEFAULT_KEEP_DELIVERED = Duration.ofDays(30);
    /** How long a claimed entry is reserved for the relay delivering it. */
    static final long LEASE_MINUTES = 5;
    static final Duration LEASE = Duration.ofMinutes(LEASE_MINUTES);
    private static final int BATCH = 100;

    private final AlertOutbox outbox;
    private final Clock clock;
    private final Map<String, AlertSink> alertSinks;
    private final Map<String, EventSink> eventSinks;
    private final Map<String, CrmWriter> crmWriters;
    private final int maxAttempts;
    private final Duration backoff;
    private final Duration maxBackoff;
    private final Duration keepDelivered;
    private volatile Instant lastForget = Instant.MIN;
    private ScheduledFuture<?> task;

    private AlertRelay(Builder b, AlertOutbox outbox) {
        this.outbox = outbox;
        this.clock = b.clock != null ? b.clock : Clock.systemUTC();
        this.alertSinks = Map.copyOf(b.alertSinks);
        this.eventSinks = Map.copyOf(b.eventSinks);
        this.crmWriters = Map.copyOf(b.crmWriters);
        this.maxAttempts = b.maxAttempts;
        this.backoff = b.backoff;
        this.maxBackoff = b.maxBackoff;
        this.keepDelivered = b.keepDelivered;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the outbox */
    public AlertOutbox outbox() {
        return outbox;
    }

    @Override
    public void publish(Alert alert) {
        Objects.requireNonNull(alert, "alert");
        Instant now = clock.instant();
        alertSinks.keySet().forEach(name -> outbox.add(OutboxEntry.pending("alert:" + name, new OutboxMessage.AlertMessage(alert), now)));
        OutgoingEvent event = new OutgoingEvent(alert.id(), OutgoingEvent.ALERT_RAISED, alert.raisedAt(), alertData(alert));
        eventSinks.forEach((name, sink) -> {
            if (!alertSinks.containsValue(sink)) {
                outbox.add(OutboxEntry.pending("event:" + name, new OutboxMessage.EventMessage(event), now));
            }
        });
        if (alertSinks.isEmpty() && eventSinks.isEmpty()) {
            LOG.warn("alert {} of rule '{}' reaches nobody: the relay has no alert or event sink", alert.id(), alert.ruleId());
        }
    }

    @Override
    public void publish(OutgoingEvent event) {
        Objects.requireNonNull(event, "event");
        Instant now = clock.instant();
        eventSinks.keySet().forEach(name -> outbox.add(OutboxEntry.pending("event:" + name, new OutboxMessage.EventMessage(event), now)));
    }

    /**
     * Queues a CRM write-back to every CRM writer.
     *
     * @param update the update, never null
     */
    public void write(CrmUpdate update) {
        Objects.requireNonNull(update, "update");
        Instant now = clock.instant();
        crmWriters.keySet().forEach(name -> outbox.add(OutboxEntry.pending("crm:" + name, new OutboxMessage.CrmMessage(update), now)));
    }

    /** @return whether any CRM writer is registered */
    public boolean writesToCrm() {
        return !crmWriters.isEmpty();
    }

    /** @return whether any event sink is registered */
    public boolean publishesEvents() {
        return !eventSinks.isEmpty();
    }

    /**
     * The data of an {@code alert.raised} event.
     *
     * @param alert the alert
     * @return its fields as a map
     */
    public static Map<String, Object> alertData(Alert alert) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("alertId", alert.id());
        data.put("ruleId", alert.ruleId());
        data.put("severity", alert.severity().name());
        data.put("title", alert.title());
        data.put("detail", alert.detail());
        data.put("raisedAt", alert.raisedAt().toString());
        data.put("facts", alert.facts());
        return data;
    }

    /** @return {@link #deliverDue(Instant)} at the clock's time */
    public int deliverDue() {
        return deliverDue(clock.instant());
    }

    /**
     * Delivers every entry due at {@code now}.
     *
     * @param now the time, never null
     * @return how many entries were delivered
     */
    public int deliverDue(Instant now) {
        Objects.requireNonNull(now, "now");
        int delivered = 0;
        while (true) {
            List<OutboxEntry> batch = outbox.claimDue(now, now.plus(LEASE), BATCH);
            for (OutboxEntry e : batch) {
                if (attempt(e, now)) {
                    delivered++;
                }
            }
            if (batch.size() < BATCH) {
                return delivered;
            }
        }
    }

    private boolean attempt(OutboxEntry e, Instant now) {
        int attempts = e.attempts() + 1;
        SendOutcome outcome;
        try {
            outcome = send(e);
        } catch (RuntimeException ex) {
            // A sink bug must not lose the message: treat it as retryable, log the class only (messages may hold data).
            LOG.warn("delivery {} to '{}' threw {}; will retry", e.id(), e.target(), ex.getClass().getName());
            outcome = new SendOutcome.Retryable(java.util.Optional.empty(), "target threw " + ex.getClass().getSimpleName(), false);
        }
        if (outcome instanceof SendOutcome.Accepted) {
            return settled(outbox.delivered(e, attempts, now), e);
        }
        if (outcome instanceof SendOutcome.Permanent p) {
            LOG.warn("delivery {} to '{}' failed permanently ({}); dead-lettered", e.id(), e.target(), p.reason());
            settled(outbox.dead(e, attempts, now, p.reason()), e);
            return false;
        }
        String reason = outcome instanceof SendOutcome.Retryable r ? r.reason() : ((SendOutcome.Ambiguous) outcome).reason();
        if (attempts >= maxAttempts) {
            LOG.warn("delivery {} to '{}' failed {} times ({}); dead-lettered, requeue it when the target works", e.id(),
                    e.target(), attempts, reason);
            settled(outbox.dead(e, attempts, now, reason), e);
            return false;
        }
        Duration wait = backoff.multipliedBy(1L << Math.min(20, attempts - 1));
        if (wait.compareTo(maxBackoff) > 0) {
            wait = maxBackoff;
        }
        if (outcome instanceof SendOutcome.Retryable r && r.retryAfter().isPresent() && r.retryAfter().get().compareTo(wait) > 0) {
            wait = r.retryAfter().get().compareTo(maxBackoff) > 0 ? maxBackoff : r.retryAfter().get();
        }
        LOG.info("delivery {} to '{}' failed (attempt {} of {}: {}); retrying in {}", e.id(), e.target(), attempts, maxAttempts, reason, wait);
        settled(outbox.retryAt(e, attempts, now.plus(wait), reason), e);
        return false;
    }

    /** A lost claim means another relay took the entry over after the lease lapsed; its outcome stands. */
    private static boolean settled(boolean written, OutboxEntry e) {
        if (!written) {
            LOG.warn("delivery {} to '{}': the claim lapsed and another relay took it over; its outcome stands", e.id(), e.target());
        }
        return written;
    }

    private SendOutcome send(OutboxEntry e) {
        String target = e.target();
        String name = target.substring(target.indexOf(':') + 1);
        return switch (target.substring(0, target.indexOf(':'))) {
            case "alert" -> call(alertSinks, name, s -> s.deliver(((OutboxMessage.AlertMessage) e.message()).alert()));
            case "event" -> call(eventSinks, name, s -> s.publish(((OutboxMessage.EventMessage) e.message()).event()));
            case "crm" -> call(crmWriters, name, w -> w.write(((OutboxMessage.CrmMessage) e.message()).update()));
            default -> new SendOutcome.Permanent("unknown target kind in '" + target + "'", false);
        };
    }

    private static <T> SendOutcome call(Map<String, T> targets, String name, Function<T, SendOutcome> send) {
        T t = targets.get(name);
        if (t == null) {
            // The target may come back after a restart with the same configuration: keep the entry, do not drop it.
            return new SendOutcome.Retryable(java.util.Optional.empty(), "no target named '" + name + "' is registered", true);
        }
        return Objects.requireNonNull(send.apply(t), "outcome");
    }

    /**
     * Requeues a dead-lettered entry, due now.
     *
     * @param entryId the entry's id
     * @return whether it was dead and is now pending again
     */
    public boolean requeue(String entryId) {
        return outbox.requeue(entryId, clock.instant());
    }

    /** @return the dead-lettered entries */
    public List<OutboxEntry> deadLetters() {
        return outbox.list(OutboxEntry.State.DEAD);
    }

    /**
     * Delivers due entries every {@code every} on the executor until {@link #stop()}.
     *
     * @param executor e.g. the engine's executor
     * @param every    the interval, at least 100 ms
     */
    public synchronized void start(ScheduledExecutorService executor, Duration every) {
        Objects.requireNonNull(executor, "executor");
        if (Objects.requireNonNull(every, "every").toMillis() < 100) {
            throw NpsException.invalid("every", "must be at least 100ms (got " + every + ")");
        }
        if (task != null) {
            throw new NpsException(ErrorCode.CONFLICT, "the relay is already started; stop() it first");
        }
        task = executor.scheduleWithFixedDelay(() -> {
            try {
                deliverDue();
                forgetOldDeliveries(clock.instant());
            } catch (RuntimeException e) {
                LOG.warn("delivering due alerts failed; trying again in {}", every, e);
            }
        }, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Once a day, forgets delivered entries older than the keep time, so a durable outbox does not grow forever. */
    private void forgetOldDeliveries(Instant now) {
        if (lastForget.isAfter(now.minus(Duration.ofDays(1)))) {
            return;
        }
        lastForget = now;
        int forgotten = outbox.forgetDelivered(now.minus(keepDelivered));
        if (forgotten > 0) {
            LOG.info("forgot {} alert deliveries made before {}", forgotten, now.minus(keepDelivered));
        }
    }

    /** Stops the schedule. */
    public synchronized void stop() {
        if (task != null) {
            task.cancel(false);
            task = null;
        }
    }

    /** Stops the schedule; the sinks belong to whoever created them. */
    @Override
    public void close() {
        stop();
    }

    /**
     * Builds an {@link AlertRelay}.
     *
     * @since 0.1
     */
    public static final class Builder {
        private AlertOutbox outbox;
        private NpsEngine engine;
        private Clock clock;
        private final Map<String, AlertSink> alertSinks = new LinkedHashMap<>();
        private final Map<String, EventSink> eventSinks = new LinkedHashMap<>();
        private final Map<String, CrmWriter> crmWriters = new LinkedHashMap<>();
        private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
        private Duration backoff = DEFAULT_BACKOFF;
        private Duration maxBackoff = DEFAULT_MAX_BACKOFF;
        private Duration keepDelivered = DEFAULT_KEEP_DELIVERED;

        private Builder() {}

        /**
         * @param keep how long the schedule keeps delivered entries, at least a day (default 30 days); a message
         *             published again after its entry was forgotten is delivered again
         * @return this
         */
        public Builder keepDelivered(Duration keep) {
            if (keep == null || keep.compareTo(Duration.ofDays(1)) < 0) {
                throw NpsException.invalid("keepDelivered", "must be at least 1 day (got " + keep + ")");
            }
            this.keepDelivered = keep;
            return this;
        }

        /**
         * @param outbox where deliveries wait (default: the engine's {@link NpsEngine#alertOutbox()
         *               alert outbox} with {@link #engine}, durable with a durable store; else a new
         *               {@link InMemoryAlertOutbox})
         * @return this
         */
        public Builder outbox(AlertOutbox outbox) {
            this.outbox = Objects.requireNonNull(outbox, "outbox");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Takes an engine's clock, alert sinks and (unless {@link #outbox} is set) its alert outbox, durable with a
         * durable store; a sink that is also an {@link EventSink} (the signed webhook) gets the outgoing events too.
         *
         * @param engine the engine, never null
         * @return this
         */
        public Builder engine(NpsEngine engine) {
            Objects.requireNonNull(engine, "engine");
            clock(engine.clock());
            this.engine = engine;
            for (AlertSink sink : engine.alertSinks()) {
                alertSink(sink);
                if (sink instanceof EventSink events) {
                    eventSink(events);
                }
            }
            return this;
        }

        public Builder alertSink(AlertSink sink) {
            put(alertSinks, Objects.requireNonNull(sink, "sink").name(), sink, "alert sink");
            return this;
        }

        public Builder alertSinks(List<AlertSink> sinks) {
            sinks.forEach(this::alertSink);
            return this;
        }

        public Builder eventSink(EventSink sink) {
            put(eventSinks, Objects.requireNonNull(sink, "sink").name(), sink, "event sink");
            return this;
        }

        public Builder crmWriter(CrmWriter writer) {
            put(crmWriters, Objects.requireNonNull(writer, "writer").name(), writer, "CRM writer");
            return this;
        }

        /** @param maxAttempts attempts before dead-lettering, 1..100 (default {@value AlertRelay#DEFAULT_MAX_ATTEMPTS}) */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1 || maxAttempts > 100) {
                throw NpsException.invalid("maxAttempts", "must be 1..100 (got " + maxAttempts + ")");
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /**
         * @param first the first back-off, positive
         * @param max   the longest back-off, at least {@code first}
         * @return this
         */
        public Builder backoff(Duration first, Duration max) {
            if (first == null || first.isNegative() || first.isZero() || max == null || max.compareTo(first) < 0) {
                throw NpsException.invalid("backoff", "first must be positive and max at least first (got " + first + ", " + max + ")");
            }
            this.backoff = first;
            this.maxBackoff = max;
            return this;
        }

        private static <T> void put(Map<String, T> map, String name, T value, String what) {
            if (name == null || name.isBlank()) {
                throw NpsException.invalid(what, "has no name");
            }
            if (map.containsKey(name)) {
                throw NpsException.invalid(what, "a " + what + " named '" + name + "' is already registered");
            }
            map.put(name, value);
        }

        /**
         * @return the relay
         * @throws NpsException {@code CONFIGURATION} when it has no target at all: alerts and events would vanish
         */
        public AlertRelay build() {
            if (alertSinks.isEmpty() && eventSinks.isEmpty() && crmWriters.isEmpty()) {
                throw new NpsException(ErrorCode.CONFIGURATION, "the alert relay has no alert sink, event sink or CRM writer, so "
                        + "everything published would be lost; configure one (e.g. nps.alert.slack.url or nps.alert.webhook.url "
                        + "and .secret) or register one with alertSink(...), eventSink(...) or crmWriter(...)");
            }
            AlertOutbox chosen = outbox != null ? outbox : engine != null ? engine.alertOutbox() : new InMemoryAlertOutbox();
            return new AlertRelay(this, chosen);
        }
    }

    @Override
    public String toString() {
        return "AlertRelay[alertSinks=" + alertSinks.keySet() + ", eventSinks=" + eventSinks.keySet() + ", crmWriters=" + crmWriters.keySet() + "]";
    }
}
