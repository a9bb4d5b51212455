package dev.nps.engine.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.nps.spi.Sentiment;
import org.junit.jupiter.api.Test;

/** Hand-checked examples from the VADER paper and its reference implementation's README. */
class SentimentScorerTest {
    private final SentimentScorer vader = SentimentScorer.vader();
    private final SentimentScorer feedback = SentimentScorer.forFeedback();
    private final SentimentScorer nps = SentimentScorer.nps();

    private double c(String text) {
        return vader.compound(text);
    }

    @Test
    void scoresAPlainPositiveSentenceLikeTheReference() {
        assertThat(c("The book was good.")).isCloseTo(0.4404, within(0.001));
    }

    @Test
    void dampenerKindOfLowersTheScore() {
        assertThat(c("The book was kind of good.")).isCloseTo(0.3832, within(0.001)).isLessThan(c("The book was good."));
    }

    @Test
    void allCapsBoostersAndExclamationsRaiseTheScore() {
        assertThat(c("VADER is smart, handsome, and funny.")).isCloseTo(0.8316, within(0.001));
        assertThat(c("VADER is smart, handsome, and funny!")).isCloseTo(0.8439, within(0.001));
        assertThat(c("VADER is very smart, handsome, and funny.")).isCloseTo(0.8545, within(0.001));
        assertThat(c("VADER is VERY SMART, handsome, and FUNNY.")).isCloseTo(0.9227, within(0.001));
        assertThat(c("VADER is VERY SMART, handsome, and FUNNY!!!")).isCloseTo(0.9342, within(0.001));
    }

    @Test
    void negationFlipsTheSentiment() {
        assertThat(c("The plot was not good")).isLessThan(-0.05);
        assertThat(c("Not bad at all")).isCloseTo(0.431, within(0.001));
        assertThat(c("At least it isn't a horrible book.")).isCloseTo(0.431, within(0.001));
    }

    @Test
    void negationIsCaseInsensitive() {
        assertThat(c("The plot was NOT good")).isLessThan(-0.05);
        assertThat(c("The plot was Never good")).isLessThan(-0.05);
    }

    @Test
    void butShiftsTheWeightToWhatFollows() {
        assertThat(c("The plot was good, but the characters are uncompelling and the dialog is not great."))
                .isCloseTo(-0.7042, within(0.001));
        assertThat(c("The food was great BUT the service was bad")).isLessThan(0);
        assertThat(c("The food was bad but the service was great")).isGreaterThan(0);
    }

    @Test
    void slangEmoticonsAndEmojiCount() {
        assertThat(c("Today SUX!")).isCloseTo(-0.5461, within(0.001));
        assertThat(c("Make sure you :) or :D today!")).isCloseTo(0.8633, within(0.001));
        assertThat(c("Today only kinda sux! But I'll get by, lol")).isCloseTo(0.5249, within(0.001));
        assertThat(c("Catch utf-8 emoji such as 💘 and 💋 and 😁")).isGreaterThan(0.5);
        assertThat(c("😀")).isGreaterThan(0.05);
        assertThat(c("😠")).isLessThan(-0.05);
    }

    @Test
    void neverSoAmplifiesInsteadOfNegating() {
        assertThat(c("I have never been so happy")).isGreaterThan(c("I have been happy"));
        assertThat(c("It is without doubt good")).isGreaterThan(0.05);
        assertThat(c("This is the least good option")).isLessThan(0);
    }

    @Test
    void questionMarksAmplify() {
        assertThat(c("Why is this so bad??")).isLessThan(c("Why is this so bad"));
    }

    @Test
    void idiomsOverrideTheWordsInTheFeedbackScorer() {
        assertThat(feedback.compound("The cake was to die for")).isGreaterThan(0.5);
    }

    @Test
    void plainVaderMatchesTheReferenceImplementationIncludingItsQuirks() {
        // compound scores of the reference vaderSentiment.py (its README examples and the same rules run on these texts)
        assertThat(vader.compound("I love this feeling. :D")).isCloseTo(0.8707, within(5e-5));
        assertThat(vader.compound("VADER is smart, handsome, and funny!")).isCloseTo(0.8439, within(5e-5));
        assertThat(vader.compound("The book was only kind of good.")).isCloseTo(0.3832, within(5e-5));
        assertThat(vader.compound("At least it isn't a horrible book.")).isCloseTo(0.431, within(5e-5));
        // the reference keeps "&lt;3" as it is, so no heart
        assertThat(vader.compound("&lt;3")).isZero();
        // while the reference misses the idiom around "die"
        assertThat(vader.compound("The cake was to die for")).isLessThan(0);
    }

