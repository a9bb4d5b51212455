package dev.nps.channels.sms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmsSegmentsTest {

    @Test
    void emptyTextIsOneGsmSegment() {
        assertThat(SmsSegments.of("")).isEqualTo(new SmsSegments(SmsEncoding.GSM7, 0, 1));
    }

    @Test
    void hundredSixtyGsmCharactersFitOneSegment() {
        assertThat(SmsSegments.of("a".repeat(160))).isEqualTo(new SmsSegments(SmsEncoding.GSM7, 160, 1));
    }

    @Test
    void hundredSixtyOneGsmCharactersTakeTwoSegments() {
        assertThat(SmsSegments.of("a".repeat(161))).isEqualTo(new SmsSegments(SmsEncoding.GSM7, 161, 2));
    }

    @Test
    void twiceHundredFiftyThreeFitsTwoSegmentsAndOneMoreTakesThree() {
        assertThat(SmsSegments.of("a".repeat(306)).segments()).isEqualTo(2);
        assertThat(SmsSegments.of("a".repeat(307)).segments()).isEqualTo(3);
    }

    @Test
    void extensionCharactersCountTwoSeptets() {
        SmsSegments s = SmsSegments.of("€[]{}|^~\\");
        assertThat(s.encoding()).isEqualTo(SmsEncoding.GSM7);
        assertThat(s.units()).isEqualTo(18);
    }

    @Test
    void extensionCharacterAtTheSingleSegmentBoundarySpillsIntoTwoSegments() {
        assertThat(SmsSegments.of("a".repeat(158) + "€").segments()).isEqualTo(1);
        assertThat(SmsSegments.of("a".repeat(159) + "€")).isEqualTo(new SmsSegments(SmsEncoding.GSM7, 161, 2));
    }

    @Test
    void extensionCharacterIsNeverSplitAcrossSegments() {
        // 152 septets then an escape pair: 154 would straddle the 153 boundary, so the pair moves to part two.
        String text = "a".repeat(152) + "€" + "a".repeat(152);
        assertThat(SmsSegments.of(text).units()).isEqualTo(306);
        assertThat(SmsSegments.of(text).segments()).isEqualTo(3);
        assertThat(SmsSegments.of("a".repeat(151) + "€" + "a".repeat(153)).segments()).isEqualTo(2);
    }

    @Test
    void germanUmlautsAndSharpSStayGsm() {
        assertThat(SmsSegments.of("Grüße aus Köln, Straße Ä Ö Ü ä ö ü ß").encoding()).isEqualTo(SmsEncoding.GSM7);
    }

    @Test
    void oneEmojiSwitchesTheWholeMessageToUcs2() {
        SmsSegments s = SmsSegments.of("a".repeat(100) + "😀");
        assertThat(s.encoding()).isEqualTo(SmsEncoding.UCS2);
        assertThat(s.units()).isEqualTo(102);
        assertThat(s.segments()).isEqualTo(2);
    }

    @Test
    void seventyUcs2UnitsFitOneSegmentAndSeventyOneTakeTwo() {
        assertThat(SmsSegments.of("ж".repeat(70)).segments()).isEqualTo(1);
        assertThat(SmsSegments.of("ж".repeat(71)).segments()).isEqualTo(2);
        assertThat(SmsSegments.of("ж".repeat(134)).segments()).isEqualTo(2);
        assertThat(SmsSegments.of("ж".repeat(135)).segments()).isEqualTo(3);
    }

    @Test
    void surrogatePairIsNeverSplitAcrossSegments() {
        // 66 units then an emoji (2 units) would end at 68 > 67: it starts part two.
        assertThat(SmsSegments.of("ж".repeat(66) + "😀" + "ж".repeat(66)).segments()).isEqualTo(3);
        assertThat(SmsSegments.of("ж".repeat(65) + "😀" + "ж".repeat(67)).segments()).isEqualTo(2);
    }

    @Test
    void gsmEncodingRoundTripsThroughSeptets() {
        String text = "Hello @ £ $ € [x] {y} ~ | ^ \\ Grüße";
        assertThat(Gsm7.decode(Gsm7.encode(text))).isEqualTo(text);
        assertThat(Gsm7.encode("€")).containsExactly(0x1B, 0x65);
    }
}
