package dev.nps.engine;

import dev.nps.api.ChannelName;
import dev.nps.api.ErrorCode;
import dev.nps.api.NpsException;
import dev.nps.api.Response;
import dev.nps.api.analytics.ResponseFilter;
import dev.nps.api.analytics.ThemeReport;
import dev.nps.engine.analytics.NpsAnalytics;
import dev.nps.engine.dispatch.DispatchPipeline;
import dev.nps.engine.dispatch.Events;
import dev.nps.engine.dispatch.InvitationResult;
import dev.nps.engine.links.ResponseRecorder;
import dev.nps.engine.text.FeedbackRow;
import dev.nps.engine.text.StoredFeedback;
import dev.nps.engine.text.ThemeReporter;
import dev.nps.engine.providers.ProviderResolver;
import dev.nps.engine.store.InMemoryStore;
import dev.nps.spi.AlertSink;
import dev.nps.spi.Channel;
import dev.nps.spi.NpsStore;
import dev.nps.spi.PluginConfig;
import dev.nps.spi.TextAnalyser;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The NPS engine: the one object an application builds, keeps for its lifetime and closes at shutdown.
 *
 * <pre>{@code
 * try (NpsEngine nps = NpsEngine.builder().inMemoryStore().build()) {
 *     nps.surveys().define("post-purchase").followUp(Category.DETRACTOR, "What should we fix first?").save();
 *     nps.responses().record(Response.builder("post-purchase", 9).id("r-1").contact("c-42").build(Instant.now()));
 * }
 * }</pre>
 *
 * <p><b>Plug-ins.</b> Explicit registration comes first: {@link Builder#store(NpsStore)},
 * {@link Builder#channel(Channel)}, {@link Builder#textAnalyser(TextAnalyser)}, {@link Builder#alertSink(AlertSink)}.
 * Unless {@link Builder#discoverProviders(boolean) turned off}, {@link java.util.ServiceLoader} then adds what
 * the class path provides, chosen by the table written in {@link ProviderResolver}; an explicitly registered
 * plug-in always beats a discovered one of the same slot or name. Each discovered provider is created with its
 * own slice of the {@link Builder#config(PluginConfig) configuration}: {@code nps.store.*} for the store,
 * {@code nps.text.*} for the text analyser, {@code nps.channel.<name>.*} for a channel,
 * {@code nps.alert.<name>.*} for an alert sink. The engine reads these keys itself:
 * <ul>
 *   <li>{@value #STORE_NAME_KEY}: the store provider to use, e.g. {@code jdbc};</li>
 *   <li>{@value #TEXT_ANALYSER_NAME_KEY}: the text analyser provider to use;</li>
 *   <li>{@value #CHANNELS_KEY}: comma-separated channel providers to create (default: every one discovered);</li>
 *   <li>{@value #ALERT_SINKS_KEY}: comma-separated alert sink providers to create (default: every one discovered
 *       whose {@link dev.nps.spi.AlertSinkProvider#configured configured(...)} says it has settings, so the
 *       built-in {@code slack} and {@code webhook} sinks start only once their URL is set);</li>
 *   <li>{@value #MAX_COMMENT_LENGTH_KEY}: the comment length limit.</li>
 * </ul>
 * There is never a silent default store: without one, {@link Builder#build()} fails and says which artifact
 * to add, or to ask for {@link Builder#inMemoryStore()}.
 *
 * <p><b>Ownership.</b> The engine closes every plug-in registered with it or created by it, and the executor it
 * created itself; it never shuts down an executor it was given.
 *
 * <p>Thread-safe.
 *
 * @since 0.1
 */
public final class NpsEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NpsEngine.class);

    /** Configuration key naming the store provider. {@value} */
    public static final String STORE_NAME_KEY = "nps.store.name";
    /** Configuration key naming the text analyser provider. {@value} */
    public static final String TEXT_ANALYSER_NAME_KEY = "nps.text.name";
    /** Configuration key listing the channel providers to create. {@value} */
    public static final String CHANNELS_KEY = "nps.channels";
    /** Configuration key listing the alert sink providers to create. {@value} */
    public static final String ALERT_SINKS_KEY = "nps.alerts";
    /** Configuration key of the comment length limit. {@value} */
    public static final String MAX_COMMENT_LENGTH_KEY = "nps.comment.max-length";
    /** Default limit on a comment's length, in characters. {@value} */
    public static final int DEFAULT_MAX_COMMENT_LENGTH = 5_000;

    private final NpsStore store;
    private final Map<ChannelName, Channel> channels;
    private final Optional<TextAnalyser> textAnalyser;
    private final List<AlertSink> alertSinks;
    private final Clock clock;
    private final PluginConfig config;
    private final int maxCommentLength;
    private final Lifecycle lifecycle = new Lifecycle();
    private final ScheduledExecutorService givenExecutor;
    private volatile ScheduledExecutorService ownExecutor;
    private final Surveys surveys;
    private final Contacts contacts;
    private final EngineResponses responses;
    private final NpsAnalytics analytics;
    private final Optional<dev.nps.spi.DispatchStore> dispatchStore;
    private final Optional<java.net.URI> responseLinksBase;
    private DispatchPipeline dispatch;
    private final EngineStorage storage;

    private NpsEngine(EngineAssembly.Parts parts) {
        this.store = parts.store;
        this.channels = Collections.unmodifiableMap(new LinkedHashMap<>(parts.channels));
        this.textAnalyser = Optional.ofNullable(parts.textAnalyser);
        this.alertSinks = List.copyOf(parts.alertSinks);
        this.clock = parts.clock;
        this.config = parts.config;
        this.maxCommentLength = parts.maxCommentLength;
        this.givenExecutor = parts.executor;
        this.surveys = new EngineSurveys(store, lifecycle);
        this.contacts = new EngineContacts(store, lifecycle);
        this.responses = new EngineResponses(store, lifecycle, maxCommentLength, parts.listeners);
        this.analytics = new NpsAnalytics(store, clock);
        this.dispatchStore = Optional.ofNullable(parts.dispatchStore);
        this.responseLinksBase = Optional.ofNullable(parts.responseLinksBase);
        this.storage = new EngineStorage(store, clock);
    }

    /**
     * @return the distribution pipeline: invitations, contact rules, the dispatcher, response links (configured by
     *         the {@code nps.dispatch.*} keys, see {@link DispatchPipeline})
     * @throws NpsException {@code CONFIGURATION} when the store has no outbox and none was given with
     *                      {@link Builder#dispatchStore}, or a {@code nps.dispatch.*} key is invalid
     */
    public synchronized DispatchPipeline dispatch() {
        lifecycle.requireOpen();
        if (dispatch == null) {
            dispatch = new DispatchPipeline(store, channels, clock, ResponseRecorder.of(responses), dispatchStore, responseLinksBase,
                    config);
        }
        return dispatch;
    }

    /**
     * @return the outbox of alert, event and CRM deliveries: the store's when it implements
     *         {@link dev.nps.spi.AlertStorage} (durable, shared by every instance on the database), else one in
     *         memory for the in-memory store; the same instance on every call
     * @throws NpsException {@code CONFIGURATION} when the store is neither
     */
    public dev.nps.spi.AlertOutbox alertOutbox() {
        return alertStorage().alertOutbox();
    }

    /**
     * @return where follow-up cases live, chosen as {@link #alertOutbox()} is
     * @throws NpsException {@code CONFIGURATION} when the store keeps no cases and is not the in-memory store
     */
    public dev.nps.spi.CaseStore caseStore() {
        return alertStorage().caseStore();
    }

    /**
     * @return where alert cool-downs and raised keys are kept, chosen as {@link #alertOutbox()} is
     * @throws NpsException {@code CONFIGURATION} when the store keeps no alert state and is not the in-memory store
     */
    public dev.nps.spi.AlertState alertState() {
        return alertStorage().alertState();
    }

    private dev.nps.spi.AlertStorage alertStorage() {
        lifecycle.requireOpen();
        return storage.alerts();
    }

    /**
     * @return the response tags of the store, which implements {@link dev.nps.spi.WorkflowStorage} (durable and shared
     *         by every instance on the database for a durable store; in memory for the in-memory store); the same
     *         instance on every call
     * @throws NpsException {@code CONFIGURATION} when the store does not implement it
     */
    public dev.nps.spi.ResponseTags responseTags() {
        return workflowStorage().responseTags();
    }

    /**
     * @return the named counters behind round-robin assignment, chosen as {@link #responseTags()} is
     * @throws NpsException {@code CONFIGURATION} when the store keeps no sequences
     */
    public dev.nps.spi.Sequences sequences() {
        return workflowStorage().sequences();
    }

    private dev.nps.spi.WorkflowStorage workflowStorage() {
        lifecycle.requireOpen();
        return storage.workflows();
    }

    /** @return where host events are published: {@code events().publish(Event.of("order.completed", id, "c-42", now))} */
    public Events events() {
        return dispatch().events();
    }

    /**
     * Invites a contact to a survey now, subject to the contact rules.
     *
     * @param surveyId  the survey, never null
     * @param contactId the contact, never null
     * @return created, or skipped with the reason
     */
    public InvitationResult invite(String surveyId, String contactId) {
        return dispatch().invitations().invite(surveyId, contactId);
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return survey definitions */
    public Surveys surveys() {
        lifecycle.requireOpen();
        return surveys;
    }

    /** @return contacts */
    public Contacts contacts() {
        lifecycle.requireOpen();
        return contacts;
    }

    /** @return responses: record, edit, list, listen */
    public Responses responses() {
        lifecycle.requireOpen();
        return responses;
    }

    /**
     * @return NPS analytics over the engine's store: {@code analytics().nps().survey("s").last(Duration.ofDays(7))
     *         .groupBy("plan").run()}
     */
    public NpsAnalytics analytics() {
        lifecycle.requireOpen();
        return analytics;
    }

    /**
     * Builds the theme report over the responses a filter matches: per theme its share, NPS, impact on the overall
     * NPS with a standard error, trend, emergence and quotes; themes by category; attribute drivers. Themes are
     * discovered from the matching comments (reads at most {@link StoredFeedback#DEFAULT_MAX_ROWS}, newest first).
     * The engine's analyser supplies the themes and sentiment, with its configuration (user themes, renames, merges;
     * see {@link ThemeReporter#report(List, TextAnalyser)}).
     *
     * @param filter which responses, never null
     * @return the report, JSON-serialisable
     */
    public ThemeReport themeReport(ResponseFilter filter) {
        lifecycle.requireOpen();
        List<FeedbackRow> rows = StoredFeedback.read(store, filter);
        ThemeReporter reporter = ThemeReporter.builder().build();
        return textAnalyser.isPresent() ? reporter.report(rows, textAnalyser.get()) : reporter.report(rows);
    }

    /** @return the store in use */
    public NpsStore store() {
        lifecycle.requireOpen();
        return store;
    }

    /** @return every channel, by name, in registration order then discovered ones by name */
    public Map<ChannelName, Channel> channels() {
        return channels;
    }

    /**
     * @param name a channel name, never null
     * @return the channel of that name, if there is one
     */
    public Optional<Channel> channel(ChannelName name) {
        return Optional.ofNullable(channels.get(Objects.requireNonNull(name, "name")));
    }

    /** @return the text analyser, if one is registered or discovered */
    public Optional<TextAnalyser> textAnalyser() {
        return textAnalyser;
    }

    /** @return the alert sinks */
    public List<AlertSink> alertSinks() {
        return alertSinks;
    }

    /** @return the clock every time-based decision uses */
    public Clock clock() {
        return clock;
    }

    /** @return the root configuration */
    public PluginConfig config() {
        return config;
    }

    /** @return the limit on a comment's length, in characters */
    public int maxCommentLength() {
        return maxCommentLength;
    }

    /**
     * @return the executor for background work: the one given to the builder, or one daemon thread the
     *         engine starts on first use and stops on {@link #close()}
     */
    public ScheduledExecutorService executor() {
        lifecycle.requireOpen();
        if (givenExecutor != null) {
            return givenExecutor;
        }
        ScheduledExecutorService e = ownExecutor;
        if (e == null) {
            synchronized (this) {
                e = ownExecutor;
                if (e == null) {
                    ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(1, EngineAssembly.daemonThreads());
                    pool.setRemoveOnCancelPolicy(true);
                    ownExecutor = e = pool;
                }
            }
        }
        return e;
    }

    /** @return whether {@link #close()} was called */
    public boolean isClosed() {
        return lifecycle.isClosed();
    }

    /**
     * Closes the channels, alert sinks, text analyser and store (in that order, so nothing writes into a closed
     * store), then stops the engine's own executor. A plug-in that fails to close is logged and the others are
     * still closed. Calling it again does nothing.
     */
    @Override
    public void close() {
        if (!lifecycle.close()) {
            return;
        }
        synchronized (this) {
            if (dispatch != null) {
                dispatch.close();
            }
            if (ownExecutor != null) {
                ownExecutor.shutdownNow();
            }
        }
        channels.values().forEach(c -> EngineAssembly.closeQuietly("channel '" + c.name() + "'", c));
        alertSinks.forEach(s -> EngineAssembly.closeQuietly("alert sink '" + s.name() + "'", s));
        textAnalyser.ifPresent(t -> EngineAssembly.closeQuietly("text analyser '" + t.name() + "'", t));
        EngineAssembly.closeQuietly("store " + store.describe(), store);
        LOG.info("NPS engine closed");
    }

    @Override
    public String toString() {
        return "NpsEngine[store=" + store.describe() + ", channels=" + channels.keySet() + ", textAnalyser="
                + textAnalyser.map(TextAnalyser::name).orElse("none") + ", alertSinks="
                + alertSinks.stream().map(AlertSink::name).toList() + (isClosed() ? ", closed" : "") + "]";
    }


    /**
     * Builds an {@link NpsEngine}. Each setter checks its argument at once; setting an option twice is an error
     * naming the current value; {@link #build()} checks everything else and reports every problem at once. A
     * builder builds one engine, since the engine takes over the plug-ins registered with it.
     *
     * @since 0.1
     */
    public static final class Builder {
        // package-private: EngineAssembly reads the settings when build() runs
        NpsStore store;
        String storeSource;
        String storeName;
        final Map<ChannelName, Channel> channels = new LinkedHashMap<>();
        TextAnalyser textAnalyser;
        final Map<String, AlertSink> alertSinks = new LinkedHashMap<>();
        Clock clock;
        ScheduledExecutorService executor;
        Boolean discover;
        ClassLoader classLoader;
        PluginConfig config;
        Integer maxCommentLength;
        final List<ResponseListener> listeners = new ArrayList<>();
        dev.nps.spi.DispatchStore dispatchStore;
        java.net.URI responseLinksBase;
        private boolean built;

        private Builder() {}

        /**
         * Registers the store; the engine closes it on {@link NpsEngine#close()}.
         *
         * @param store the store, never null
         * @return this
         */
        public Builder store(NpsStore store) {
            Objects.requireNonNull(store, "store");
            requireNoStore();
            this.store = store;
            this.storeSource = "store(" + describe(store) + ")";
            return this;
        }

        /**
         * Uses a fresh {@link InMemoryStore}: nothing survives the process. An explicit choice, never a fallback.
         *
         * @return this
         */
        public Builder inMemoryStore() {
            requireNoStore();
            this.store = new InMemoryStore();
            this.storeSource = "inMemoryStore()";
            return this;
        }

        /**
         * Picks the discovered store provider of this name (same as {@value NpsEngine#STORE_NAME_KEY}).
         *
         * @param name a provider name such as {@code jdbc}
         * @return this
         */
        public Builder storeName(String name) {
            Objects.requireNonNull(name, "name");
            if (name.isBlank()) {
                throw NpsException.invalid("storeName", "must not be blank; use a provider name such as jdbc");
            }
            if (storeName != null) {
                throw NpsException.invalid("storeName", "is already set to '" + storeName + "'");
            }
            this.storeName = name.strip();
            return this;
        }

        /**
         * Registers a channel; the engine closes it on {@link NpsEngine#close()}.
         *
         * @param channel the channel, never null, with a name no other registered channel has
         * @return this
         */
        public Builder channel(Channel channel) {
            Objects.requireNonNull(channel, "channel");
            ChannelName name = Objects.requireNonNull(channel.name(), "channel.name()");
            if (channels.containsKey(name)) {
                throw NpsException.invalid("channel", "a channel named '" + name + "' is already registered ("
                        + channels.get(name).getClass().getName() + ")");
            }
            channels.put(name, channel);
            return this;
        }

        /**
         * Registers the text analyser; the engine closes it on {@link NpsEngine#close()}.
         *
         * @param analyser the analyser, never null
         * @return this
         */
        public Builder textAnalyser(TextAnalyser analyser) {
            Objects.requireNonNull(analyser, "analyser");
            if (textAnalyser != null) {
                throw NpsException.invalid("textAnalyser", "is already set to '" + textAnalyser.name() + "'");
            }
            this.textAnalyser = analyser;
            return this;
        }

        /**
         * Registers an alert sink; the engine closes it on {@link NpsEngine#close()}.
         *
         * @param sink the sink, never null, with a name no other registered sink has
         * @return this
         */
        public Builder alertSink(AlertSink sink) {
            Objects.requireNonNull(sink, "sink");
            String name = Objects.requireNonNull(sink.name(), "sink.name()");
            if (alertSinks.containsKey(name)) {
                throw NpsException.invalid("alertSink", "an alert sink named '" + name + "' is already registered");
            }
            alertSinks.put(name, sink);
            return this;
        }

        /**
         * @param clock the clock for every time-based decision (default: the system clock in UTC)
         * @return this
         */
        public Builder clock(Clock clock) {
            Objects.requireNonNull(clock, "clock");
            if (this.clock != null) {
                throw NpsException.invalid("clock", "is already set to " + this.clock);
            }
            this.clock = clock;
            return this;
        }

        /**
         * @param executor the executor for background work; the engine uses it but never shuts it down
         * @return this
         */
        public Builder executor(ScheduledExecutorService executor) {
            Objects.requireNonNull(executor, "executor");
            if (this.executor != null) {
                throw NpsException.invalid("executor", "is already set to " + this.executor);
            }
            this.executor = executor;
            return this;
        }

        /**
         * @param discover whether to add plug-ins found with {@link java.util.ServiceLoader} (default true)
         * @return this
         */
        public Builder discoverProviders(boolean discover) {
            if (this.discover != null) {
                throw NpsException.invalid("discoverProviders", "is already set to " + this.discover);
            }
            this.discover = discover;
            return this;
        }

        /**
         * @param loader where to look for providers (default: the thread's context class loader, else the
         *               engine's own)
         * @return this
         */
        public Builder classLoader(ClassLoader loader) {
            Objects.requireNonNull(loader, "loader");
            if (this.classLoader != null) {
                throw NpsException.invalid("classLoader", "is already set to " + this.classLoader);
            }
            this.classLoader = loader;
            return this;
        }

        /**
         * @param config the root configuration, with full keys such as {@code nps.store.jdbc.url}
         * @return this
         */
        public Builder config(PluginConfig config) {
            Objects.requireNonNull(config, "config");
            if (this.config != null) {
                throw NpsException.invalid("config", "is already set; combine the sources into one PluginConfig");
            }
            // Providers get slices of the root by full key, so the root itself must have no prefix.
            this.config = config.prefix().isEmpty() ? config : config::get;
            return this;
        }

        /**
         * @param properties the root configuration as a map of full keys to values
         * @return this
         */
        public Builder config(Map<String, String> properties) {
            Objects.requireNonNull(properties, "properties");
            return config(PluginConfig.of("", properties));
        }

        /**
         * @param properties the root configuration as {@link Properties} (string keys and values only)
         * @return this
         */
        public Builder config(Properties properties) {
            Objects.requireNonNull(properties, "properties");
            Map<String, String> map = new LinkedHashMap<>();
            for (String key : properties.stringPropertyNames()) {
                map.put(key, properties.getProperty(key));
            }
            return config(map);
        }

        /**
         * @param max the longest comment accepted, 1..{@value Response#MAX_COMMENT_LENGTH} characters
         *            (default {@value NpsEngine#DEFAULT_MAX_COMMENT_LENGTH})
         * @return this
         */
        public Builder maxCommentLength(int max) {
            if (maxCommentLength != null) {
                throw NpsException.invalid("maxCommentLength", "is already set to " + maxCommentLength);
            }
            this.maxCommentLength = checkCommentLength(max, "maxCommentLength");
            return this;
        }

        /**
         * @param listener hears about recorded and edited responses (more can be added later on
         *                 {@link Responses#addListener})
         * @return this
         */
        public Builder responseListener(ResponseListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * @param outbox the outbox of invitations (default: the store, when it implements it; an in-memory outbox
         *               with the in-memory store)
         * @return this
         */
        public Builder dispatchStore(dev.nps.spi.DispatchStore outbox) {
            Objects.requireNonNull(outbox, "dispatchStore");
            if (this.dispatchStore != null) {
                throw NpsException.invalid("dispatchStore", "is already set to " + this.dispatchStore);
            }
            this.dispatchStore = outbox;
            return this;
        }

        /**
         * @param base the public base URI the HTTP module is served under, e.g. {@code https://acme.example/nps};
         *             invitations then carry score links and an unsubscribe link
         * @return this
         */
        public Builder responseLinks(java.net.URI base) {
            Objects.requireNonNull(base, "responseLinks");
            if (this.responseLinksBase != null) {
                throw NpsException.invalid("responseLinks", "is already set to " + this.responseLinksBase);
            }
            this.responseLinksBase = dev.nps.engine.links.ResponseLinks.checkBase(base);
            return this;
        }

        /**
         * Resolves the plug-ins, checks the whole configuration and starts the engine.
         *
         * @return a ready engine
         * @throws NpsException with every problem found: one problem keeps its own code ({@code PROVIDER_MISSING},
         *                      {@code PROVIDER_AMBIGUOUS}, {@code CONFIGURATION}...); several are reported together
         *                      as {@code CONFIGURATION}, each also attached as a suppressed exception
         */
        public synchronized NpsEngine build() {
            if (built) {
                throw new NpsException(ErrorCode.INVALID_ARGUMENT, "build() was already called on this builder; "
                        + "the engine owns the plug-ins registered here, so create a new builder for another engine");
            }
            built = true;
            EngineAssembly a = new EngineAssembly(this);
            try {
                a.assemble();
            } catch (RuntimeException e) {
                a.closeCreated();
                throw e;
            }
            if (!a.problems.isEmpty()) {
                a.closeCreated();
                throw combine(a.problems);
            }
            NpsEngine engine = new NpsEngine(a.parts);
            LOG.info("NPS engine ready: {}", engine);
            return engine;
        }

        private void requireNoStore() {
            if (store != null) {
                throw NpsException.invalid("store", "is already set by " + storeSource);
            }
        }

        static int checkCommentLength(int max, String field) {
            if (max < 1 || max > Response.MAX_COMMENT_LENGTH) {
                throw NpsException.invalid(field, "must be 1.." + Response.MAX_COMMENT_LENGTH + " characters (got " + max + ")");
            }
            return max;
        }

        private static String describe(NpsStore store) {
            try {
                return store.describe();
            } catch (RuntimeException e) {
                return store.getClass().getName();
            }
        }

        private static NpsException combine(List<NpsException> problems) {
            if (problems.size() == 1) {
                return problems.get(0);
            }
            StringBuilder sb = new StringBuilder().append(problems.size()).append(" problems in the NPS engine configuration:");
            for (int i = 0; i < problems.size(); i++) {
                sb.append("\n  ").append(i + 1).append(". [").append(problems.get(i).code()).append("] ")
                        .append(problems.get(i).getMessage());
            }
            NpsException e = new NpsException(ErrorCode.CONFIGURATION, sb.toString());
            problems.forEach(e::addSuppressed);
            return e;
        }
    }
}