    @Test
    void supportAsATopicIsNotPraise() {
        assertThat(feedback.score("The support agent never called me back").label()).isEqualTo(Sentiment.Label.NEGATIVE);
        assertThat(feedback.score("Support was great").label()).isEqualTo(Sentiment.Label.POSITIVE);
        assertThat(feedback.score("I contacted customer care about a refund").label()).isEqualTo(Sentiment.Label.NEUTRAL);
        assertThat(feedback.score("They charged my credit card twice").label()).isNotEqualTo(Sentiment.Label.POSITIVE);
        assertThat(vader.score("I contacted customer care about a refund").label()).isEqualTo(Sentiment.Label.POSITIVE);
    }

    @Test
    void feedbackPhrasesCarrySentiment() {
        assertThat(feedback.compound("Still waiting for my order")).isLessThan(-0.05);
        assertThat(feedback.compound("The app is slow and buggy")).isLessThan(-0.3);
        assertThat(feedback.compound("Really easy to use")).isGreaterThan(0.3);
        assertThat(feedback.compound("Not easy to use at all")).isLessThan(-0.05);
        assertThat(feedback.compound("The agent did not help")).isLessThan(-0.05);
        assertThat(feedback.compound("The portions are too small")).isLessThan(-0.05);
        assertThat(feedback.compound("The portions are too good")).isGreaterThan(0.05);
        assertThat(feedback.compound("We will be back")).isGreaterThan(0.05);
        assertThat(feedback.compound("We won't be back")).isLessThan(-0.05);
        assertThat(feedback.compound("Decent prices and prompt replies")).isGreaterThan(0.05);
        assertThat(feedback.compound("What a rip off")).isLessThan(-0.05);
        assertThat(vader.compound("The portions are too small")).isZero();
    }

    @Test
    void oddInputGetsADefinedResult() {
        assertThat(vader.score(null)).isEqualTo(Sentiment.NEUTRAL);
        assertThat(vader.score("")).isEqualTo(Sentiment.NEUTRAL);
        assertThat(vader.score("   \n\t ")).isEqualTo(Sentiment.NEUTRAL);
        assertThat(vader.score("\u0000\u0001\u0002\u0007\uFFFF\uD800").label()).isEqualTo(Sentiment.Label.NEUTRAL);
        assertThat(vader.score("good ".repeat(20_000)).compound()).isBetween(0.9, 1.0);
        assertThat(vader.score("サポートの対応がとても遅かったです").label()).isEqualTo(Sentiment.Label.NEUTRAL);
        assertThat(vader.score("Служба поддержки работает медленно").label()).isEqualTo(Sentiment.Label.NEUTRAL);
    }

    @Test
    void eachThemeGetsTheSentimentOfItsOwnClause() {
        java.util.Map<String, Sentiment> byTheme = feedback.byTheme("The price was great but the delivery was painfully slow",
                ThemeModel.builtin());
        assertThat(byTheme.get("price").label()).isEqualTo(Sentiment.Label.POSITIVE);
        assertThat(byTheme.get("delivery time").label()).isEqualTo(Sentiment.Label.NEGATIVE);
        assertThat(feedback.byTheme("Nothing to say", ThemeModel.builtin())).isEmpty();
    }

    @Test
    void listedJudgementsApplyToTheirOwnTheme() {
        java.util.Map<String, Sentiment> byTheme = feedback.byTheme(
                "The atmosphere is lovely, the staff rude, and the prices fair", ThemeModel.builtin());
        assertThat(byTheme.get("atmosphere").label()).isEqualTo(Sentiment.Label.POSITIVE);
        assertThat(byTheme.get("customer service").label()).isEqualTo(Sentiment.Label.NEGATIVE);
        assertThat(byTheme.get("price").label()).isEqualTo(Sentiment.Label.POSITIVE);
    }

