package dev.nps.engine.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokeniserTest {
    @Test
    void keepsContractionsEmoticonsAndCaseForSentiment() {
        assertThat(Tokeniser.sentimentTokens("I DON'T like it :( but :-) is fine!!!"))
                .containsExactly("I", "DON'T", "like", "it", ":(", "but", ":-)", "is", "fine");
    }

    @Test
    void stripsPunctuationOnlyFromWords() {
        assertThat(Tokeniser.sentimentTokens("good... ok. :D (great)")).containsExactly("good", "ok.", ":D", "great");
    }

    @Test
    void knowsWhatAllCapsIs() {
        assertThat(Tokeniser.isUpper("GREAT")).isTrue();
        assertThat(Tokeniser.isUpper("DON'T")).isTrue();
        assertThat(Tokeniser.isUpper("Great")).isFalse();
        assertThat(Tokeniser.isUpper("!!!")).isFalse();
    }

    @Test
    void themeWordsAreLowerCaseWithInnerApostrophesAndNoPossessive() {
        assertThat(Tokeniser.words("The courier's van DIDN'T arrive—twice!")).containsExactly("the", "courier", "van", "didn't", "arrive", "twice");
    }

    @Test
    void sanitiseRemovesControlCharactersAndCapsTheLength() {
        assertThat(Tokeniser.sanitise("a\u0000b\u0007c\td")).isEqualTo("a b c\td");
        assertThat(Tokeniser.sanitise("x".repeat(100_000))).hasSize(Tokeniser.MAX_CHARS);
        assertThat(Tokeniser.sanitise("&lt;3 &amp; more")).isEqualTo("<3 & more");
        assertThat(Tokeniser.sanitise("ok\uD800")).isEqualTo("ok ");
    }

    @Test
    void marksTheTokensThatEndAClause() {
        String text = "Slow, but fine - really. ok :) done!";
        assertThat(Tokeniser.sentimentTokens(text)).containsExactly("Slow", "but", "fine", "-", "really", "ok", ":)", "done");
        assertThat(Tokeniser.clauseEnds(text, 8)).containsExactly(true, false, false, true, true, false, false, true);
    }
}
