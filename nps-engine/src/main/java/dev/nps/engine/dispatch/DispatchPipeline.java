package dev.nps.engine.dispatch;

import dev.nps.api.ChannelName;
import dev.nps.api.ErrorCode;
import dev.nps.api.NpsException;
import dev.nps.api.internal.Checks;
import dev.nps.engine.links.InAppPrompts;
import dev.nps.engine.links.LinkResponses;
import dev.nps.engine.links.ResponseLinks;
import dev.nps.engine.links.ResponseRecorder;
import dev.nps.engine.rules.ContactRules;
import dev.nps.engine.rules.Eligibility;
import dev.nps.engine.rules.FatiguePolicy;
import dev.nps.engine.store.InMemoryStore;
import dev.nps.spi.Channel;
import dev.nps.spi.DispatchStore;
import dev.nps.spi.NpsStore;
import dev.nps.spi.PluginConfig;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The distribution pipeline of one engine: invitations from events, schedules and by hand; the contact rules; the
 * dispatcher; response links and in-app prompts. Reached through {@code NpsEngine.dispatch()}. Thread-safe.
 *
 * <p>The outbox is the dispatch store given to the engine, else the engine's store when it implements
 * {@link DispatchStore}, else an in-memory outbox when the engine's store is the in-memory store. A persistent store
 * without an outbox is never paired silently with an in-memory one (invitations would vanish on restart): asking
 * for the pipeline then fails and says what to configure.
 *
 * @since 0.1
 */
public final class DispatchPipeline implements AutoCloseable {
    private final NpsStore store;
    private final Map<ChannelName, Channel> channels;
    private final Clock clock;
    private final DispatchStore outbox;
    private final Eligibility eligibility;
    private final Invitations invitations;
    private final ContactRules rules;
    private final Optional<ResponseLinks> links;
    private final Optional<LinkResponses> linkResponses;
    private final Optional<InAppPrompts> prompts;
    private Dispatcher dispatcher;

    /** Configuration prefix of the pipeline's keys. {@value} */
    public static final String CONFIG_PREFIX = "nps.dispatch";

    /**
     * A pipeline with the default rules.
     *
     * @param store     the engine's store
     * @param channels  the engine's channels
     * @param clock     the engine's clock
     * @param recorder  how answers are recorded (the engine's responses)
     * @param outbox    an explicitly configured dispatch store, if any
     * @param linksBase the public base URI of the HTTP module, if response links are wanted
     * @throws NpsException {@code CONFIGURATION} when no outbox can be found for the store
     */
    public DispatchPipeline(NpsStore store, Map<ChannelName, Channel> channels, Clock clock, ResponseRecorder recorder,
                            Optional<DispatchStore> outbox, Optional<URI> linksBase) {
        this(store, channels, clock, recorder, outbox, linksBase, PluginConfig.empty());
    }

    /**
     * A pipeline configured by the keys under {@value #CONFIG_PREFIX}: {@code fatigue-window} (a duration, default
     * 90d), {@code fatigue-scope} ({@code across-surveys} or {@code per-survey}), {@code default-zone} (IANA zone for
     * contacts without one, default UTC) and {@code link-expiry} (default 30d).
     *
     * @param config the engine's root configuration (full keys)
     * @throws NpsException {@code CONFIGURATION} naming a bad key, or when no outbox can be found for the store
     */
    public DispatchPipeline(NpsStore store, Map<ChannelName, Channel> channels, Clock clock, ResponseRecorder recorder,
                            Optional<DispatchStore> outbox, Optional<URI> linksBase, PluginConfig config) {
        this.store = Checks.notNull(store, "store");
        this.channels = Map.copyOf(Checks.notNull(channels, "channels"));
        this.clock = Checks.notNull(clock, "clock");
        Checks.notNull(recorder, "recorder");
        PluginConfig c = Checks.notNull(config, "config").scoped(CONFIG_PREFIX);
        FatiguePolicy fatigue = new FatiguePolicy(positive(c, "fatigue-window", FatiguePolicy.DEFAULT.window()), scope(c));
        ZoneId zone = zone(c);
        Duration linkExpiry = positive(c, "link-expiry", ResponseLinks.DEFAULT_EXPIRY);
        this.outbox = Checks.notNull(outbox, "dispatchStore").orElseGet(() -> defaultOutbox(store));
        this.eligibility = new Eligibility(this.outbox, this.channels, fatigue, Eligibility.defaultQuietHours(), zone);
        this.invitations = Invitations.of(store, this.outbox, eligibility, clock);
        this.rules = new ContactRules(store, this.outbox, clock);
        this.links = Checks.notNull(linksBase, "responseLinks").map(b -> new ResponseLinks(b, this.outbox, clock, new SecureRandom(),
                linkExpiry));
        this.linkResponses = links.map(l -> new LinkResponses(l, store, this.outbox, recorder, clock));
        this.prompts = links.map(l -> new InAppPrompts(store, this.outbox, eligibility, l, clock, () -> UUID.randomUUID().toString()));
    }

