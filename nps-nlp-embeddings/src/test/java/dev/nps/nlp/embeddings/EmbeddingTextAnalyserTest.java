package dev.nps.nlp.embeddings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nps.api.NpsException;
import dev.nps.spi.PluginConfig;
import dev.nps.spi.Sentiment;
import dev.nps.spi.TextAnalyser;
import dev.nps.spi.TextAnalyserProvider;
import dev.nps.spi.TextAnalysis;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EmbeddingTextAnalyserTest {
    private static final List<String> BATCH = List.of(
            "The parcel arrived two weeks late", "My package never came", "Delivery took forever",
            "Still waiting for my order to be delivered", "The courier left the box at the wrong house",
            "Shipping was slow again", "The order showed up a week after the promised date",
            "Way too expensive for what you get", "Prices went up again", "The subscription costs too much",
            "I pay more than with any other provider", "Too pricey compared to competitors",
            "The fee is outrageous", "Cheaper elsewhere",
            "The agent on the phone was very kind", "Support answered my question quickly",
            "The help desk solved my problem", "Customer service was friendly and helpful",
            "Nobody from support ever replied to my email", "The support team was rude");

    private static TextAnalyser analyser;

    @BeforeAll
    static void loadTheModelOnce() {
        TextAnalyserProvider provider = ServiceLoader.load(TextAnalyserProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.name().equals("embeddings")).findFirst().orElseThrow();
        assertThat(provider.priority()).isGreaterThan(0);
        analyser = provider.create(PluginConfig.of("nps.text", java.util.Map.of("nps.text.clusters", "3")));
    }

    @Test
    void groupsCommentsThatSayTheSameThingInDifferentWords() {
        List<TextAnalysis> all = analyser.analyseAll(BATCH, Locale.ROOT);
        assertThat(((EmbeddingTextAnalyser) analyser).themes()).hasSize(3);
        List<String> delivery = themesOf(all, 0, 7);
        List<String> price = themesOf(all, 7, 14);
        List<String> support = themesOf(all, 14, 20);
        assertThat(mostCommon(delivery)).isNotEqualTo(mostCommon(price)).isNotEqualTo(mostCommon(support));
        assertThat(mostCommon(price)).isNotEqualTo(mostCommon(support));
        // a new comment goes to the theme of its meaning, not of its words
        TextAnalysis late = analyser.analyse("My box has not shown up yet", Locale.ROOT);
        assertThat(late.themes()).containsExactly(mostCommon(delivery));
        assertThat(late.sentiment()).isNotNull();
    }

    @Test
    void oddInputGetsADefinedResult() {
        assertThat(analyser.analyse("", Locale.ROOT)).isEqualTo(TextAnalysis.EMPTY);
        assertThat(analyser.analyse("   ", Locale.ROOT)).isEqualTo(TextAnalysis.EMPTY);
        assertThat(analyser.analyse("\u0000\u0001\uD800", Locale.ROOT)).isEqualTo(TextAnalysis.EMPTY);
        assertThat(analyser.analyse("x".repeat(100_000), Locale.ROOT).sentiment()).isEqualTo(Sentiment.NEUTRAL);
        assertThat(analyser.analyse("😍😍😍", Locale.ROOT).sentiment().label()).isEqualTo(Sentiment.Label.POSITIVE);
        assertThat(analyser.analyseAll(List.of("", " "), Locale.ROOT)).containsExactly(TextAnalysis.EMPTY, TextAnalysis.EMPTY);
    }

    @Test
    void rejectsBadSettings() {
        assertThatThrownBy(() -> new EmbeddingTextAnalyser(t -> new float[0][], analyser, -1, 0.3))
                .isInstanceOfSatisfying(NpsException.class, e -> assertThat(e.getMessage()).startsWith("clusters"));
        assertThatThrownBy(() -> new EmbeddingTextAnalyser(t -> new float[0][], analyser, 0, 1.5))
                .isInstanceOfSatisfying(NpsException.class, e -> assertThat(e.getMessage()).startsWith("minSimilarity"));
    }

    @Test
    void assignsCommentsToAUserThemeByMeaningZeroShot() {
        TextAnalyser withDelivery = new EmbeddingTextAnalyserProvider().create(PluginConfig.of("nps.text", java.util.Map.of(
                "nps.text.clusters", "3",
                "nps.text.themes", "Delivery",
                "nps.text.themes.Delivery", "my parcel arrived late, the package never came, slow shipping")));
        // no word in common with the examples
        assertThat(withDelivery.analyse("My box has not shown up yet", Locale.ROOT).themes()).startsWith("Delivery");
        assertThat(withDelivery.analyse("The subscription costs too much", Locale.ROOT).themes()).doesNotContain("Delivery");
        List<TextAnalysis> all = withDelivery.analyseAll(BATCH, Locale.ROOT);
        // most delivery comments get the user theme (MiniLM misses "showed up a week after the promised date"),
        // none of the price or support ones do
        long delivery = all.subList(0, 7).stream().filter(a -> a.themes().contains("Delivery")).count();
        assertThat(delivery).isGreaterThanOrEqualTo(5);
        assertThat(all.subList(7, 20)).allSatisfy(a -> assertThat(a.themes()).doesNotContain("Delivery"));
        // the user theme takes precedence: the delivery cluster is dropped, the other two stay
        List<String> themes = ((EmbeddingTextAnalyser) withDelivery).themes();
        assertThat(themes).first().isEqualTo("Delivery");
        assertThat(themes).hasSize(3);
        assertThat(all.subList(0, 7)).allMatch(a -> a.themes().isEmpty() || a.themes().get(0).equals("Delivery"));
    }

    /** Three made-up dimensions: delivery, price, anything else. */
    private static final Embedder TOY = texts -> texts.stream().map(t -> {
        String l = t.toLowerCase(Locale.ROOT);
        float[] v = l.contains("parcel") || l.contains("late") ? new float[] {1, 0, 0.2f}
                : l.contains("price") || l.contains("cost") ? new float[] {0, 1, 0.2f} : new float[] {0, 0.2f, 1};
        return Clusters.unit(v);
    }).toArray(float[][]::new);

    @Test
    void aUserThemeIsGivenWhenAnExampleIsCloseEnoughNearestFirst() {
        EmbeddingTextAnalyser a = new EmbeddingTextAnalyser(TOY, analyser, 0, 0.3,
                List.of(ExampleTheme.of("Price", "price"), ExampleTheme.of("Delivery", "parcel")), 0.9);
        assertThat(a.themes()).containsExactly("Price", "Delivery");
        assertThat(a.analyse("The parcel came late", Locale.ROOT).themes()).containsExactly("Delivery");
        assertThat(a.analyse("The price is fair", Locale.ROOT).themes()).containsExactly("Price");
        assertThat(a.analyse("Lovely people", Locale.ROOT).themes()).isEmpty();
    }

    @Test
    void aClusterTheUserThemeCoversIsHiddenAndItsCommentsAreNotHandedToAnother() {
        // a low minSimilarity, so that a dropped cluster's comments would reach the "people" cluster
        EmbeddingTextAnalyser a = new EmbeddingTextAnalyser(TOY, analyser, 3, 0.1,
                List.of(ExampleTheme.of("Delivery", "parcel")), 0.9);
        List<String> batch = List.of("parcel late again", "parcel late today", "late parcel", "parcel very late",
                "price too high", "price went up", "high price", "price is steep",
                "nice people", "nice staff", "people nice", "kind people");
        List<TextAnalysis> all = a.analyseAll(batch, Locale.ROOT);
        assertThat(a.themes()).hasSize(3).first().isEqualTo("Delivery");
        assertThat(all.subList(0, 4)).allSatisfy(t -> assertThat(t.themes()).containsExactly("Delivery"));
        assertThat(all.subList(4, 12)).allSatisfy(t -> assertThat(t.themes()).hasSize(1).doesNotContain("Delivery"));
        assertThat(a.analyse("a late parcel", Locale.ROOT).themes()).containsExactly("Delivery");
    }

    @Test
    void rejectsBadUserThemes() {
        assertThatThrownBy(() -> ExampleTheme.of(" ", "x"))
                .isInstanceOfSatisfying(NpsException.class, e -> assertThat(e.getMessage()).startsWith("exampleTheme.name"));
        assertThatThrownBy(() -> ExampleTheme.of("Price"))
                .isInstanceOfSatisfying(NpsException.class, e -> assertThat(e.getMessage()).contains("at least one"));
        assertThatThrownBy(() -> ExampleTheme.of("Price", "cost", " "))
                .isInstanceOfSatisfying(NpsException.class, e -> assertThat(e.getMessage()).contains("blank example"));
        assertThatThrownBy(() -> ExampleTheme.of("Price", "x".repeat(EmbeddingTextAnalyser.MAX_CHARS + 1)))
                .isInstanceOfSatisfying(NpsException.class, e -> assertThat(e.getMessage()).contains("at most"));
        assertThatThrownBy(() -> new EmbeddingTextAnalyser(TOY, analyser, 0, 0.3,
                List.of(ExampleTheme.of("Price", "price"), ExampleTheme.of("price", "cost")), 0.5))
                .isInstanceOfSatisfying(NpsException.class, e -> assertThat(e.getMessage()).contains("used twice"));
        assertThatThrownBy(() -> new EmbeddingTextAnalyser(TOY, analyser, 0, 0.3, List.of(), 1.5))
                .isInstanceOfSatisfying(NpsException.class, e -> assertThat(e.getMessage()).startsWith("userThemeSimilarity"));
        assertThatThrownBy(() -> new EmbeddingTextAnalyserProvider().create(PluginConfig.of("nps.text",
                java.util.Map.of("nps.text.themes", "Delivery"))))
                .isInstanceOfSatisfying(NpsException.class, e -> assertThat(e.getMessage()).contains("nps.text.themes.Delivery: missing"));
        assertThatThrownBy(() -> new EmbeddingTextAnalyserProvider().create(PluginConfig.of("nps.text",
                java.util.Map.of("nps.text.userThemeSimilarity", "high"))))
                .isInstanceOfSatisfying(NpsException.class, e -> assertThat(e.getMessage()).contains("nps.text.userThemeSimilarity: not a number"));
    }

    private static List<String> themesOf(List<TextAnalysis> all, int from, int to) {
        List<String> out = new ArrayList<>();
        for (TextAnalysis a : all.subList(from, to)) {
            out.addAll(a.themes());
        }
        return out;
    }

    private static String mostCommon(List<String> labels) {
        return labels.stream().collect(java.util.stream.Collectors.groupingBy(s -> s, java.util.stream.Collectors.counting()))
                .entrySet().stream().max(java.util.Map.Entry.comparingByValue()).orElseThrow().getKey();
    }
}