    @Test
    void npsVariantKeepsTheFeedbackLayer() {
        assertThat(nps.score("The support agent never called me back").label()).isEqualTo(Sentiment.Label.NEGATIVE);
        assertThat(nps.score("Support was great").label()).isEqualTo(Sentiment.Label.POSITIVE);
        assertThat(nps.score("I contacted customer care about a refund").label()).isEqualTo(Sentiment.Label.NEUTRAL);
        assertThat(nps.compound("The portions are too small")).isLessThan(-0.05);
        assertThat(nps.compound("We won't be back")).isLessThan(-0.05);
    }

    @Test
    void npsVariantReadsEvaluativeWordsVaderLacks() {
        assertThat(vader.compound("A tedious, pointless exercise")).isZero();
        assertThat(nps.compound("A tedious, pointless exercise")).isLessThan(-0.3);
        assertThat(nps.compound("An insightful, engrossing report")).isGreaterThan(0.3);
        assertThat(vader.compound("The ending was hilariously done")).isZero();
        assertThat(nps.compound("The ending was hilariously done")).isGreaterThan(0.05);
    }

    @Test
    void npsVariantReadsElongatedAndDroppedGWords() {
        assertThat(vader.compound("sooo goooood")).isZero();
        assertThat(nps.compound("sooo goooood")).isGreaterThan(0.3);
        assertThat(nps.compound("Lovin it")).isGreaterThan(0.3);
    }

    @Test
    void prettyAndSuperAreDegreeAdverbsBeforeARatedWord() {
        assertThat(nps.compound("The delivery was pretty bad")).isLessThan(-0.3).isLessThan(vader.compound("The delivery was pretty bad"));
        assertThat(nps.compound("The app is pretty")).isGreaterThan(0.05);
        assertThat(nps.compound("It is pretty much the same")).isZero();
        assertThat(nps.compound("pretty much useless")).isLessThan(-0.3);
        assertThat(nps.compound("super happy with it")).isGreaterThan(nps.compound("happy with it"));
    }

    @Test
    void aNegatedNegativeIsFaintPraise() {
        assertThat(nps.compound("The food was not bad")).isBetween(0.05, nps.compound("The food was good"));
        assertThat(nps.compound("The food was not bad")).isLessThan(vader.compound("The food was not bad"));
        assertThat(nps.compound("The food was not good")).isLessThan(-0.05);
    }

    @Test
    void shoutingAndExclamationsRaiseTheIntensity() {
        assertThat(nps.compound("THIS IS GREAT")).isGreaterThan(nps.compound("this is great"));
        assertThat(nps.compound("this is great!!")).isGreaterThan(nps.compound("this is great"));
    }

    @Test
    void oneMildWordInALongNeutralCommentCountsLess() {
        String alone = "Fine.";
        String diluted = "Fine. I ordered on Monday, the parcel came on Thursday with the invoice and a leaflet inside.";
        assertThat(nps.compound(diluted)).isGreaterThan(0.05).isLessThan(nps.compound(alone));
        // while a one-word comment stays as mild as its word
        assertThat(nps.compound("Meh.")).isBetween(-0.3, -0.05);
        assertThat(nps.compound("ok")).isBetween(0.05, nps.compound("great"));
    }

    @Test
    void npsVariantGivesDefinedResultsForOddInput() {
        assertThat(nps.score(null)).isEqualTo(Sentiment.NEUTRAL);
        assertThat(nps.score("   ")).isEqualTo(Sentiment.NEUTRAL);
        assertThat(nps.score("\u0000\uFFFF\uD800").label()).isEqualTo(Sentiment.Label.NEUTRAL);
        assertThat(nps.score("GOOD ".repeat(20_000)).compound()).isBetween(0.9, 1.0);
        assertThat(nps.score("bad!!!!!!!!!! ".repeat(5_000)).compound()).isBetween(-1.0, -0.9);
        assertThat(nps.score("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa").label()).isEqualTo(Sentiment.Label.NEUTRAL);
        assertThat(nps.score("😀").label()).isEqualTo(Sentiment.Label.POSITIVE);
    }

    @Test
    void curlyApostrophesNegateInTheNpsVariant() {
        assertThat(nps.compound("It doesn\u2019t work and I don\u2019t like it")).isLessThan(-0.05);
    }

