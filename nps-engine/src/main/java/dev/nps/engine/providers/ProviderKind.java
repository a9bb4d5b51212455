package dev.nps.engine.providers;

import dev.nps.spi.AlertSinkProvider;
import dev.nps.spi.ChannelProvider;
import dev.nps.spi.PluginProvider;
import dev.nps.spi.StoreProvider;
import dev.nps.spi.TextAnalyserProvider;

/**
 * The kinds of plug-in the engine discovers, with where their configuration lives and which artifact
 * provides a plug-in of a given name.
 *
 * @since 0.1
 */
public enum ProviderKind {
    /** One store per engine; configured under {@code nps.store.*}. */
    STORE("store", StoreProvider.class, "nps.store", "nps-store-", true),
    /** Any number of channels, one per name; configured under {@code nps.channel.<name>}. */
    CHANNEL("channel", ChannelProvider.class, "nps.channel", "nps-channels-", false),
    /** One text analyser per engine; configured under {@code nps.text.*}. */
    TEXT_ANALYSER("text analyser", TextAnalyserProvider.class, "nps.text", "nps-text-", true),
    /** Any number of alert sinks, one per name; configured under {@code nps.alert.<name>}. */
    ALERT_SINK("alert sink", AlertSinkProvider.class, "nps.alert", "nps-alerts-", false);

    private final String label;
    private final Class<? extends PluginProvider<?>> spi;
    private final String configPrefix;
    private final String artifactPrefix;
    private final boolean single;

    ProviderKind(String label, Class<? extends PluginProvider<?>> spi, String configPrefix, String artifactPrefix, boolean single) {
        this.label = label;
        this.spi = spi;
        this.configPrefix = configPrefix;
        this.artifactPrefix = artifactPrefix;
        this.single = single;
    }

    /** @return whether an engine has one plug-in of this kind (store, text analyser) rather than one per name */
    public boolean single() {
        return single;
    }

    /** @return how messages name this kind, e.g. {@code store} */
    public String label() {
        return label;
    }

    /** @return the ServiceLoader interface of this kind */
    public Class<? extends PluginProvider<?>> spi() {
        return spi;
    }

    /** @return the configuration prefix of this kind, e.g. {@code nps.store} */
    public String configPrefix() {
        return configPrefix;
    }

    /**
     * The configuration prefix a provider of this kind gets: the kind's own prefix for a kind with one plug-in
     * ({@code nps.store}, {@code nps.text}), the prefix and the name for the others ({@code nps.channel.email}).
     *
     * @param name a provider name, e.g. {@code email}
     * @return the prefix of that provider's keys
     */
    public String configPrefix(String name) {
        return single ? configPrefix : configPrefix + "." + name;
    }

    /**
     * @param name a provider name, e.g. {@code jdbc}
     * @return the Maven coordinates of the project's artifact that provides it, e.g. {@code dev.nps:nps-store-jdbc}
     */
    public String artifact(String name) {
        return "dev.nps:" + artifactPrefix + name;
    }
}
