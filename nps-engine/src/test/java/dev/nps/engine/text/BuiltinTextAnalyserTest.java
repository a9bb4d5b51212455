package dev.nps.engine.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nps.api.ErrorCode;
import dev.nps.api.NpsException;
import dev.nps.spi.PluginConfig;
import dev.nps.spi.Sentiment;
import dev.nps.spi.TextAnalyser;
import dev.nps.spi.TextAnalyserProvider;
import dev.nps.spi.TextAnalysis;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BuiltinTextAnalyserTest {
    private final BuiltinTextAnalyser analyser = BuiltinTextAnalyser.create();

    private TextAnalysis analyse(String text) {
        return analyser.analyse(text, Locale.ROOT);
    }

    @Test
    void analysesOneResponseAgainstTheBuiltInTopics() {
        TextAnalysis a = analyse("The support agent never called me back");
        assertThat(a.sentiment().label()).isEqualTo(Sentiment.Label.NEGATIVE);
        assertThat(a.themes()).contains("customer service");
        assertThat(analyse("Delivery was fast and the price is fair").themes()).contains("delivery time", "price");
    }

    @Test
    void aBatchRediscoversThemesAndLaterResponsesUseThem() {
        List<TextAnalysis> all = analyser.analyseAll(ThemeFixture.COMMENTS, Locale.ENGLISH);
        assertThat(all).hasSize(ThemeFixture.COMMENTS.size());
        assertThat(analyser.model().themes()).anySatisfy(t -> assertThat(t.keywords()).contains("login"));
        assertThat(analyse("login fails every morning").themes()).isNotEmpty();
    }

    @Test
    void emptyAndBlankCommentsGetTheEmptyAnalysis() {
        assertThat(analyse("")).isEqualTo(TextAnalysis.EMPTY);
        assertThat(analyse(" \t\n\u00A0 ")).isEqualTo(TextAnalysis.EMPTY);
        assertThat(analyse(null)).isEqualTo(TextAnalysis.EMPTY);
    }

    @Test
    void aHundredThousandCharacterCommentIsAnalysedOnItsFirstPart() {
        String huge = "The delivery was late. ".repeat(5000).substring(0, 100_000);
        TextAnalysis a = analyse(huge);
        assertThat(a.sentiment().label()).isEqualTo(Sentiment.Label.NEGATIVE);
        assertThat(a.themes()).contains("delivery time");
    }

    @Test
    void binaryInputIsHarmless() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 4096; i++) {
            sb.append((char) (i * 7919 % 65536));
        }
        TextAnalysis a = analyse(sb.toString());
        assertThat(a.sentiment().compound()).isBetween(-1.0, 1.0);
        assertThat(analyse("\u0000\u0001\u0002\u001B[31m\u007F")).isEqualTo(new TextAnalysis(Sentiment.NEUTRAL, List.of()));
    }

    @Test
    void emojiOnlyCommentsCarrySentimentButNoTheme() {
        assertThat(analyse("😍😍😍").sentiment().label()).isEqualTo(Sentiment.Label.POSITIVE);
        assertThat(analyse("👎").sentiment().label()).isEqualTo(Sentiment.Label.NEGATIVE);
        assertThat(analyse("😍😍😍").themes()).isEmpty();
    }

    @Test
    void nonEnglishCommentsGetANeutralSentimentWhenTheLanguageIsKnown() {
        TextAnalysis german = analyser.analyse("Der Kundendienst war schrecklich langsam", Locale.GERMAN);
        assertThat(german.sentiment()).isEqualTo(Sentiment.NEUTRAL);
        assertThat(analyse("サポートの対応がとても遅かったです").sentiment().label()).isEqualTo(Sentiment.Label.NEUTRAL);
        BuiltinTextAnalyser withUser = BuiltinTextAnalyser.builder().userTheme(UserTheme.of("Kundendienst", "kundendienst")).build();
        assertThat(withUser.analyse("Der Kundendienst war langsam", Locale.GERMAN).themes()).containsExactly("Kundendienst");
    }

    @Test
    void updatesTheModelAtomically() {
        analyser.analyseAll(ThemeFixture.COMMENTS, Locale.ROOT);
        analyser.updateModel(m -> m.rename("price", "Pricing"));
        assertThat(analyse("too expensive").themes()).containsExactly("Pricing");
        analyser.analyseAll(ThemeFixture.COMMENTS, Locale.ROOT);
        assertThat(analyse("too expensive").themes()).containsExactly("Pricing");
    }

    @Test
    void isFoundByServiceLoaderAsBuiltinWithPriorityZero() {
        Map<String, TextAnalyserProvider> providers = ServiceLoader.load(TextAnalyserProvider.class).stream()
                .map(ServiceLoader.Provider::get).collect(Collectors.toMap(TextAnalyserProvider::name, p -> p));
        assertThat(providers).containsKey("builtin");
        assertThat(providers.get("builtin").priority()).isZero();
        try (TextAnalyser a = providers.get("builtin").create(PluginConfig.empty())) {
            assertThat(a.name()).isEqualTo("builtin");
            assertThat(a.analyse("Support was great", Locale.ROOT).sentiment().label()).isEqualTo(Sentiment.Label.POSITIVE);
        }
    }

    @Test
    void providerReadsUserThemesAndReportsEveryProblem() {
        TextAnalyser a = new BuiltinTextAnalyserProvider().create(PluginConfig.of("nps.text", Map.of(
                "nps.text.themes", "Courier, Sign-in",
                "nps.text.themes.Courier", "courier, parcel",
                "nps.text.themes.Sign-in", "login, password")));
        assertThat(a.analyse("the courier lost it", Locale.ROOT).themes()).startsWith("Courier");
        assertThatThrownBy(() -> new BuiltinTextAnalyserProvider().create(PluginConfig.of("nps.text", Map.of(
                "nps.text.feedbackDomain", "maybe", "nps.text.themes", "Missing"))))
                .isInstanceOfSatisfying(NpsException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION);
                    assertThat(e.getMessage()).contains("nps.text.feedbackDomain", "nps.text.themes.Missing");
                });
    }
}
