package dev.nps.spi;

/**
 * ServiceLoader entry point of an alert sink; list it in {@code META-INF/services/dev.nps.spi.AlertSinkProvider}.
 *
 * @since 0.1
 */
public interface AlertSinkProvider extends PluginProvider<AlertSink> {}
