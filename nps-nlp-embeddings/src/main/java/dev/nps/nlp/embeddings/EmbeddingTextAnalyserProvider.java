package dev.nps.nlp.embeddings;

import dev.nps.api.ErrorCode;
import dev.nps.api.NpsException;
import dev.nps.spi.PluginConfig;
import dev.nps.spi.TextAnalyser;
import dev.nps.spi.TextAnalyserProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * ServiceLoader entry of the embeddings analyser: name {@code embeddings}, priority 10, so that adding this module
 * makes it the default over the built-in analyser. Sentiment comes from the {@code builtin} analyser found on the
 * class path (nps-engine). Configuration: {@code clusters} (0 = from the batch size), {@code minSimilarity}
 * (default {@value EmbeddingTextAnalyser#DEFAULT_MIN_SIMILARITY}), and user themes assigned zero-shot
 * ({@link ExampleTheme}) as {@code themes.<name>=keyword, phrase, ...} with the names, in order, in {@code themes}
 * (comma-separated, as for the built-in analyser; examples that contain a comma are given through the Java API), and
 * {@code userThemeSimilarity} (default {@value EmbeddingTextAnalyser#DEFAULT_USER_THEME_SIMILARITY}).
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
        double minSimilarity = config.decimal("minSimilarity", EmbeddingTextAnalyser.DEFAULT_MIN_SIMILARITY);
        double userThemeSimilarity = config.decimal("userThemeSimilarity", EmbeddingTextAnalyser.DEFAULT_USER_THEME_SIMILARITY);
        List<String> problems = new ArrayList<>();
        List<ExampleTheme> userThemes = new ArrayList<>();
        config.namedLists("themes").forEach((name, examples) -> {
            try {
                userThemes.add(new ExampleTheme(name, examples));
            } catch (NpsException e) {
                problems.add(config.key("themes." + name) + ": " + e.getMessage());
            }
        });
        if (!problems.isEmpty()) {
            throw new NpsException(ErrorCode.CONFIGURATION, "text analyser 'embeddings': " + String.join("; ", problems));
        }
        TextAnalyserProvider builtin = ServiceLoader.load(TextAnalyserProvider.class, EmbeddingTextAnalyserProvider.class.getClassLoader())
                .stream().map(ServiceLoader.Provider::get).filter(p -> p.name().equals("builtin")).findFirst()
                .orElseThrow(() -> new NpsException(ErrorCode.PROVIDER_MISSING,
                        "text analyser 'embeddings' takes its sentiment from the built-in analyser, which is not on the class path; add dev.nps:nps-engine"));
        try {
            return new EmbeddingTextAnalyser(new MiniLmEmbedder(), builtin.create(config.scoped("builtin")), clusters, minSimilarity,
                    userThemes, userThemeSimilarity);
        } catch (NpsException e) {
            throw new NpsException(ErrorCode.CONFIGURATION, "text analyser 'embeddings': " + e.getMessage(), e);
        }
    }
}
