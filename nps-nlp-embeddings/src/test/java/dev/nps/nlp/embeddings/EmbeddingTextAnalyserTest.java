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
