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
    /** One store per engine; configured under {@code nps.store.<name>}. */
    STORE("store", StoreProvider.class, "nps.store", "nps-store-"),
    /** Any number of channels, one per name; configured under {@code nps.channel.<name>}. */
    CHANNEL("channel", ChannelProvider.class, "nps.channel", "nps-channels-"),
    /** One text analyser per engine; configured under {@code nps.text.<name>}. */
    TEXT_ANALYSER("text analyser", TextAnalyserProvider.class, "nps.text", "nps-text-"),
    /** Any number of alert sinks, one per name; configured under {@code nps.alert.<name>}. */
    ALERT_SINK("alert sink", AlertSinkProvider.class, "nps.alert", "nps-alerts-");

    private final String label;
    private final Class<? extends PluginProvider<?>> spi;
    private final String configPrefix;
    private final String artifactPrefix;

    ProviderKind(String label, Class<? extends PluginProvider<?>> spi, String configPrefix, String artifactPrefix) {
        this.label = label;
        this.spi = spi;
        this.configPrefix = configPrefix;
        this.artifactPrefix = artifactPrefix;
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
     * @param name a provider name, e.g. {@code jdbc}
     * @return the configuration prefix of that provider, e.g. {@code nps.store.jdbc}
     */
    public String configPrefix(String name) {
        return configPrefix + "." + name;
    }

    /**
     * @param name a provider name, e.g. {@code jdbc}
     * @return the Maven coordinates of the project's artifact that provides it, e.g. {@code dev.nps:nps-store-jdbc}
     */
    public String artifact(String name) {
        return "dev.nps:" + artifactPrefix + name;
    }
}
