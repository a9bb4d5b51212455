package dev.nps.benchmarks.text;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import dev.nps.nlp.embeddings.EmbeddingTextAnalyserProvider;
import dev.nps.spi.PluginConfig;
import dev.nps.spi.TextAnalyser;
import dev.nps.engine.text.ThemeModel;

/**
 * Evaluates the built-in text analyser on public labelled data that stays outside the repository.
 *
 * <p>Usage: {@code TextEvaluation <vader-dir> <Restaurants_Train.xml>}; prints Markdown tables.
 */
public final class TextEvaluation {
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
        List<TextAnalyser> others = new ArrayList<>();
        if (!Boolean.getBoolean("skipEmbeddings")) {
            others.add(new EmbeddingTextAnalyserProvider().create(PluginConfig.of("", java.util.Map.of("clusters", System.getProperty("clusters", "0")))));
        }
        ThemeEvaluation.run(semeval, texts -> ThemeModel.discover(texts, List.of(), true),
                texts -> ThemeModel.discover(texts, List.of(), false), others, Boolean.getBoolean("verbose"));
    }
}
