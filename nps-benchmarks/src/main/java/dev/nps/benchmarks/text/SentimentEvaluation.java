package dev.nps.benchmarks.text;

import dev.nps.engine.text.SentimentScorer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Sentiment on the four VADER ground-truth sets (Hutto and Gilbert 2014): Pearson correlation of the compound score
 * with the human mean, and three-class accuracy and macro-F1 with the +/-0.05 thresholds on both sides (the human
 * mean on -4..+4 is rounded the same way).
 */
final class SentimentEvaluation {
    static final String[][] SETS = {
            {"tweets", "tweets_GroundTruth.txt", "0.881"},
            {"amazon", "amazonReviewSnippets_GroundTruth.txt", "0.565"},
            {"movies", "movieReviewSnippets_GroundTruth.txt", "0.451"},
            {"nyt", "nytEditorialSnippets_GroundTruth.txt", "0.492"}};

    private SentimentEvaluation() {}

    record Row(double human, String text) {}

    record Result(String set, int n, double pearson, double accuracy, double macroF1) {}

    static List<Row> read(Path file) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t", 3);
            if (f.length == 3) {
                rows.add(new Row(Double.parseDouble(f[1]), f[2]));
            }
        }
        return rows;
    }

    static Result evaluate(String set, List<Row> rows, SentimentScorer scorer) {
        int n = rows.size();
        double[] x = new double[n];
        double[] y = new double[n];
        int[][] confusion = new int[3][3];
        for (int i = 0; i < n; i++) {
            x[i] = scorer.compound(rows.get(i).text());
            y[i] = rows.get(i).human();
            confusion[label(y[i])][label(x[i])]++;
        }
        int correct = 0;
        double f1Sum = 0;
        for (int c = 0; c < 3; c++) {
            correct += confusion[c][c];
            int predicted = 0;
            int actual = 0;
            for (int k = 0; k < 3; k++) {
                predicted += confusion[k][c];
                actual += confusion[c][k];
            }
            double p = predicted == 0 ? 0 : (double) confusion[c][c] / predicted;
            double r = actual == 0 ? 0 : (double) confusion[c][c] / actual;
            f1Sum += p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
        return new Result(set, n, Metrics.pearson(x, y), (double) correct / n, f1Sum / 3);
    }

    private static int label(double v) {
        return v >= 0.05 ? 2 : v <= -0.05 ? 0 : 1;
    }

    static void run(Path vaderDir) throws IOException {
        System.out.println("## Sentiment on the VADER ground truth (human mean -4..+4; thresholds +/-0.05)");
        System.out.println("| set | n | paper r | r (VADER rules) | acc | macro-F1 | r (with feedback layer) | acc | macro-F1 |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (String[] s : SETS) {
            List<Row> rows = read(vaderDir.resolve(s[1]));
            Result plain = evaluate(s[0], rows, SentimentScorer.vader());
            Result domain = evaluate(s[0], rows, SentimentScorer.forFeedback());
            System.out.printf(Locale.ROOT, "| %s | %d | %s | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f |%n", s[0], plain.n(), s[2],
                    plain.pearson(), plain.accuracy(), plain.macroF1(), domain.pearson(), domain.accuracy(), domain.macroF1());
        }
    }
}
