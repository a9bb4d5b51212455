package dev.nps.spi;

/**
 * A small, stateless factory found by {@link java.util.ServiceLoader}. Connections and threads are opened in
 * {@link #create(PluginConfig)}, never in the constructor, so that merely discovering a provider is free.
 *
 * @param <T> what it creates
 * @since 0.1
 */
public interface PluginProvider<T> {

    /** @return a short unique name, e.g. {@code jdbc}, {@code email}; the name users configure */
    String name();

    /** @return the priority when several providers could serve and none is named; higher wins */
    default int priority() {
        return 0;
    }

    /**
     * @param config this plug-in's configuration, never null
     * @return a ready plug-in instance
     * @throws dev.nps.api.NpsException {@code CONFIGURATION} listing every problem in the configuration
     */
    T create(PluginConfig config);
}
