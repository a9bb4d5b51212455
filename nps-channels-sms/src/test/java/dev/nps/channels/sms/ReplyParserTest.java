package dev.nps.channels.sms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nps.api.Score;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReplyParserTest {
    private final ReplyParser parser = ReplyParser.defaults();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"9|9", " 10 |10", "10!|10", "0|0", "7.|7", "nine|9", "Ten!|10", "zero|0"})
    void readsScoresInEnglish(String text, int score) {
        assertThat(parser.parse(text, Locale.ENGLISH)).isEqualTo(new ReplyIntent.ScoreReply(Score.of(score)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"neun|9", "Zehn|10", "null|0", "fünf|5", "eins|1", "8|8"})
    void readsScoresInGerman(String text, int score) {
        assertThat(parser.parse(text, Locale.GERMAN)).isEqualTo(new ReplyIntent.ScoreReply(Score.of(score)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"neun", "11", "7.5", "9 because fast", "-1", "１０"})
    void treatsOtherTextInEnglishAsAComment(String text) {
        assertThat(parser.parse(text, Locale.ENGLISH)).isInstanceOf(ReplyIntent.Comment.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"STOP", "stop", " Stop ", "STOPALL", "UNSUBSCRIBE", "cancel", "END", "quit", "REVOKE", "OPTOUT",
            "opt out", "Opt  Out"})
    void recognisesOptOutKeywords(String text) {
        assertThat(parser.parse(text, Locale.ENGLISH)).isInstanceOf(ReplyIntent.OptOut.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"START", "unstop", " Start"})
    void recognisesResubscribeKeywords(String text) {
        assertThat(parser.parse(text, Locale.GERMAN)).isInstanceOf(ReplyIntent.Resubscribe.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"HELP", "help "})
    void recognisesHelp(String text) {
        assertThat(parser.parse(text, Locale.ENGLISH)).isInstanceOf(ReplyIntent.Help.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"please stop sending", "I will not stop using you"})
    void keywordsInsideASentenceAreComments(String text) {
        assertThat(parser.parse(text, Locale.ENGLISH)).isInstanceOf(ReplyIntent.Comment.class);
    }

    @org.junit.jupiter.api.Test
    void commentIsTrimmedAndCutWithoutSplittingAnEmoji() {
        String text = "x".repeat(ReplyParser.MAX_COMMENT_LENGTH - 1) + "😀tail";
        ReplyIntent.Comment c = (ReplyIntent.Comment) parser.parse("  " + text, Locale.ENGLISH);
        assertThat(c.text()).hasSize(ReplyParser.MAX_COMMENT_LENGTH - 1);
        assertThat(c.toString()).doesNotContain("xxx");
    }
}
