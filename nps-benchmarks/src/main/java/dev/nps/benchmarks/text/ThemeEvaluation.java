package dev.nps.benchmarks.text;

import dev.nps.engine.text.AspectSentiment;
import dev.nps.engine.text.SentimentScorer;
import dev.nps.engine.text.ThemeModel;
import dev.nps.spi.Sentiment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Themes on the SemEval-2014 restaurant sentences: themes are discovered without labels on every sentence, each
 * discovered theme is mapped to the gold category it co-occurs with most on the first 30% (when at least 60% of its
 * sentences there carry it; {@code -Dmapping=0.5} changes that), then micro-F1 over food/service/price/ambience, NMI
 * and purity (first theme of each sentence with exactly one of those categories; "(none)" when untagged), and
 * category polarity accuracy (sentence sentiment, and the aspect sentiment of {@link AspectSentiment} towards the
 * category's themes; "conflict" labels are left out of both, "neutral" ones count) are measured on the other 70%. {@code -Dverbose=true} prints the themes and their mapping; {@code -Dconfusion=true} the aspect polarity confusion matrix, {@code -Derrors=true} also the misses.
 */
final class ThemeEvaluation {
    static final List<String> CATEGORIES = List.of("food", "service", "price", "ambience");
    static final double MAPPING_SPLIT = 0.3;
    static final boolean TUNING = Boolean.getBoolean("tuning");
    /** {@code -Dconfusion=true}: the aspect polarity confusion matrix by gold polarity; {@code -Derrors=true} also lists the misses. */
    static final boolean CONFUSION = Boolean.getBoolean("confusion") || Boolean.getBoolean("errors");
    static final boolean ERRORS = Boolean.getBoolean("errors");
    static final double MAPPING_PRECISION = Double.parseDouble(System.getProperty("mapping", "0.6"));

    private ThemeEvaluation() {}

    record Sentence(String text, Map<String, String> gold) {}

    record Result(String name, int themes, int mapped, double precision, double recall, double f1, double nmi,
                  double purity, double coverage, double polarityAccuracy, double aspectPolarityAccuracy, int polarityN) {}

    static List<Sentence> read(Path xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = f.newDocumentBuilder().parse(xml.toFile());
        NodeList nodes = doc.getElementsByTagName("sentence");
        List<Sentence> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element s = (Element) nodes.item(i);
            String text = s.getElementsByTagName("text").item(0).getTextContent();
            Map<String, String> gold = new LinkedHashMap<>();
            NodeList cats = s.getElementsByTagName("aspectCategory");
            for (int k = 0; k < cats.getLength(); k++) {
                Element c = (Element) cats.item(k);
                if (CATEGORIES.contains(c.getAttribute("category"))) {
                    gold.put(c.getAttribute("category"), c.getAttribute("polarity"));
                }
            }
            out.add(new Sentence(text, gold));
        }
        return out;
    }

    /** What an analyser said about every sentence: its themes, and the sentiment towards each. */
    record Tagging(int themes, List<List<String>> tags, List<Map<String, Sentiment>> byTheme) {}

    static Tagging tagging(List<Sentence> all, ThemeModel model) {
        AspectSentiment aspects = new AspectSentiment(SentimentScorer.nps());
        List<List<String>> tags = new ArrayList<>();
        List<Map<String, Sentiment>> byTheme = new ArrayList<>();
        for (Sentence s : all) {
            tags.add(model.tag(s.text()));
            byTheme.add(aspects.byTheme(s.text(), model));
        }
        return new Tagging(model.themes().size(), tags, byTheme);
    }

    static Tagging tagging(List<Sentence> all, dev.nps.spi.TextAnalyser analyser) {
        List<dev.nps.spi.TextAnalysis> results = analyser.analyseAll(all.stream().map(Sentence::text).toList(), Locale.ENGLISH);
        List<List<String>> tags = new ArrayList<>();
        List<Map<String, Sentiment>> byTheme = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (dev.nps.spi.TextAnalysis a : results) {
            tags.add(a.themes());
            names.addAll(a.themes());
            Map<String, Sentiment> m = new LinkedHashMap<>();
            a.themes().forEach(t -> m.put(t, a.sentiment()));
            byTheme.add(m);
        }
        return new Tagging(names.size(), tags, byTheme);
    }

    static Result evaluate(String name, List<Sentence> all, Tagging tagging) {
        int mappingPart = (int) (all.size() * MAPPING_SPLIT);
        if (!TUNING) {
            return evaluate(name, all, tagging, 0, mappingPart, mappingPart, all.size());
        }
        // -Dtuning=true never looks at the 70% that is reported: two folds inside the mapping part (map on one half,
        // score the other, both ways) and their mean, since one half alone is too small to compare settings
        int half = mappingPart / 2;
        Result a = evaluate(name, all, tagging, 0, half, half, mappingPart);
        Result b = evaluate(name, all, tagging, half, mappingPart, 0, half);
        return new Result(name, a.themes(), (a.mapped() + b.mapped()) / 2, mean(a.precision(), b.precision()),
                mean(a.recall(), b.recall()), mean(a.f1(), b.f1()), mean(a.nmi(), b.nmi()), mean(a.purity(), b.purity()),
                mean(a.coverage(), b.coverage()), mean(a.polarityAccuracy(), b.polarityAccuracy()),
                mean(a.aspectPolarityAccuracy(), b.aspectPolarityAccuracy()), a.polarityN() + b.polarityN());
    }

    private static double mean(double x, double y) {
        return (x + y) / 2;
    }

    /** Maps themes to categories on sentences [mapFrom, mapTo) and scores sentences [from, to). */
    static Result evaluate(String name, List<Sentence> all, Tagging tagging, int mapFrom, int mapTo, int from, int to) {
        // map each theme to a gold category on the first part
        Map<String, Map<String, Integer>> counts = new HashMap<>();
        Map<String, Integer> tagged = new HashMap<>();
        for (int i = mapFrom; i < mapTo; i++) {
            Sentence s = all.get(i);
            for (String t : tagging.tags().get(i)) {
                tagged.merge(t, 1, Integer::sum);
                for (String g : s.gold().keySet()) {
                    counts.computeIfAbsent(t, x -> new HashMap<>()).merge(g, 1, Integer::sum);
                }
            }
        }
        Map<String, String> mapping = new HashMap<>();
        counts.forEach((theme, byCat) -> byCat.entrySet().stream().max(Map.Entry.comparingByValue()).ifPresent(best -> {
            if (best.getValue() >= MAPPING_PRECISION * tagged.get(theme)) {
                mapping.put(theme, best.getKey());
            }
        }));
        if (Boolean.getBoolean("verbose")) {
            Map<String, int[]> perTheme = new LinkedHashMap<>();
            for (int i = from; i < to; i++) {
                Sentence s = all.get(i);
                for (String t : tagging.tags().get(i)) {
                    String c = mapping.get(t);
                    int[] x = perTheme.computeIfAbsent(t, k -> new int[2]);
                    x[s.gold().containsKey(c) ? 0 : 1]++;
                }
            }
            perTheme.forEach((t, x) -> System.out.println("  " + t + " -> " + mapping.get(t) + " right " + x[0] + " wrong " + x[1]));
        }
        int tp = 0;
        int fp = 0;
        int fn = 0;
        List<String> clusters = new ArrayList<>();
        List<String> classes = new ArrayList<>();
        int covered = 0;
        int polarityRight = 0;
        int polarityN = 0;
        int aspectRight = 0;
        int[][] confusion = new int[3][Sentiment.Label.values().length];
        SentimentScorer scorer = SentimentScorer.nps();
        for (int i = from; i < to; i++) {
            Sentence s = all.get(i);
            List<String> themes = tagging.tags().get(i);
            Set<String> predicted = new LinkedHashSet<>();
            for (String t : themes) {
                String c = mapping.get(t);
                if (c != null) {
                    predicted.add(c);
                }
            }
            for (String c : predicted) {
                if (s.gold().containsKey(c)) {
                    tp++;
                } else {
                    fp++;
                }
            }
            for (String g : s.gold().keySet()) {
                if (!predicted.contains(g)) {
                    fn++;
                }
            }
            if (s.gold().size() == 1) {
                String cluster = themes.isEmpty() ? "(none)" : themes.get(0);
                clusters.add(cluster);
                classes.add(s.gold().keySet().iterator().next());
                covered += themes.isEmpty() ? 0 : 1;
            }
            Sentiment.Label label = scorer.score(s.text()).label();
            Map<String, Sentiment> byTheme = tagging.byTheme().get(i);
            for (Map.Entry<String, String> g : s.gold().entrySet()) {
                String polarity = g.getValue();
                if (polarity.equals("conflict")) {
                    continue;
                }
                polarityN++;
                if (label.name().toLowerCase(Locale.ROOT).equals(polarity)) {
                    polarityRight++;
                }
                double sum = 0;
                int k = 0;
                for (Map.Entry<String, Sentiment> e : byTheme.entrySet()) {
                    if (g.getKey().equals(mapping.get(e.getKey()))) {
                        sum += e.getValue().compound();
                        k++;
                    }
                }
                Sentiment.Label aspect = k == 0 ? label : Sentiment.of(sum / k).label();
                if (aspect.name().toLowerCase(Locale.ROOT).equals(polarity)) {
                    aspectRight++;
                }
                if (CONFUSION) {
                    int gi = List.of("positive", "negative", "neutral").indexOf(polarity);
                    confusion[gi][aspect.ordinal()]++;
                    if (ERRORS && !aspect.name().toLowerCase(Locale.ROOT).equals(polarity)) {
                        System.out.println("ERR\t" + polarity + "\t" + aspect + "\t" + g.getKey() + "\t" + (k == 0 ? "sentence" : String.format(Locale.ROOT, "%.3f", sum / k)) + "\t" + s.text());
                    }
                }
            }
        }
        if (CONFUSION) {
            System.out.printf(Locale.ROOT, "aspect polarity confusion (%s), rows gold positive/negative/neutral, columns predicted %s:%n",
                    name, java.util.Arrays.toString(Sentiment.Label.values()));
            for (int gi = 0; gi < 3; gi++) {
                System.out.println("  " + List.of("positive", "negative", "neutral").get(gi) + " " + java.util.Arrays.toString(confusion[gi]));
            }
        }
        double p = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        double r = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
        return new Result(name, tagging.themes(), mapping.size(), p, r, f1, Metrics.nmi(clusters, classes),
                Metrics.purity(clusters, classes), (double) covered / clusters.size(),
                (double) polarityRight / polarityN, (double) aspectRight / polarityN, polarityN);
    }

    static void run(Path xml, Function<List<String>, ThemeModel> withSeeds, Function<List<String>, ThemeModel> withoutSeeds,
                    Map<String, dev.nps.spi.TextAnalyser> others, boolean verbose) throws Exception {
        List<Sentence> all = read(xml);
        List<String> texts = all.stream().map(Sentence::text).toList();
        ThemeModel seeded = withSeeds.apply(texts);
        ThemeModel bare = withoutSeeds.apply(texts);
        List<Result> results = new ArrayList<>();
        results.add(evaluate("builtin, with built-in topic map", all, tagging(all, seeded)));
        results.add(evaluate("builtin, no topic map (ablation)", all, tagging(all, bare)));
        for (Map.Entry<String, dev.nps.spi.TextAnalyser> a : others.entrySet()) {
            long start = System.nanoTime();
            Tagging t = tagging(all, a.getValue());
            results.add(evaluate(a.getKey() + String.format(Locale.ROOT, " (%.1f s)", (System.nanoTime() - start) / 1e9), all, t));
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "## Themes on SemEval-2014 restaurants (%d sentences; discovery unsupervised on all; a theme is"
                + " mapped to the category of at least %.0f%% of its sentences in the first %.0f%%; scored on %s)%n",
                all.size(), 100 * MAPPING_PRECISION, 100 * MAPPING_SPLIT, TUNING ? "two folds inside the first 30% (map on one half, score the other, both ways; mean): TUNING FIGURES" : "the rest");
        System.out.println("| discovery | themes | mapped | precision | recall | micro-F1 | NMI | purity | coverage | polarity acc, sentence (n) | polarity acc, aspect |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        for (Result r : results) {
            System.out.printf(Locale.ROOT, "| %s | %d | %d | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f (%d) | %.3f |%n", r.name(), r.themes(),
                    r.mapped(), r.precision(), r.recall(), r.f1(), r.nmi(), r.purity(), r.coverage(), r.polarityAccuracy(), r.polarityN(),
                    r.aspectPolarityAccuracy());
        }
        if (verbose) {
            for (ThemeModel m : List.of(seeded, bare)) {
                System.out.println();
                m.themes().forEach(t -> System.out.println("- " + t.name() + ": " + String.join(", ", t.keywords().subList(0, Math.min(12, t.keywords().size())))));
            }
            printInduced(seeded, texts);
        }
    }

    /** The words the seeded model learnt for aspect sentiment, most frequent in the batch first. */
    private static void printInduced(ThemeModel model, List<String> texts) {
        Map<String, Integer> counts = new HashMap<>();
        for (String t : texts) {
            for (String w : t.toLowerCase(Locale.ROOT).split("[^\\p{L}']+")) {
                if (model.inducedLexicon().containsKey(w)) {
                    counts.merge(w, 1, Integer::sum);
                }
            }
        }
        System.out.println();
        System.out.println("induced words (" + model.inducedLexicon().size() + "), by count in the batch:");
        model.inducedLexicon().entrySet().stream()
                .sorted(java.util.Comparator.comparing((Map.Entry<String, Double> e) -> -counts.getOrDefault(e.getKey(), 0))
                        .thenComparing(Map.Entry::getKey))
                .forEach(e -> System.out.printf(Locale.ROOT, "  %s %+.2f (%d)%n", e.getKey(), e.getValue(), counts.getOrDefault(e.getKey(), 0)));
    }
}
