package dev.nps.spi;

/**
 * ServiceLoader entry point of an alert sink; list it in {@code META-INF/services/dev.nps.spi.AlertSinkProvider}.
 *
 * @since 0.1
 */
public interface AlertSinkProvider extends PluginProvider<AlertSink> {

    /**
     * Whether the configuration holds anything for this sink. A sink that needs settings (a URL, a secret) and
     * finds none is skipped when discovered but not named in {@code nps.alerts}; when named, {@link #create} runs
     * and reports what is missing.
     *
     * @param config this sink's configuration slice, never null
     * @return true when the sink should be created (default: always)
     * @since 0.1
     */
    default boolean configured(PluginConfig config) {
        return true;
    }
}
