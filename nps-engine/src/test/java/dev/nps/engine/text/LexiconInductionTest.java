package dev.nps.engine.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nps.spi.Sentiment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LexiconInductionTest {
    private static final SentimentScorer SCORER = SentimentScorer.nps();

    private static Map<String, Double> induce(List<String> batch, Set<String> themeStems) {
        return LexiconInduction.induce(batch, themeStems, SCORER, LexiconInduction.Options.DEFAULT);
    }

    @Test
    void aMisspellingOfARatedWordOfTheBatchTakesItsValence() {
        List<String> batch = List.of("The food was magnificent.", "Magnificent view.", "The soup was magnificant.",
                "We were disappointed.", "Very disappointed with the wait.", "I was disapointed by the dessert.");
        Map<String, Double> words = induce(batch, Set.of());
        assertThat(words).containsKeys("magnificant", "disapointed");
        assertThat(words.get("magnificant")).isBetween(0.6, 1.5);
        assertThat(words.get("disapointed")).isBetween(-1.5, -0.6);
        // the rated words themselves are never learnt
        assertThat(words).doesNotContainKeys("magnificent", "disappointed");
    }

    @Test
    void aMisspellingNeedsTheRightSpellingToBeCommonerInTheBatch() {
        // "magnificent" is not in the batch: nothing says which word was meant
        assertThat(induce(List.of("The soup was magnificant."), Set.of())).isEmpty();
        // a real word next to a rated one ("curtain", "certain") is not read as its misspelling: no letter is missing
        assertThat(induce(List.of("I am certain.", "Certain, yes.", "Nice curtain."), Set.of())).isEmpty();
    }

    @Test
    void shortWordsAreNotReadAsMisspellings() {
        // six letters: too often another real word ("hated" / "heated")
        assertThat(induce(List.of("Lovely.", "lovely", "lovly"), Set.of())).doesNotContainKey("lovly");
    }

    @Test
    void skeletonKeepsConsonantsAndDropsDoubling() {
        assertThat(LexiconInduction.skeleton("impeccable")).isEqualTo(LexiconInduction.skeleton("impecible"));
        assertThat(LexiconInduction.skeleton("charged")).isNotEqualTo(LexiconInduction.skeleton("charmed"));
        assertThat(LexiconInduction.distance("magnificant", "magnificent", 2)).isEqualTo(1);
        assertThat(LexiconInduction.distance("impecible", "impeccable", 2)).isEqualTo(2);
        assertThat(LexiconInduction.distance("abcdefgh", "zyxwvuts", 2)).isEqualTo(3);
    }

    @Test
    void themeWordsStopWordsAndDegreeAdverbsAreNotLearnt() {
        List<String> batch = List.of("Incredible.", "Incredible food.", "incredibly good", "Satisfaction guaranteed.",
                "Satisfaction.", "satisfactoin");
        assertThat(induce(batch, Set.of())).containsKey("satisfactoin").doesNotContainKey("incredibly");
        assertThat(LexiconInduction.learnable("utterly", Set.of(), SCORER)).isFalse();
        assertThat(induce(batch, Set.of(Terms.stemOf("satisfactoin")))).isEmpty();
    }

    @Test
    void wordsTheLexiconOrTheFeedbackLayerRateAreNeverLearnt() {
        assertThat(LexiconInduction.learnable("good", Set.of(), SCORER)).isFalse();
        // the feedback layer keeps "salty" and leaves some VADER words neutral on purpose
        assertThat(LexiconInduction.learnable("salty", Set.of(), SCORER)).isFalse();
        assertThat(LexiconInduction.learnable("very", Set.of(), SCORER)).isFalse();
        assertThat(LexiconInduction.learnable("claggy", Set.of(), SCORER)).isTrue();
        assertThat(LexiconInduction.learnable("claggy", Set.of("claggi"), SCORER)).isFalse();
    }

    @Test
    void theModelKeepsTheWordsAndAspectSentimentUsesThem() {
        List<String> batch = new ArrayList<>(ThemeFixture.COMMENTS);
        batch.add("The support agent was magnificent.");
        batch.add("A magnificent delivery.");
        batch.add("The courier was magnificant.");
        ThemeModel model = ThemeModel.discover(batch);
        assertThat(model.inducedLexicon()).containsKey("magnificant");
        // whole-comment scoring does not know the word
        assertThat(SCORER.score("The food was magnificant").label()).isEqualTo(Sentiment.Label.NEUTRAL);
        AspectSentiment aspects = new AspectSentiment(SCORER);
        String theme = model.tag("The parcel was magnificant").get(0);
        assertThat(aspects.byTheme("The parcel was magnificant", model).get(theme).label())
                .isEqualTo(Sentiment.Label.POSITIVE);
        assertThat(aspects.byTheme("The parcel was not magnificant", model).get(theme).label())
                .isEqualTo(Sentiment.Label.NEGATIVE);
        // the built-in model learnt nothing, so the word stays neutral there
        assertThat(ThemeModel.builtin().inducedLexicon()).isEmpty();
        assertThat(aspects.byTheme("The food was magnificant", ThemeModel.builtin()).get("food and drink").label())
                .isEqualTo(Sentiment.Label.NEUTRAL);
    }

    @Test
    void theWordsSurviveEditsButNotUserThemeWords() {
        List<String> batch = new ArrayList<>(ThemeFixture.COMMENTS);
        batch.add("The support agent was magnificent.");
        batch.add("A magnificent delivery.");
        batch.add("The courier was magnificant.");
        ThemeModel model = ThemeModel.discover(batch);
        assertThat(model.withUserThemes(List.of()).inducedLexicon()).isEqualTo(model.inducedLexicon());
        ThemeModel user = model.withUserThemes(List.of(new UserTheme("Typos", List.of("magnificant"))));
        assertThat(user.inducedLexicon()).doesNotContainKey("magnificant");
        assertThat(model.inducedLexicon()).isUnmodifiable();
    }
}