    @Test
    void tooAtTheEndOfAClauseMeansAlsoNotExcess() {
        assertThat(feedback.compound("I ordered one too. Delivery tomorrow")).isLessThan(-0.05);
        assertThat(nps.score("I ordered one too. Delivery tomorrow").label()).isEqualTo(Sentiment.Label.NEUTRAL);
        assertThat(nps.compound("The portions are too small.")).isLessThan(-0.05);
    }

    @Test
    void aNegationThatPraisesIsPraise() {
        for (String text : new String[] {"You can't beat the prices", "You cannot go wrong with this shop",
                "I couldn't be happier with the service", "I cannot imagine better support",
                "Couldn't ask for more", "The staff could not be better", "I can't recommend them enough",
                "No complaints"}) {
            assertThat(nps.compound(text)).as(text).isGreaterThan(0.05);
            assertThat(feedback.compound(text)).as(text).isGreaterThan(0.05);
        }
        assertThat(nps.compound("It couldn't be worse")).isLessThan(-0.05);
        assertThat(vader.compound("I couldn't be happier with the service")).isLessThan(-0.05);
    }

    @Test
    void notComingBackIsAComplaintAndBuyingAgainIsPraise() {
        for (String text : new String[] {"I will not return", "Never again.", "We won't go to this shop again",
                "I won't be using them again", "They never returned my calls", "Would not buy again"}) {
            assertThat(nps.compound(text)).as(text).isLessThan(-0.05);
        }
        assertThat(nps.compound("Nothing I would have again")).isLessThan(-0.05);
        assertThat(nps.score("I didn't have to call again").label()).isEqualTo(Sentiment.Label.NEUTRAL);
        assertThat(nps.compound("I would definitely buy again")).isGreaterThan(0.05);
        assertThat(nps.compound("We will order again")).isGreaterThan(0.05);
        // "again" without a verb of coming back, or across a clause end, says nothing about coming back
        assertThat(nps.score("I called again on Monday").label()).isEqualTo(Sentiment.Label.NEUTRAL);
        assertThat(nps.score("We did not go. Again, the order was fine").label()).isEqualTo(Sentiment.Label.POSITIVE);
    }

    @Test
    void havingToAskOrChaseIsAComplaint() {
        assertThat(nps.compound("We had to ask for the bill three times")).isLessThan(-0.05);
        assertThat(nps.compound("We never had to ask for anything")).isGreaterThan(0.05);
        assertThat(nps.compound("They didn't refund me until I asked")).isLessThan(-0.05);
        assertThat(nps.compound("The manager told me to take my business elsewhere")).isLessThan(-0.05);
        assertThat(nps.compound("There is not enough seating")).isLessThan(-0.05);
    }

    @Test
    void likeAsAPrepositionAndPartyAsAGroupAreNotPraise() {
        assertThat(nps.score("The room felt like a train station").label()).isEqualTo(Sentiment.Label.NEUTRAL);
        assertThat(nps.score("We booked a table for a party of 8").label()).isEqualTo(Sentiment.Label.NEUTRAL);
        assertThat(nps.score("I bought it from a third party seller").label()).isEqualTo(Sentiment.Label.NEUTRAL);
        assertThat(nps.compound("I like the staff")).isGreaterThan(0.05);
        assertThat(vader.compound("The room felt like a train station")).isGreaterThan(0.05);
    }

    @Test
    void everydayComplaintsWithoutSentimentWords() {
        for (String text : new String[] {"Skip the desserts", "I had to shell out a small fortune",
                "Should have gone elsewhere", "I would have rather stayed at home", "They put too much salt in it",
                "Not too crazy about the new design", "The agent was unable to find my booking",
                "We were treated with attitude", "A rough start", "I can't stand their hold music",
                "There was a long wait at the counter", "All we got was an automated reply", "Thanks for nothing"}) {
            assertThat(nps.compound(text)).as(text).isLessThan(-0.05);
        }
        for (String text : new String[] {"You can skip the line with the app", "Head and shoulders above the rest",
                "Looking forward to my next visit", "I'm crazy about their bagels", "Refills are unlimited",
                "As good as the old one, if not better", "We plan to come here again"}) {
            assertThat(nps.compound(text)).as(text).isGreaterThan(0.05);
        }
    }

