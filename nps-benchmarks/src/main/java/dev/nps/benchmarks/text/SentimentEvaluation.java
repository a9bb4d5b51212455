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
 *
 * <p>Each set is split once, by a stable hash: a snippet is in the tuning split when the CRC-32 of
 * {@code "<set>:<document>"} modulo 100 is below 30, where the document is the snippet id before its {@code _}
 * (Amazon and NYT snippets are sentences of one review or editorial, which stay together) or the whole id. The
 * numbers of {@code SentimentScorer.nps()} were chosen on the tuning split only; the other 70% is held out.
 */
final class SentimentEvaluation {
    static final String[][] SETS = {
            {"tweets", "tweets_GroundTruth.txt", "0.881"},
            {"amazon", "amazonReviewSnippets_GroundTruth.txt", "0.565"},
            {"movies", "movieReviewSnippets_GroundTruth.txt", "0.451"},
            {"nyt", "nytEditorialSnippets_GroundTruth.txt", "0.492"}};

    private SentimentEvaluation() {}

    record Row(String id, double human, String text) {}

    /** Scorers compared: the faithful port, the previous default, and the analyser's default. */
    private static final String[] SCORER_NAMES = {"VADER (reference port)", "feedback layer", "NPS (default)"};

    record Result(String set, int n, double pearson, double accuracy, double macroF1) {}

    static List<Row> read(Path file) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t", 3);
            if (f.length == 3) {
                rows.add(new Row(f[0], Double.parseDouble(f[1]), f[2]));
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

    /** @return whether the snippet is in the fixed 30% tuning split of its set */
    static boolean tuning(String set, String id) {
        int cut = id.indexOf('_');
        String document = cut > 0 ? id.substring(0, cut) : id;
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update((set + ":" + document).getBytes(StandardCharsets.UTF_8));
        return crc.getValue() % 100 < 30;
    }

    private static int label(double v) {
        return v >= 0.05 ? 2 : v <= -0.05 ? 0 : 1;
    }

    static void run(Path vaderDir) throws IOException {
        SentimentScorer[] scorers = {SentimentScorer.vader(), SentimentScorer.forFeedback(), SentimentScorer.nps()};
        System.out.println("## Sentiment on the VADER ground truth (human mean -4..+4; thresholds +/-0.05)");
        System.out.println("Tuning: fixed 30% of each set by a stable hash of the document id; held out: the other 70%.");
        System.out.println();
        StringBuilder head = new StringBuilder("| set | split | n | paper r |");
        StringBuilder rule = new StringBuilder("|---|---|---|---|");
        for (String name : SCORER_NAMES) {
            head.append(" r, ").append(name).append(" | acc | macro-F1 |");
            rule.append("---|---|---|");
        }
        System.out.println(head);
        System.out.println(rule);
        for (String[] s : SETS) {
            List<Row> all = read(vaderDir.resolve(s[1]));
            List<Row> tune = all.stream().filter(r -> tuning(s[0], r.id())).toList();
            List<Row> held = all.stream().filter(r -> !tuning(s[0], r.id())).toList();
            String[] splitNames = {"tuning 30%", "held out 70%", "all"};
            List<List<Row>> splits = List.of(tune, held, all);
            for (int k = 0; k < splits.size(); k++) {
                List<Row> rows = splits.get(k);
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "| %s | %s | %d | %s |", s[0],
                        splitNames[k], rows.size(), s[2]));
                for (SentimentScorer scorer : scorers) {
                    Result r = evaluate(s[0], rows, scorer);
                    line.append(String.format(Locale.ROOT, " %.3f | %.3f | %.3f |", r.pearson(), r.accuracy(), r.macroF1()));
                }
                System.out.println(line);
            }
        }
    }
}
