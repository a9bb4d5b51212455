package dev.nps.engine.dispatch;

import dev.nps.api.ChannelName;
import dev.nps.api.Contact;
import dev.nps.api.ErrorCode;
import dev.nps.api.NpsException;
import dev.nps.api.Survey;
import dev.nps.api.internal.Checks;
import dev.nps.engine.links.ResponseLinks;
import dev.nps.engine.rules.Decision;
import dev.nps.engine.rules.Eligibility;
import dev.nps.spi.Channel;
import dev.nps.spi.Delivery;
import dev.nps.spi.DispatchStore;
import dev.nps.spi.Invitation;
import dev.nps.spi.InvitationInsert;
import dev.nps.spi.InvitationStatus;
import dev.nps.spi.NpsStore;
import dev.nps.spi.SendOutcome;
import dev.nps.spi.SkipReason;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends due invitations from the outbox, at least once, safely with several dispatchers (threads, instances) on
 * one {@link DispatchStore}.
 *
 * <p>One round ({@link #runOnce()}): create due reminders; claim due rows under a lease (a short store operation);
 * read what the rules need for the whole claimed batch at once (surveys, contacts, answered invitations,
 * unsubscribes, suppressions, recent sends: one store call each, see {@link DispatchRound}); for each row check the
 * rules again, then send with no transaction open; record the outcomes together with
 * {@link DispatchStore#updateClaimedAll}, each update fenced on its claim, so a dispatcher whose lease ran out cannot
 * overwrite a newer result. What a row changes is seen by the batch's later rows (a send counts for fatigue, a
 * suppression skips the address). Outcomes are written when the round ends or after
 * {@link #OUTCOME_FLUSH_INTERVAL} at the latest. Outcomes:
 * <ul>
 *   <li>accepted: sent; a reminder is planned when the survey's policy asks for one;</li>
 *   <li>retryable: again after full-jitter exponential backoff (at least the channel's retry-after); when the
 *       channel says it is down, the channel is paused instead and the message keeps its attempts;</li>
 *   <li>permanent: failed, and the address suppressed when the channel says so;</li>
 *   <li>ambiguous: per channel, treated as sent or retried.</li>
 * </ul>
 * Out of attempts or older than the maximum age, a row becomes dead: the {@link DeadLetterListener} hears of it and
 * {@link #requeue(String)} puts it back.
 *
 * <p>Delivery guarantee: a crash after claiming but before sending only delays the message until the lease runs
 * out. A crash after the channel accepted but before the outcome was recorded sends it once more after the
 * lease (with batched recording, the sends of up to {@link #OUTCOME_FLUSH_INTERVAL} before the crash); such take-overs are counted ({@link DispatchStats#takenOver()}, {@link Invitation#recoveredClaims()}) and the
 * channel sees the same invitation id twice (use it to de-duplicate where the medium allows).
 *
 * @since 0.1
 */
public final class Dispatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    /** Default lease on a claimed row: 2 minutes. */
    public static final Duration DEFAULT_LEASE = Duration.ofMinutes(2);
    /** Default rows claimed per round: {@value}. */
    public static final int DEFAULT_BATCH_SIZE = 100;
    /** Default attempts before the dead-letter state: {@value}. */
    public static final int DEFAULT_MAX_ATTEMPTS = 8;
    /** Default age after which an unsent invitation is dead: 3 days. */
    public static final Duration DEFAULT_MAX_AGE = Duration.ofDays(3);
    /**
     * Longest an outcome waits to be written with others of its round: 200 ms. Bounds how many sends a crash can
     * leave unrecorded (and so sent again after the lease) when the channel is slow.
     */
    public static final Duration OUTCOME_FLUSH_INTERVAL = Duration.ofMillis(200);
    /** Default wait between rounds when started: 1 second. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(1);

    private final NpsStore store;
    private final DispatchStore outbox;
    private final Map<ChannelName, Channel> channels;
    private final Map<ChannelName, ChannelPolicy> policies;
    private final Map<ChannelName, TokenBucket> buckets = new HashMap<>();
    private final Map<ChannelName, Semaphore> permits = new HashMap<>();
    private final Map<ChannelName, CircuitBreaker> breakers = new HashMap<>();
    private final Eligibility rules;
    private final Clock clock;
    private final Backoff backoff;
    private final String owner;
    private final Duration lease;
    private final int batchSize;
    private final int maxAttempts;
    private final Duration maxAge;
    private final Optional<ResponseLinks> links;
    private final DeadLetterListener deadLetters;
    private final Executor sendExecutor;
    private final Duration pollInterval;
    private final Duration closeTimeout;

    private final DispatchOutcomes outcomes;
    private final AtomicLong fencedOut = new AtomicLong();
    private final AtomicLong takenOver = new AtomicLong();
    private final AtomicLong reminders = new AtomicLong();

    private final Object lifecycle = new Object();
    private int running;
    private boolean closed;
    private ScheduledFuture<?> scheduled;

    private Dispatcher(Builder b) {
        this.store = b.store;
        this.outbox = b.outbox;
        this.channels = Map.copyOf(b.channels);
        Map<ChannelName, ChannelPolicy> p = new HashMap<>();
        Instant now = b.clock.instant();
        for (ChannelName c : channels.keySet()) {
            ChannelPolicy policy = b.policies.getOrDefault(c, ChannelPolicy.DEFAULT);
            p.put(c, policy);
            if (policy.ratePerSecond() > 0) {
                buckets.put(c, new TokenBucket(policy.ratePerSecond(), policy.burst(), now));
            }
            permits.put(c, new Semaphore(policy.maxConcurrent()));
            breakers.put(c, new CircuitBreaker(policy.pause(), policy.maxPause()));
        }
        this.policies = Map.copyOf(p);
        this.rules = b.rules != null ? b.rules : Eligibility.defaults(b.outbox, channels);
        this.clock = b.clock;
        this.backoff = b.backoff != null ? b.backoff : Backoff.defaults(b.random != null ? b.random : new Random());
        this.owner = b.owner != null ? b.owner : "dispatcher-" + UUID.randomUUID();
        this.lease = b.lease;
        this.batchSize = b.batchSize;
        this.maxAttempts = b.maxAttempts;
        this.maxAge = b.maxAge;
        this.links = Optional.ofNullable(b.links);
        this.deadLetters = b.deadLetters;
        this.sendExecutor = b.sendExecutor;
        this.pollInterval = b.pollInterval;
        this.closeTimeout = b.closeTimeout;
        this.outcomes = new DispatchOutcomes(outbox, policies, breakers, backoff, maxAttempts, maxAge, deadLetters, clock);
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return this dispatcher's claim owner name */
    public String owner() {
        return owner;
    }

    /**
     * Runs one round: creates due reminders, claims due invitations and sends them, waiting for every send of the
     * round to be recorded.
     *
     * @return how many claimed rows were handled (sent, retried, failed, skipped or deferred)
     * @throws NpsException {@code CLOSED} after {@link #close()}
     */
    public int runOnce() {
        synchronized (lifecycle) {
            if (closed) {
                throw new NpsException(ErrorCode.CLOSED, "the dispatcher is closed; build a new one");
            }
            running++;
        }
        try {
            createDueReminders();
            Instant now = clock.instant();
            Set<ChannelName> excluded = new HashSet<>();
            breakers.forEach((c, b) -> {
                if (b.paused(now)) {
                    excluded.add(c);
                }
            });
            List<Invitation> claimed = outbox.claimDue(now, owner, lease, batchSize, excluded);
            if (claimed.isEmpty()) {
                return 0;
            }
            DispatchRound round = DispatchRound.read(store, outbox, rules, now, claimed, batchSize, OUTCOME_FLUSH_INTERVAL,
                    this::fencedOut);
            try {
                if (sendExecutor == null) {
                    claimed.forEach(inv -> handleSafely(inv, round));
                } else {
                    List<CompletableFuture<Void>> futures = new ArrayList<>(claimed.size());
                    for (Invitation inv : claimed) {
                        futures.add(CompletableFuture.runAsync(() -> handleSafely(inv, round), sendExecutor));
                    }
                    CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
                }
            } finally {
                round.flush();
            }
            return claimed.size();
        } finally {
            synchronized (lifecycle) {
                running--;
                lifecycle.notifyAll();
            }
        }
    }

    private void handleSafely(Invitation inv, DispatchRound round) {
        try {
            handle(inv, round);
        } catch (RuntimeException e) {
            // The row stays claimed; another round takes it over when the lease runs out.
            LOG.warn("invitation {} could not be handled ({}); it is retried after its lease", inv.id(), e.getClass().getSimpleName());
        }
    }

    private void handle(Invitation inv, DispatchRound round) {
        if (inv.takenOver()) {
            takenOver.incrementAndGet();
            LOG.warn("invitation {}: taken over after an expired lease; if the previous claimer had sent it, this is a duplicate",
                    inv.id());
        }
        Instant now = clock.instant();
        Optional<Survey> survey = round.survey(inv.surveyId());
        if (survey.isEmpty()) {
            outcomes.skip(round, inv, SkipReason.SURVEY_NOT_FOUND, "survey no longer exists", now);
            return;
        }
        Optional<Contact> contact = round.contact(inv.contactId());
        if (contact.isEmpty()) {
            outcomes.skip(round, inv, SkipReason.CONTACT_NOT_FOUND, "contact no longer exists", now);
            return;
        }
        if (round.answered(inv.rootId())) {
            outcomes.skip(round, inv, SkipReason.ALREADY_RESPONDED, "the invitation was answered", now);
            return;
        }
        Decision decision = rules.choose(survey.get(), contact.get(), round.rules());
        if (decision instanceof Decision.Skip s) {
            outcomes.skip(round, inv, s.reason(), s.detail(), now);
            return;
        }
        Optional<Decision> fatigued = rules.fatiguedAtSend(survey.get(), inv, now, round.rules());
        if (fatigued.isPresent()) {
            Decision.Skip s = (Decision.Skip) fatigued.get();
            outcomes.skip(round, inv, s.reason(), s.detail(), now);
            return;
        }
        ChannelName channelName = ((Decision.Send) decision).channel();
        Invitation row = channelName.equals(inv.channel()) ? inv : inv.withChannel(channelName);
        Instant sendAt = rules.sendTime(survey.get(), contact.get(), channelName, now);
        if (sendAt.isAfter(now)) {
            outcomes.defer(round, row, sendAt, "deferred: quiet hours");
            return;
        }
        if (now.isAfter(DispatchOutcomes.firstDue(row, survey.get()).plus(maxAge))) {
            outcomes.toDead(round, row, row.attempts(), "dead: older than " + maxAge);
            return;
        }
        CircuitBreaker breaker = breakers.get(channelName);
        if (breaker.paused(now)) {
            outcomes.defer(round, row, breaker.pausedUntil(), "deferred: channel paused");
            return;
        }
        TokenBucket bucket = buckets.get(channelName);
        if (bucket != null && !bucket.tryTake(now)) {
            outcomes.defer(round, row, bucket.nextToken(now), "deferred: rate limit");
            return;
        }
        Semaphore permit = permits.get(channelName);
        if (!permit.tryAcquire()) {
            outcomes.defer(round, row, now.plusMillis(100), "deferred: concurrency cap");
            return;
        }
        // Last, so a granted probe is always followed by a send that settles the breaker.
        if (!breaker.tryPass(now)) {
            permit.release();
            outcomes.defer(round, row, now.plusSeconds(1), "deferred: channel being probed");
            return;
        }
        SendOutcome outcome;
        try {
            outcome = send(channels.get(channelName), row, survey.get(), contact.get());
        } finally {
            permit.release();
        }
        outcomes.record(round, row, survey.get(), contact.get(), outcome);
    }

    private SendOutcome send(Channel channel, Invitation row, Survey survey, Contact contact) {
        List<URI> scoreLinks = List.of();
        Optional<URI> unsubscribe = Optional.empty();
        if (links.isPresent()) {
            String token = links.get().issue(row);
            scoreLinks = links.get().scoreLinks(token);
            unsubscribe = Optional.of(links.get().unsubscribeLink(token));
        }
        Delivery delivery = new Delivery(row.id(), row.attempts() + 1, row.reminder(), survey, contact,
                contact.locale().orElse(survey.language()), scoreLinks, unsubscribe);
        try {
            SendOutcome outcome = channel.send(delivery);
            if (outcome == null) {
                return new SendOutcome.Retryable(Optional.empty(), "channel returned no outcome", false);
            }
            return outcome;
        } catch (RuntimeException e) {
            // A channel should return outcomes; an exception is a bug or an unexpected failure: retry, don't lose it.
            LOG.warn("channel {} threw {} for invitation {}; retrying", channel.name(), e.getClass().getSimpleName(), row.id());
            return new SendOutcome.Retryable(Optional.empty(), "channel threw " + e.getClass().getSimpleName(), false);
        }
    }

    private void fencedOut(Invitation claimed) {
        fencedOut.incrementAndGet();
        LOG.warn("invitation {}: outcome not recorded, another dispatcher took the claim over (fence {})", claimed.id(), claimed.fence());
    }

    // Reminders are created one by one: few per round, and each insert is its own idempotent write.
    private void createDueReminders() {
        Instant now = clock.instant();
        for (Invitation parent : outbox.findRemindersDue(now, batchSize)) {
            Optional<Survey> survey = store.findSurvey(parent.surveyId());
            int n = parent.reminder() + 1;
            boolean wanted = survey.isPresent() && n <= survey.get().reminders().maxReminders()
                    && store.findResponseByInvitation(parent.rootId()).isEmpty();
            if (wanted) {
                String key = "reminder:" + parent.rootId() + ":" + n;
                Invitation reminder = new Invitation(UUID.randomUUID().toString(), parent.rootId(), key, parent.surveyId(),
                        parent.contactId(), parent.channel(), n, "reminder", InvitationStatus.PENDING, now, now, 0,
                        Optional.empty(), Optional.empty(), 0, 0, Optional.empty(), Optional.empty(), Optional.empty());
                if (outbox.insertInvitation(reminder, Optional.empty()).status() == InvitationInsert.Status.INSERTED) {
                    reminders.incrementAndGet();
                }
            }
            outbox.clearNextReminder(parent.id());
        }
    }

    /**
     * Puts a dead or failed invitation back in the outbox, due now, with its attempts reset.
     *
     * @return whether it was requeued
     */
    public boolean requeue(String invitationId) {
        Checks.id(invitationId, "invitationId");
        return outbox.requeue(invitationId, clock.instant());
    }

    /** @return the dead-letter list, oldest first, up to {@code limit} */
    public List<Invitation> deadLetters(int limit) {
        return outbox.findInvitations(InvitationStatus.DEAD, limit);
    }

    /** @return a snapshot of the counters */
    public DispatchStats stats() {
        return new DispatchStats(outcomes.sent.get(), outcomes.retried.get(), outcomes.failed.get(), outcomes.dead.get(),
                outcomes.skipped.get(), outcomes.deferred.get(), fencedOut.get(), takenOver.get(), reminders.get());
    }

    /**
     * Runs a round every poll interval on the scheduler until {@link #close()}.
     *
     * @param scheduler the host's scheduler; the dispatcher never shuts it down
     * @throws NpsException {@code CLOSED} after close, {@code CONFLICT} when already started
     */
    public void start(ScheduledExecutorService scheduler) {
        Checks.notNull(scheduler, "scheduler");
        synchronized (lifecycle) {
            if (closed) {
                throw new NpsException(ErrorCode.CLOSED, "the dispatcher is closed; build a new one");
            }
            if (scheduled != null) {
                throw new NpsException(ErrorCode.CONFLICT, "the dispatcher is already started");
            }
            scheduled = scheduler.scheduleWithFixedDelay(this::scheduledRound, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void scheduledRound() {
        try {
            runOnce();
        } catch (NpsException e) {
            if (e.code() != ErrorCode.CLOSED) {
                LOG.warn("dispatch round failed: {}", e.getMessage());
            }
        } catch (RuntimeException e) {
            LOG.warn("dispatch round failed with {}", e.getClass().getSimpleName());
        }
    }

    /** Stops scheduling and lets the sends in flight finish (up to the close timeout). */
    @Override
    public void close() {
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
            if (scheduled != null) {
                scheduled.cancel(false);
            }
            long deadline = System.nanoTime() + closeTimeout.toNanos();
            while (running > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    LOG.warn("dispatcher closed with sends still in flight after {}; their rows are retried after the lease", closeTimeout);
                    return;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(lifecycle, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Builder; {@link #build()} checks that the stores, a channel and a clock are set. */
    public static final class Builder {
        private NpsStore store;
        private DispatchStore outbox;
        private final Map<ChannelName, Channel> channels = new LinkedHashMap<>();
        private final Map<ChannelName, ChannelPolicy> policies = new HashMap<>();
        private Eligibility rules;
        private Clock clock;
        private Random random;
        private Backoff backoff;
        private String owner;
        private Duration lease = DEFAULT_LEASE;
        private int batchSize = DEFAULT_BATCH_SIZE;
        private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
        private Duration maxAge = DEFAULT_MAX_AGE;
        private ResponseLinks links;
        private DeadLetterListener deadLetters = inv -> { };
        private Executor sendExecutor;
        private Duration pollInterval = DEFAULT_POLL_INTERVAL;
        private Duration closeTimeout = Duration.ofSeconds(30);

        private Builder() {}

        /** Where surveys, contacts and responses are read. */
        public Builder store(NpsStore store) {
            this.store = Checks.notNull(store, "store");
            return this;
        }

        /** The outbox. */
        public Builder dispatchStore(DispatchStore outbox) {
            this.outbox = Checks.notNull(outbox, "dispatchStore");
            return this;
        }

        /** Adds a channel; a name may be registered once. */
        public Builder channel(Channel channel) {
            Checks.notNull(channel, "channel");
            if (channels.putIfAbsent(channel.name(), channel) != null) {
                throw NpsException.invalid("channel", "'" + channel.name() + "' is registered twice");
            }
            return this;
        }

        /** Sets a channel's policy (rate limit, concurrency, ambiguous outcomes, pauses). */
        public Builder channelPolicy(ChannelName channel, ChannelPolicy policy) {
            policies.put(Checks.notNull(channel, "channel"), Checks.notNull(policy, "channelPolicy"));
            return this;
        }

        /** The eligibility rules; by default the standard rules over the dispatch store and these channels. */
        public Builder rules(Eligibility rules) {
            this.rules = Checks.notNull(rules, "rules");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Checks.notNull(clock, "clock");
            return this;
        }

        /** The random source of the default backoff's jitter. */
        public Builder random(Random random) {
            this.random = Checks.notNull(random, "random");
            return this;
        }

        public Builder backoff(Backoff backoff) {
            this.backoff = Checks.notNull(backoff, "backoff");
            return this;
        }

        /** The claim owner's name (unique per dispatcher); a random one by default. */
        public Builder owner(String owner) {
            this.owner = Checks.notBlank(owner, "owner");
            return this;
        }

        public Builder lease(Duration lease) {
            Checks.notNull(lease, "lease");
            if (lease.isNegative() || lease.isZero()) {
                throw NpsException.invalid("lease", "must be positive (got " + lease + ")");
            }
            this.lease = lease;
            return this;
        }

        public Builder batchSize(int batchSize) {
            if (batchSize < 1 || batchSize > 10_000) {
                throw NpsException.invalid("batchSize", "must be 1..10000 (got " + batchSize + ")");
            }
            this.batchSize = batchSize;
            return this;
        }

        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1 || maxAttempts > 100) {
                throw NpsException.invalid("maxAttempts", "must be 1..100 (got " + maxAttempts + ")");
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        public Builder maxAge(Duration maxAge) {
            Checks.notNull(maxAge, "maxAge");
            if (maxAge.isNegative() || maxAge.isZero()) {
                throw NpsException.invalid("maxAge", "must be positive (got " + maxAge + ")");
            }
            this.maxAge = maxAge;
            return this;
        }

        /** Response links put in every delivery; without them deliveries carry no links. */
        public Builder responseLinks(ResponseLinks links) {
            this.links = Checks.notNull(links, "responseLinks");
            return this;
        }

        public Builder deadLetterListener(DeadLetterListener listener) {
            this.deadLetters = Checks.notNull(listener, "deadLetterListener");
            return this;
        }

        /**
         * Runs sends in parallel on this executor (each channel still capped); by default on the calling thread. A
         * round waits for its sends, so this must not be the single thread the rounds themselves run on.
         */
        public Builder sendExecutor(Executor executor) {
            this.sendExecutor = Checks.notNull(executor, "sendExecutor");
            return this;
        }

        public Builder pollInterval(Duration interval) {
            Checks.notNull(interval, "pollInterval");
            if (interval.isNegative() || interval.isZero()) {
                throw NpsException.invalid("pollInterval", "must be positive (got " + interval + ")");
            }
            this.pollInterval = interval;
            return this;
        }

        public Builder closeTimeout(Duration timeout) {
            this.closeTimeout = Checks.notNull(timeout, "closeTimeout");
            return this;
        }

        /** @return the dispatcher */
        public Dispatcher build() {
            List<String> problems = new ArrayList<>();
            if (store == null) {
                problems.add("store: not set; pass the engine's NpsStore");
            }
            if (outbox == null) {
                problems.add("dispatchStore: not set; use new InMemoryDispatchStore() or the JDBC store");
            }
            if (channels.isEmpty()) {
                problems.add("channel: none registered; add at least one Channel");
            }
            if (clock == null) {
                problems.add("clock: not set; use Clock.systemUTC()");
            }
            for (ChannelName c : policies.keySet()) {
                if (!channels.containsKey(c)) {
                    problems.add("channelPolicy: '" + c + "' has a policy but no channel");
                }
            }
            if (!problems.isEmpty()) {
                throw new NpsException(ErrorCode.CONFIGURATION, "dispatcher configuration: " + String.join("; ", problems));
            }
            return new Dispatcher(this);
        }
    }
}