    private static Duration positive(PluginConfig c, String name, Duration fallback) {
        Duration d = c.duration(name, fallback);
        if (d.isNegative() || d.isZero()) {
            throw new NpsException(ErrorCode.CONFIGURATION, c.key(name) + ": must be positive (got " + d + ")");
        }
        return d;
    }

    private static FatiguePolicy.Scope scope(PluginConfig c) {
        String v = c.string("fatigue-scope", "across-surveys").toLowerCase(Locale.ROOT);
        return switch (v) {
            case "across-surveys" -> FatiguePolicy.Scope.ACROSS_SURVEYS;
            case "per-survey" -> FatiguePolicy.Scope.PER_SURVEY;
            default -> throw new NpsException(ErrorCode.CONFIGURATION, c.key("fatigue-scope") + ": use across-surveys or per-survey");
        };
    }

    private static ZoneId zone(PluginConfig c) {
        String v = c.string("default-zone", "UTC");
        try {
            return ZoneId.of(v);
        } catch (DateTimeException e) {
            throw new NpsException(ErrorCode.CONFIGURATION, c.key("default-zone") + ": not an IANA zone such as Europe/Berlin");
        }
    }

    private static DispatchStore defaultOutbox(NpsStore store) {
        if (store instanceof DispatchStore d) {
            return d;
        }
        if (store instanceof InMemoryStore) {
            return new InMemoryDispatchStore();
        }
        throw new NpsException(ErrorCode.CONFIGURATION, "dispatch: the store " + store.describe() + " has no outbox (it does not "
                + "implement dev.nps.spi.DispatchStore); give the engine one with dispatchStore(...), e.g. the JDBC store's");
    }

    /** @return manual invitations, events and schedules */
    public Invitations invitations() {
        return invitations;
    }

    /** @return where host events are published */
    public Events events() {
        return invitations::publish;
    }

    /** @return consent, suppressions, unsubscribes and skip records */
    public ContactRules rules() {
        return rules;
    }

    /** @return the eligibility rules */
    public Eligibility eligibility() {
        return eligibility;
    }

    /** @return the outbox */
    public DispatchStore outbox() {
        return outbox;
    }

    /**
     * @return invitation numbers per period from this pipeline's outbox, for the response-rate rule and funnels
     * @since 0.2
     */
    public OutboxInvitationCounts invitationCounts() {
        return new OutboxInvitationCounts(outbox, store);
    }

    /**
     * @param surveys the survey whose invitation is sent for each kind of follow-up
     * @return the workflow's follow-up sender over this pipeline (see {@link PipelineFollowUps})
     * @throws NpsException {@code INVALID_ARGUMENT} when the map is empty or names a blank survey
     * @since 0.2
     */
    public PipelineFollowUps followUps(Map<dev.nps.engine.workflow.FollowUpRequest.Kind, String> surveys) {
        return new PipelineFollowUps(invitations, surveys);
    }

    /** @return response links, when a base URI was configured */
    public Optional<ResponseLinks> links() {
        return links;
    }

    /** @return what the HTTP module needs to answer links, when a base URI was configured */
    public Optional<LinkResponses> linkResponses() {
        return linkResponses;
    }

    /** @return in-app prompts, when a base URI was configured */
    public Optional<InAppPrompts> inAppPrompts() {
        return prompts;
    }

    /**
     * @return the dispatcher over the engine's channels, built on first use with the defaults
     * @throws NpsException {@code CONFIGURATION} when the engine has no channel
     */
    public synchronized Dispatcher dispatcher() {
        if (dispatcher == null) {
            if (channels.isEmpty()) {
                throw new NpsException(ErrorCode.CONFIGURATION, "dispatch: the engine has no channel; register one with "
                        + "NpsEngine.builder().channel(...) or add a channel module such as dev.nps:nps-channels-email");
            }
            Dispatcher.Builder b = Dispatcher.builder().store(store).dispatchStore(outbox).clock(clock).rules(eligibility);
            channels.values().forEach(b::channel);
            links.ifPresent(b::responseLinks);
            dispatcher = b.build();
        }
        return dispatcher;
    }

    /** Runs one dispatch round now (see {@link Dispatcher#runOnce()}). */
    public int runOnce() {
        return dispatcher().runOnce();
    }

    /** Starts dispatching every second on the scheduler. */
    public void start(ScheduledExecutorService scheduler) {
        dispatcher().start(scheduler);
    }

    /** Stops the dispatcher, letting sends in flight finish. */
    @Override
    public synchronized void close() {
        if (dispatcher != null) {
            dispatcher.close();
        }
    }
}
