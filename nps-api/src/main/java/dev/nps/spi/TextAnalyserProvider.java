package dev.nps.spi;

/**
 * ServiceLoader entry point of a text analyser; list it in
 * {@code META-INF/services/dev.nps.spi.TextAnalyserProvider}.
 *
 * @since 0.1
 */
public interface TextAnalyserProvider extends PluginProvider<TextAnalyser> {}
