package dev.nps.channels.sms;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class SmsSegmentsProperties {
    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    @Provide
    Arbitrary<String> gsmBasicText() {
        return Arbitraries.strings().withChars(GSM_BASIC.toCharArray()).ofMinLength(0).ofMaxLength(1200);
    }

    @Provide
    Arbitrary<String> ucs2BmpText() {
        return Arbitraries.strings().withCharRange('\u0400', '\u04FF').ofMinLength(1).ofMaxLength(700);
    }

    @Property
    void gsmTextOfLengthNTakesOneSegmentUpTo160ElseCeilNOver153(@ForAll("gsmBasicText") String text) {
        int n = text.length();
        SmsSegments s = SmsSegments.of(text);
        assertThat(s.encoding()).isEqualTo(SmsEncoding.GSM7);
        assertThat(s.units()).isEqualTo(n);
        assertThat(s.segments()).isEqualTo(n <= 160 ? 1 : (n + 152) / 153);
    }

    @Property
    void ucs2TextOfLengthNTakesOneSegmentUpTo70ElseCeilNOver67(@ForAll("ucs2BmpText") String text) {
        int n = text.length();
        SmsSegments s = SmsSegments.of(text);
        assertThat(s.encoding()).isEqualTo(SmsEncoding.UCS2);
        assertThat(s.segments()).isEqualTo(n <= 70 ? 1 : (n + 66) / 67);
    }

    @Property
    void oneEmojiAnywhereSwitchesToUcs2(@ForAll("gsmBasicText") String text, @ForAll @IntRange(min = 0, max = 1200) int at) {
        int pos = Math.min(at, text.length());
        String withEmoji = text.substring(0, pos) + "😀" + text.substring(pos);
        SmsSegments s = SmsSegments.of(withEmoji);
        assertThat(s.encoding()).isEqualTo(SmsEncoding.UCS2);
        assertThat(s.units()).isEqualTo(text.length() + 2);
        assertThat(s.segments()).isGreaterThanOrEqualTo(SmsSegments.of(text).segments());
    }

    @Property
    void extensionCharactersNeverMakeFewerSegmentsThanTheirSeptetsAllow(@ForAll("gsmBasicText") String text,
                                                                        @ForAll @IntRange(min = 0, max = 20) int euros) {
        String t = text + "€".repeat(euros);
        SmsSegments s = SmsSegments.of(t);
        int septets = text.length() + 2 * euros;
        assertThat(s.units()).isEqualTo(septets);
        int lower = septets <= 160 ? 1 : (septets + 152) / 153;
        assertThat(s.segments()).isBetween(lower, lower + 1);
    }
}
