package dev.nps.benchmarks.text;

import dev.nps.engine.text.BuiltinTextAnalyser;
import dev.nps.engine.text.ThemeModel;
import dev.nps.engine.text.UserTheme;
import dev.nps.nlp.embeddings.EmbeddingTextAnalyser;
import dev.nps.nlp.embeddings.EmbeddingTextAnalyserProvider;
import dev.nps.nlp.embeddings.ExampleTheme;
import dev.nps.spi.PluginConfig;
import dev.nps.spi.TextAnalyser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates the built-in text analyser on public labelled data that stays outside the repository.
 *
 * <p>Usage: {@code TextEvaluation <vader-dir> <Restaurants_Train.xml>}; prints Markdown tables.
 */
public final class TextEvaluation {
    /** User themes for the SemEval categories, the same for both analysers. */
    static final Map<String, List<String>> USER_THEMES = new LinkedHashMap<>();

    static {
        USER_THEMES.put("food", List.of("food", "dish", "meal", "menu", "dessert", "tasty", "delicious", "flavor"));
        USER_THEMES.put("service", List.of("service", "waiter", "waitress", "staff", "server", "rude", "attentive"));
        USER_THEMES.put("price", List.of("price", "expensive", "cheap", "value for money", "bill", "overpriced"));
        USER_THEMES.put("ambience", List.of("atmosphere", "decor", "noisy", "cozy", "music", "ambience"));
    }

    /**
     * Example comments for the same themes, for the embeddings analyser's zero-shot assignment (sentences suit a
     * sentence encoder better than single words); generic, written without looking at the data.
     */
    static final Map<String, List<String>> EXAMPLE_COMMENTS = new LinkedHashMap<>();

    static {
        EXAMPLE_COMMENTS.put("food", List.of("The food was delicious", "The dishes were bland and cold",
                "Great pasta and fresh fish", "The dessert was the best part of the meal"));
        EXAMPLE_COMMENTS.put("service", List.of("The waiter was friendly and attentive", "The staff were rude to us",
                "We waited forever for our server", "Service was quick"));
        EXAMPLE_COMMENTS.put("price", List.of("It is too expensive", "Good value for the money",
                "The prices are reasonable", "The bill was outrageous"));
        EXAMPLE_COMMENTS.put("ambience", List.of("The atmosphere is cozy and romantic", "The room was too noisy",
                "Nice decor and music", "The place is cramped and dark"));
    }

    private TextEvaluation() {}

    /**
     * @param args the VADER folder and the SemEval-2014 restaurant training file
     * @throws Exception when a file cannot be read
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: TextEvaluation <path to vader/> <path to Restaurants_Train.xml>");
            System.exit(2);
        }
        Path vader = Path.of(args[0]);
        Path semeval = Path.of(args[1]);
        for (Path p : new Path[] {vader, semeval}) {
            if (!Files.exists(p)) {
                System.err.println("not found: " + p + " (see /work/shared/data/README.md)");
                System.exit(2);
            }
        }
        SentimentEvaluation.run(vader);
        Map<String, TextAnalyser> others = new LinkedHashMap<>();
        // the same user themes for both analysers: generic keywords per category, written without looking at the data
        BuiltinTextAnalyser.Builder withUserThemes = BuiltinTextAnalyser.builder();
        USER_THEMES.forEach((name, keywords) -> withUserThemes.userTheme(new UserTheme(name, keywords)));
        others.put("builtin, user themes (TextEvaluation.USER_THEMES)", withUserThemes.build());
        if (!Boolean.getBoolean("skipEmbeddings")) {
            others.put("embeddings", new EmbeddingTextAnalyserProvider().create(PluginConfig.of("", Map.of("clusters", System.getProperty("clusters", "0")))));
            // through the provider's configuration, as a user would set it
            Map<String, String> config = new LinkedHashMap<>();
            config.put("themes", String.join(",", USER_THEMES.keySet()));
            USER_THEMES.forEach((name, examples) -> config.put("themes." + name, String.join(",", examples)));
            // -DuserThemeSimilarity=x tries another value; without it the analyser's default applies (read at run
            // time: the constant would be compiled into this class and go stale)
            String similarity = System.getProperty("userThemeSimilarity");
            if (similarity != null) {
                config.put("userThemeSimilarity", similarity);
            }
            EmbeddingTextAnalyser zeroShot = (EmbeddingTextAnalyser) new EmbeddingTextAnalyserProvider().create(PluginConfig.of("", config));
            others.put("embeddings, the same user themes zero-shot (similarity " + zeroShot.userThemeSimilarity() + ")", zeroShot);
            others.put("embeddings, user themes by example comments (TextEvaluation.EXAMPLE_COMMENTS) zero-shot",
                    new EmbeddingTextAnalyser(EmbeddingTextAnalyser.miniLmEmbedder(), BuiltinTextAnalyser.create(), 0,
                            EmbeddingTextAnalyser.DEFAULT_MIN_SIMILARITY, EXAMPLE_COMMENTS.entrySet().stream()
                            .map(e -> new ExampleTheme(e.getKey(), e.getValue())).toList(), zeroShot.userThemeSimilarity()));
        }
        ThemeEvaluation.run(semeval, texts -> ThemeModel.discover(texts, List.of(), true),
                texts -> ThemeModel.discover(texts, List.of(), false), others, Boolean.getBoolean("verbose"));
    }
}