    @Test
    void theSpecialOfTheDayIsADishAndAGreatDealOfIsAQuantity() {
        assertThat(nps.score("I ordered the special").label()).isEqualTo(Sentiment.Label.NEUTRAL);
        assertThat(nps.score("The waiter read out the daily specials").label()).isEqualTo(Sentiment.Label.NEUTRAL);
        assertThat(nps.compound("They made us feel special")).isGreaterThan(0.05);
        assertThat(nps.compound("A great deal of mess everywhere")).isLessThan(-0.05);
        assertThat(nps.score("A great big door").label()).isEqualTo(Sentiment.Label.NEUTRAL);
        assertThat(nps.compound("We got a great deal")).isGreaterThan(0.05);
    }

    @Test
    void aWhyQuestionIsAComplaint() {
        assertThat(nps.compound("Why does a refund take three weeks?")).isLessThan(-0.05);
        assertThat(feedback.compound("Why make a reservation if you won't keep it?")).isLessThan(-0.05);
        assertThat(nps.compound("Nice shop. Why is checkout so hard?")).isLessThan(nps.compound("Nice shop."));
        assertThat(nps.score("Why not?").label()).isEqualTo(Sentiment.Label.NEUTRAL);
        assertThat(nps.score("I see why people queue").label()).isEqualTo(Sentiment.Label.NEUTRAL);
        assertThat(nps.score("I know why. Where is it?").label()).isEqualTo(Sentiment.Label.NEUTRAL);
    }

    @Test
    void certaintyBeforeANegationIsNotPraise() {
        assertThat(nps.compound("It certainly isn't relaxing")).isLessThan(-0.05);
        assertThat(nps.score("It definitely isn't there").label()).isEqualTo(Sentiment.Label.NEUTRAL);
        assertThat(nps.compound("It definitely is")).isGreaterThan(0.05);
        assertThat(vader.compound("It definitely isn't there")).isGreaterThan(0.05);
    }

    @Test
    void aNegationStopsAtTheNegativeWordItMeets() {
        // VADER negates "outstanding" three tokens after "not"; the negation is "forget"'s
        assertThat(vader.compound("let's not forget the outstanding pizza")).isLessThan(-0.05);
        assertThat(nps.compound("let's not forget the outstanding pizza")).isGreaterThan(0.05);
        assertThat(nps.compound("it won't disappoint a hungry crowd")).isGreaterThan(-0.05);
        // a neutral or positive word in between leaves the negation alone
        assertThat(nps.compound("it was not the best pizza")).isLessThan(-0.05);
        assertThat(nps.compound("I did not like the great big room")).isLessThan(nps.compound("I liked the great big room"));
    }

    @Test
    void aClauseOpeningWithAnImperativeRecommendsOrWarns() {
        assertThat(nps.score("Check out the back room.").label()).isEqualTo(Sentiment.Label.POSITIVE);
        assertThat(nps.score("So definitely try their green curry").label()).isEqualTo(Sentiment.Label.POSITIVE);
        assertThat(nps.score("Stick to the noodles.").label()).isEqualTo(Sentiment.Label.POSITIVE);
        assertThat(nps.score("Order the duck.").label()).isEqualTo(Sentiment.Label.POSITIVE);
        assertThat(nps.score("Stay away from this shop.").label()).isEqualTo(Sentiment.Label.NEGATIVE);
        // "clear" is no praise in "steer clear"
        assertThat(nps.score("Steer clear of the cocktails.").label()).isEqualTo(Sentiment.Label.NEGATIVE);
        assertThat(nps.score("Nice decor, but be careful with the cocktails").label()).isNotEqualTo(Sentiment.Label.POSITIVE);
        assertThat(nps.score("I'd avoid the fish").label()).isEqualTo(Sentiment.Label.NEGATIVE);
        // only at the start of a clause, and not a noun ("order") or a past tense ("tried")
        assertThat(nps.score("I tried the fish").label()).isNotEqualTo(Sentiment.Label.NEGATIVE);
        assertThat(nps.score("We had to stay away from the fish").label()).isEqualTo(Sentiment.Label.NEUTRAL);
        assertThat(nps.score("Order was wrong").label()).isEqualTo(Sentiment.Label.NEGATIVE);
        assertThat(nps.score("Try to come early").label()).isEqualTo(Sentiment.Label.NEUTRAL);
        assertThat(nps.score("Check the bill").label()).isEqualTo(Sentiment.Label.NEUTRAL);
    }
}
