package dev.nps.nlp.embeddings;

import dev.nps.api.ErrorCode;
import dev.nps.api.NpsException;
import dev.nps.spi.PluginConfig;
import dev.nps.spi.TextAnalyser;
import dev.nps.spi.TextAnalyserProvider;
import java.util.ServiceLoader;

/**
 * ServiceLoader entry of the embeddings analyser: name {@code embeddings}, priority 10, so that adding this module
 * makes it the default over the built-in analyser. Sentiment comes from the {@code builtin} analyser found on the
 * class path (nps-engine). Configuration: {@code clusters} (0 = from the batch size) and {@code minSimilarity}
 * (default {@value EmbeddingTextAnalyser#DEFAULT_MIN_SIMILARITY}).
 *
 * @since 0.1
 */
public final class EmbeddingTextAnalyserProvider implements TextAnalyserProvider {
    @Override
    public String name() {
        return EmbeddingTextAnalyser.NAME;
    }

    @Override
    public int priority() {
        return 10;
    }

    @Override
    public TextAnalyser create(PluginConfig config) {
        if (config == null) {
            throw new NpsException(ErrorCode.CONFIGURATION, "text analyser config must not be null; use PluginConfig.empty()");
        }
        int clusters = config.integer("clusters", 0);
        double minSimilarity;
        try {
            minSimilarity = Double.parseDouble(config.string("minSimilarity", Double.toString(EmbeddingTextAnalyser.DEFAULT_MIN_SIMILARITY)));
        } catch (NumberFormatException e) {
            throw new NpsException(ErrorCode.CONFIGURATION, config.key("minSimilarity") + ": not a number; use e.g. 0.3");
        }
        TextAnalyserProvider builtin = ServiceLoader.load(TextAnalyserProvider.class, EmbeddingTextAnalyserProvider.class.getClassLoader())
                .stream().map(ServiceLoader.Provider::get).filter(p -> p.name().equals("builtin")).findFirst()
                .orElseThrow(() -> new NpsException(ErrorCode.PROVIDER_MISSING,
                        "text analyser 'embeddings' takes its sentiment from the built-in analyser, which is not on the class path; add dev.nps:nps-engine"));
        try {
            return new EmbeddingTextAnalyser(new MiniLmEmbedder(), builtin.create(config.scoped("builtin")), clusters, minSimilarity);
        } catch (NpsException e) {
            throw new NpsException(ErrorCode.CONFIGURATION, "text analyser 'embeddings': " + e.getMessage(), e);
        }
    }
}
