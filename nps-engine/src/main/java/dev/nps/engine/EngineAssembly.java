package dev.nps.engine;

import dev.nps.api.ChannelName;
import dev.nps.api.ErrorCode;
import dev.nps.api.NpsException;
import dev.nps.engine.providers.ProviderKind;
import dev.nps.engine.providers.ProviderResolver;
import dev.nps.spi.AlertSink;
import dev.nps.spi.Channel;
import dev.nps.spi.NpsStore;
import dev.nps.spi.PluginConfig;
import dev.nps.spi.PluginProvider;
import dev.nps.spi.TextAnalyser;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One run of {@link NpsEngine.Builder#build()}: collects problems instead of stopping at the first. */
final class EngineAssembly {
    /** Logged under the engine's name: that is the logger users configure. */
    private static final Logger LOG = LoggerFactory.getLogger(NpsEngine.class);

    private final NpsEngine.Builder b;
    private final PluginConfig root;
    private final boolean discover;
    private final ClassLoader loader;
    final List<NpsException> problems = new ArrayList<>();
    private final List<AutoCloseable> created = new ArrayList<>();
    final Parts parts = new Parts();

    /** What a successful build hands to the engine. */
    static final class Parts {
        NpsStore store;
        final Map<ChannelName, Channel> channels = new LinkedHashMap<>();
        TextAnalyser textAnalyser;
        final List<AlertSink> alertSinks = new ArrayList<>();
        Clock clock;
        PluginConfig config;
        int maxCommentLength;
        ScheduledExecutorService executor;
        List<ResponseListener> listeners;
        dev.nps.spi.DispatchStore dispatchStore;
        java.net.URI responseLinksBase;
    }

    EngineAssembly(NpsEngine.Builder b) {
        this.b = b;
        this.root = b.config != null ? b.config : PluginConfig.empty();
        this.discover = b.discover == null || b.discover;
        ClassLoader l = b.classLoader;
        if (l == null) {
            l = Thread.currentThread().getContextClassLoader();
        }
        this.loader = l != null ? l : NpsEngine.class.getClassLoader();
    }

    void assemble() {
        parts.config = root;
        parts.clock = b.clock != null ? b.clock : Clock.systemUTC();
        parts.executor = b.executor;
        parts.listeners = List.copyOf(b.listeners);
        parts.dispatchStore = b.dispatchStore;
        parts.responseLinksBase = b.responseLinksBase;
        parts.maxCommentLength = maxCommentLength();
        store();
        channels();
        textAnalyser();
        alertSinks();
    }

    private int maxCommentLength() {
        Optional<String> configured = attempt(() -> root.string(NpsEngine.MAX_COMMENT_LENGTH_KEY)).flatMap(Function.identity());
        if (b.maxCommentLength != null) {
            if (configured.isPresent()) {
                LOG.warn("{} is ignored: maxCommentLength({}) was set on the builder", NpsEngine.MAX_COMMENT_LENGTH_KEY, b.maxCommentLength);
            }
            return b.maxCommentLength;
        }
        if (configured.isEmpty()) {
            return NpsEngine.DEFAULT_MAX_COMMENT_LENGTH;
        }
        return attempt(() -> NpsEngine.Builder.checkCommentLength(root.integer(NpsEngine.MAX_COMMENT_LENGTH_KEY, NpsEngine.DEFAULT_MAX_COMMENT_LENGTH),
                NpsEngine.MAX_COMMENT_LENGTH_KEY)).orElse(NpsEngine.DEFAULT_MAX_COMMENT_LENGTH);
    }

    private void store() {
        Optional<String> configuredName = configuredName(NpsEngine.STORE_NAME_KEY, b.storeName, "storeName");
        if (b.store != null) {
            configuredName.ifPresent(n -> LOG.warn("store name '{}' is ignored: {} was registered explicitly", n, b.storeSource));
            parts.store = b.store;
            return;
        }
        int before = problems.size();
        if (discover) {
            List<PluginProvider<?>> candidates = ProviderResolver.discover(ProviderKind.STORE, loader, problems::add);
            attempt(() -> ProviderResolver.choose(ProviderKind.STORE, configuredName, candidates))
                    .flatMap(Function.identity())
                    .ifPresent(p -> parts.store = create(ProviderKind.STORE, p, NpsStore.class));
        } else if (configuredName.isPresent()) {
            problems.add(new NpsException(ErrorCode.PROVIDER_MISSING, "store '" + configuredName.get()
                    + "' is configured but provider discovery is off; turn it on with discoverProviders(true) or register the store with store(...)"));
        }
        if (parts.store == null && problems.size() == before) {
            problems.add(new NpsException(ErrorCode.PROVIDER_MISSING, "no store is configured"
                    + (discover ? " and none was found on the class path" : " and provider discovery is off")
                    + "; add " + ProviderKind.STORE.artifact("jdbc") + " (embedded H2 by default), register one with "
                    + "NpsEngine.builder().store(...), or call .inMemoryStore() for a store that keeps nothing after the process ends"));
        }
    }

    private void channels() {
        parts.channels.putAll(b.channels);
        Optional<List<String>> names = configuredList(NpsEngine.CHANNELS_KEY);
        names.ifPresent(list -> list.forEach(n -> attempt(() -> ChannelName.of(n))));
        List<String> wanted = names.map(list -> list.stream().filter(n -> !hasChannel(n)).toList()).orElse(null);
        if (!discover) {
            if (wanted != null && !wanted.isEmpty()) {
                problems.add(new NpsException(ErrorCode.PROVIDER_MISSING, "channels " + wanted + " are listed in " + NpsEngine.CHANNELS_KEY
                        + " but provider discovery is off and they are not registered; register them with channel(...) or turn discovery on"));
            }
            return;
        }
        List<PluginProvider<?>> candidates = withoutExplicit(ProviderResolver.discover(ProviderKind.CHANNEL, loader, problems::add),
                this::hasChannel, "channel");
        List<PluginProvider<?>> chosen = attempt(() -> ProviderResolver.chooseEach(ProviderKind.CHANNEL, Optional.ofNullable(wanted), candidates))
                .orElse(List.of());
        for (PluginProvider<?> p : chosen) {
            Channel c = create(ProviderKind.CHANNEL, p, Channel.class);
            if (c == null) {
                continue;
            }
            if (c.name() == null || !c.name().value().equals(p.name())) {
                problems.add(new NpsException(ErrorCode.CONFIGURATION, "channel provider '" + p.name() + "' ("
                        + p.getClass().getName() + ") created a channel named '" + c.name() + "'; the names must match"));
                continue;
            }
            parts.channels.put(c.name(), c);
        }
    }

    private boolean hasChannel(String name) {
        return b.channels.keySet().stream().anyMatch(c -> c.value().equals(name));
    }

    private void textAnalyser() {
        Optional<String> configuredName = configuredName(NpsEngine.TEXT_ANALYSER_NAME_KEY, null, null);
        if (b.textAnalyser != null) {
            configuredName.ifPresent(n -> LOG.warn("text analyser name '{}' is ignored: '{}' was registered explicitly", n, b.textAnalyser.name()));
            parts.textAnalyser = b.textAnalyser;
            return;
        }
        if (!discover) {
            if (configuredName.isPresent()) {
                problems.add(new NpsException(ErrorCode.PROVIDER_MISSING, "text analyser '" + configuredName.get()
                        + "' is configured but provider discovery is off; turn it on or register it with textAnalyser(...)"));
            }
            return;
        }
        List<PluginProvider<?>> candidates = ProviderResolver.discover(ProviderKind.TEXT_ANALYSER, loader, problems::add);
        attempt(() -> ProviderResolver.choose(ProviderKind.TEXT_ANALYSER, configuredName, candidates))
                .flatMap(Function.identity())
                .ifPresent(p -> parts.textAnalyser = create(ProviderKind.TEXT_ANALYSER, p, TextAnalyser.class));
    }

    private void alertSinks() {
        parts.alertSinks.addAll(b.alertSinks.values());
        Optional<List<String>> names = configuredList(NpsEngine.ALERT_SINKS_KEY);
        List<String> wanted = names.map(list -> list.stream().filter(n -> !b.alertSinks.containsKey(n)).toList()).orElse(null);
        if (!discover) {
            if (wanted != null && !wanted.isEmpty()) {
                problems.add(new NpsException(ErrorCode.PROVIDER_MISSING, "alert sinks " + wanted + " are listed in " + NpsEngine.ALERT_SINKS_KEY
                        + " but provider discovery is off and they are not registered; register them with alertSink(...) or turn discovery on"));
            }
            return;
        }
        List<PluginProvider<?>> candidates = withoutExplicit(ProviderResolver.discover(ProviderKind.ALERT_SINK, loader, problems::add),
                b.alertSinks::containsKey, "alert sink");
        List<PluginProvider<?>> chosen = attempt(() -> ProviderResolver.chooseEach(ProviderKind.ALERT_SINK, Optional.ofNullable(wanted), candidates))
                .orElse(List.of());
        for (PluginProvider<?> p : chosen) {
            if (wanted == null && p instanceof dev.nps.spi.AlertSinkProvider asp
                    && !asp.configured(root.scoped(ProviderKind.ALERT_SINK.configPrefix(p.name())))) {
                // Built-in sinks (slack, webhook) ship with the engine: unconfigured, they are not wanted.
                LOG.info("NPS alert sink '{}' is on the class path but not configured (no keys under {}.*); skipped",
                        p.name(), ProviderKind.ALERT_SINK.configPrefix(p.name()));
                continue;
            }
            AlertSink s = create(ProviderKind.ALERT_SINK, p, AlertSink.class);
            if (s != null) {
                parts.alertSinks.add(s);
            }
        }
    }

    private List<PluginProvider<?>> withoutExplicit(List<PluginProvider<?>> candidates,
                                                    java.util.function.Predicate<String> registered, String label) {
        List<PluginProvider<?>> rest = new ArrayList<>();
        for (PluginProvider<?> p : candidates) {
            if (registered.test(p.name())) {
                LOG.info("NPS {} '{}': the explicitly registered one is used; discovered {} is ignored", label, p.name(),
                        p.getClass().getName());
            } else {
                rest.add(p);
            }
        }
        return rest;
    }

    private Optional<String> configuredName(String key, String builderValue, String builderMethod) {
        Optional<String> fromConfig = attempt(() -> root.string(key)).flatMap(Function.identity());
        if (builderValue != null) {
            if (fromConfig.isPresent() && !fromConfig.get().equals(builderValue)) {
                problems.add(new NpsException(ErrorCode.CONFIGURATION, builderMethod + "('" + builderValue + "') and "
                        + key + "=" + fromConfig.get() + " disagree; set only one of them"));
            }
            return Optional.of(builderValue);
        }
        return fromConfig;
    }

    private Optional<List<String>> configuredList(String key) {
        return attempt(() -> root.string(key)).flatMap(Function.identity())
                .map(v -> Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList());
    }

    private <T> T create(ProviderKind kind, PluginProvider<?> provider, Class<T> type) {
        String what = kind.label() + " '" + provider.name() + "' (" + provider.getClass().getName() + ")";
        try {
            Object instance = provider.create(root.scoped(kind.configPrefix(provider.name())));
            if (!type.isInstance(instance)) {
                problems.add(new NpsException(ErrorCode.CONFIGURATION, what + " created "
                        + (instance == null ? "nothing (null)" : "a " + instance.getClass().getName()) + " instead of a " + type.getSimpleName()));
                if (instance instanceof AutoCloseable c) {
                    closeQuietly(what, c);
                }
                return null;
            }
            T t = type.cast(instance);
            if (t instanceof AutoCloseable c) {
                created.add(c);
            }
            return t;
        } catch (NpsException e) {
            problems.add(new NpsException(e.code(), what + ": " + e.getMessage(), e));
        } catch (RuntimeException | LinkageError e) {
            // The message of an arbitrary exception may hold a URL with a password: keep it in the cause only.
            problems.add(new NpsException(ErrorCode.CONFIGURATION, what + " failed to start (" + e.getClass().getName()
                    + "); check the keys under " + kind.configPrefix(provider.name()) + ".*", e));
        }
        return null;
    }

    /** Runs a check; a failure becomes a problem and an empty result. */
    private <T> Optional<T> attempt(java.util.function.Supplier<T> check) {
        try {
            return Optional.ofNullable(check.get());
        } catch (NpsException e) {
            problems.add(e);
            return Optional.empty();
        }
    }

    void closeCreated() {
        for (int i = created.size() - 1; i >= 0; i--) {
            closeQuietly("plug-in after a failed build", created.get(i));
        }
    }

    private static final java.util.concurrent.atomic.AtomicInteger THREADS = new java.util.concurrent.atomic.AtomicInteger();

    /** Closes a part, logging rather than throwing: closing goes on with the other parts. */
    static void closeQuietly(String what, AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            LOG.warn("closing {} failed; continuing", what, e);
        }
    }

    /** Threads of the engine's own scheduler: daemons, so an engine not closed does not keep the JVM alive. */
    static java.util.concurrent.ThreadFactory daemonThreads() {
        return r -> {
            Thread t = new Thread(r, "nps-engine-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
