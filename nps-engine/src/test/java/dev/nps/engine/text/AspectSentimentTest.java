package dev.nps.engine.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nps.spi.Sentiment;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AspectSentimentTest {
    private final AspectSentiment aspects = AspectSentiment.forFeedback();
    private final ThemeModel model = ThemeModel.builtin();

    private Sentiment.Label label(String text, String theme) {
        Map<String, Sentiment> byTheme = aspects.byTheme(text, model);
        assertThat(byTheme).containsKey(theme);
        return byTheme.get(theme).label();
    }

    @Test
    void contrastGivesEachSideItsOwnPolarity() {
        String text = "The food was great but the service was slow";
        assertThat(label(text, "food and drink")).isEqualTo(Sentiment.Label.POSITIVE);
        assertThat(label(text, "customer service")).isEqualTo(Sentiment.Label.NEGATIVE);
        assertThat(label(text, "delivery time")).isEqualTo(Sentiment.Label.NEGATIVE);
    }

    @Test
    void negationStaysInsideItsClause() {
        String text = "The staff were not friendly, the pasta was delicious";
        assertThat(label(text, "customer service")).isEqualTo(Sentiment.Label.NEGATIVE);
        assertThat(label(text, "food and drink")).isEqualTo(Sentiment.Label.POSITIVE);
    }

    @Test
    void aClauseWithoutThemeElaboratesTheThemeBeforeIt() {
        // "which was above average" names no theme: it is read with "the food" before it, not with the waiter after
        String text = "The food, which was above average, could not make up for the rude waiter";
        assertThat(label(text, "food and drink")).isEqualTo(Sentiment.Label.POSITIVE);
        assertThat(label(text, "customer service")).isEqualTo(Sentiment.Label.NEGATIVE);
    }

    @Test
    void aWishIsNotAJudgementOfThePlace() {
        // the whole sentence is positive for plain VADER ("great" twice), yet it warns against the place
        String text = "For people who want great food and great service, this is a place to avoid!";
        assertThat(SentimentScorer.forFeedback().score(text).label()).isEqualTo(Sentiment.Label.POSITIVE);
        assertThat(label(text, "food and drink")).isEqualTo(Sentiment.Label.NEGATIVE);
    }

    @Test
    void descriptiveWordsMissingFromTheLexiconCountForTheirTheme() {
        assertThat(SentimentScorer.forFeedback().score("The noodles were sticky").label()).isEqualTo(Sentiment.Label.NEUTRAL);
        assertThat(label("The noodles were sticky", "food and drink")).isEqualTo(Sentiment.Label.NEGATIVE);
        assertThat(label("The noodles were not sticky at all", "food and drink")).isEqualTo(Sentiment.Label.POSITIVE);
    }

    @Test
    void aThemeWithoutSentimentOfItsOwnTakesTheWholeComment() {
        assertThat(label("Loved it. We had the pasta.", "food and drink")).isEqualTo(Sentiment.Label.POSITIVE);
        assertThat(label("We had the pasta.", "food and drink")).isEqualTo(Sentiment.Label.NEUTRAL);
    }

    @Test
    void userThemesAreScoredLikeDiscoveredOnes() {
        ThemeModel withUser = model.withUserThemes(List.of(UserTheme.of("checkout", "checkout", "basket")));
        Map<String, Sentiment> byTheme = aspects.byTheme("Checkout was painless, however shipping was late", withUser);
        assertThat(byTheme.get("checkout").label()).isEqualTo(Sentiment.Label.POSITIVE);
        assertThat(byTheme.get("delivery time").label()).isEqualTo(Sentiment.Label.NEGATIVE);
    }

    @Test
    void oddInputGivesNoThemes() {
        assertThat(aspects.byTheme(null, model)).isEmpty();
        assertThat(aspects.byTheme("", model)).isEmpty();
        assertThat(aspects.byTheme("  \u0000\uD800 ", model)).isEmpty();
        assertThat(aspects.byTheme("Nothing to say", model)).isEmpty();
        assertThat(aspects.byTheme("food ".repeat(30_000), model)).containsOnlyKeys("food and drink");
        assertThatThrownBy(() -> aspects.byTheme("The food", null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("model");
    }

    @Test
    void cutsClausesAtPunctuationDashesAndContrastWords() {
        assertThat(AspectSentiment.clauses("Great pizza - slow staff; loud room, while prices (fair) were ok"))
                .containsExactly("Great pizza", "slow staff", "loud room", "prices", "fair", "were ok");
    }

    private Sentiment.Label npsLabel(String text, String theme) {
        Map<String, Sentiment> byTheme = new AspectSentiment(SentimentScorer.nps()).byTheme(text, model);
        assertThat(byTheme).containsKey(theme);
        return byTheme.get(theme).label();
    }

    @Test
    void aWordCanPraiseOneThemeAndFaultAnother() {
        // "cheap" and "low" praise a price (VADER rates "low" -1.1); negation still applies
        assertThat(npsLabel("The prices are cheap", "price")).isEqualTo(Sentiment.Label.POSITIVE);
        assertThat(npsLabel("Low prices", "price")).isEqualTo(Sentiment.Label.POSITIVE);
        assertThat(npsLabel("It is not cheap, the prices", "price")).isEqualTo(Sentiment.Label.NEGATIVE);
        assertThat(npsLabel("The prices are steep", "price")).isEqualTo(Sentiment.Label.NEGATIVE);
        // the same word about something else keeps its general rating
        assertThat(npsLabel("The cheap decor", "atmosphere")).isEqualTo(Sentiment.Label.NEGATIVE);
        assertThat(npsLabel("The room is small", "atmosphere")).isEqualTo(Sentiment.Label.NEGATIVE);
        assertThat(npsLabel("Large portions", "food and drink")).isEqualTo(Sentiment.Label.POSITIVE);
    }

    @Test
    void okAboutAThemeIsAShrugAndJustOkIsAComplaint() {
        assertThat(SentimentScorer.nps().score("The service was ok").label()).isEqualTo(Sentiment.Label.POSITIVE);
        assertThat(npsLabel("The service was ok", "customer service")).isEqualTo(Sentiment.Label.NEUTRAL);
        assertThat(npsLabel("The food was just okay", "food and drink")).isEqualTo(Sentiment.Label.NEGATIVE);
        assertThat(npsLabel("The food was great and the service ok", "food and drink")).isEqualTo(Sentiment.Label.POSITIVE);
    }

    @Test
    void aWaitCountedInTimeIsAComplaint() {
        assertThat(SentimentScorer.nps().score("It took them 25 minutes to bring our appetizer").label())
                .isEqualTo(Sentiment.Label.NEUTRAL);
        assertThat(npsLabel("It took them 25 minutes to bring our appetizer", "food and drink"))
                .isEqualTo(Sentiment.Label.NEGATIVE);
        assertThat(npsLabel("We waited over an hour for the waiter", "customer service")).isEqualTo(Sentiment.Label.NEGATIVE);
        assertThat(npsLabel("Our waiter was there in a minute", "customer service")).isNotEqualTo(Sentiment.Label.NEGATIVE);
    }

    @Test
    void praiseOfWhatThePlaceIsNotIsAComplaint() {
        String text = "The service would have been better with more staff";
        assertThat(SentimentScorer.nps().score(text).label()).isEqualTo(Sentiment.Label.POSITIVE);
        assertThat(npsLabel(text, "customer service")).isEqualTo(Sentiment.Label.NEGATIVE);
        assertThat(npsLabel("The service was better than last time", "customer service")).isEqualTo(Sentiment.Label.POSITIVE);
    }

    @Test
    void hyphenJoinedWordsAreReadAsTheirParts() {
        assertThat(label("Food-awesome.", "food and drink")).isEqualTo(Sentiment.Label.POSITIVE);
        assertThat(label("Staff-rude, food-cold.", "customer service")).isEqualTo(Sentiment.Label.NEGATIVE);
        AspectSentiment nps = new AspectSentiment(SentimentScorer.nps());
        assertThat(nps.unhyphenate("the half-price menu")).isEqualTo("the half-price menu");
        assertThat(nps.unhyphenate("a self-confident waiter")).isEqualTo("a self-confident waiter");
        assertThat(nps.unhyphenate("Food-awesome!")).isEqualTo("Food awesome!");
    }

    @Test
    void prettyBeforeADescriptiveWordIsADegreeAdverb() {
        assertThat(label("The room was pretty drafty", "atmosphere")).isEqualTo(Sentiment.Label.NEGATIVE);
        assertThat(label("The noodles were super sticky", "food and drink")).isEqualTo(Sentiment.Label.NEGATIVE);
        assertThat(label("The room was pretty", "atmosphere")).isEqualTo(Sentiment.Label.POSITIVE);
    }

    @Test
    void aSmallerRoomIsAComplaint() {
        assertThat(aspects.score("the room was smaller than we expected", "atmosphere")).isLessThan(-0.05);
        assertThat(aspects.score("the room was smaller than we expected", null)).isGreaterThan(-0.05);
    }

    @Test
    void whatFollowsThanDescribesTheThingComparedWith() {
        String text = "The desserts are better than the awful cakes at other bakeries.";
        assertThat(SentimentScorer.nps().score(text).label()).isNotEqualTo(Sentiment.Label.POSITIVE);
        assertThat(npsLabel(text, "food and drink")).isEqualTo(Sentiment.Label.POSITIVE);
        // the clause goes on about its subject after a coordination
        assertThat(npsLabel("The room is larger than most and the bar is lovely", "atmosphere"))
                .isEqualTo(Sentiment.Label.POSITIVE);
        assertThat(ClauseRules.comparison("The desserts are more appealing then stuffy restaurants"))
                .containsExactly("The desserts are more appealing", "stuffy restaurants");
        // quantities and degrees are not comparisons
        assertThat(ClauseRules.comparison("The staff were more than happy to help")).isNull();
        assertThat(ClauseRules.comparison("We waited less than ten minutes")).isNull();
        assertThat(ClauseRules.comparison("Other than that it was fine")).isNull();
        assertThat(ClauseRules.comparison("We ate and then left")).isNull();
    }

    @Test
    void anImperativeRecommendsOrWarnsAboutItsTheme() {
        assertThat(npsLabel("Check out the back room.", "atmosphere")).isEqualTo(Sentiment.Label.POSITIVE);
        assertThat(npsLabel("Don't bother with the dessert menu.", "food and drink")).isEqualTo(Sentiment.Label.NEGATIVE);
        String text = "The decor was nice, but steer clear of the cocktails.";
        assertThat(npsLabel(text, "atmosphere")).isEqualTo(Sentiment.Label.POSITIVE);
        assertThat(npsLabel(text, "food and drink")).isEqualTo(Sentiment.Label.NEGATIVE);
    }

    @Test
    void aQuotedAmountIsNotAJudgementOfThePrice() {
        // an amount alone says what was paid, not whether it was too much: no sentiment either way
        assertThat(npsLabel("The sandwich was $24.", "price")).isEqualTo(Sentiment.Label.NEUTRAL);
        assertThat(npsLabel("$24 for the best sandwich in town, worth every penny", "price"))
                .isEqualTo(Sentiment.Label.POSITIVE);
    }

    @Test
    void aThemeWithoutSentimentOfItsOwnIgnoresWishesInTheWholeComment() {
        String text = "If you want great pasta, this is not your place.";
        assertThat(SentimentScorer.nps().score(text).label()).isEqualTo(Sentiment.Label.POSITIVE);
        assertThat(npsLabel(text, "food and drink")).isNotEqualTo(Sentiment.Label.POSITIVE);
    }
}
