package dev.nps.spi;

/**
 * ServiceLoader entry point of a store backend; list it in
 * {@code META-INF/services/dev.nps.spi.StoreProvider}.
 *
 * @since 0.1
 */
public interface StoreProvider extends PluginProvider<NpsStore> {}
