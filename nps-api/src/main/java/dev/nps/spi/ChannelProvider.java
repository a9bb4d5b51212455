package dev.nps.spi;

/**
 * ServiceLoader entry point of a channel; list it in {@code META-INF/services/dev.nps.spi.ChannelProvider}.
 *
 * @since 0.1
 */
public interface ChannelProvider extends PluginProvider<Channel> {}
