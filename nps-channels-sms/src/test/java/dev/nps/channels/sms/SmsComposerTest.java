package dev.nps.channels.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nps.api.ErrorCode;
import dev.nps.api.NpsException;
import dev.nps.api.Survey;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SmsComposerTest {

    @Test
    void asksForAReplyZeroToTenInEnglish() {
        SmsComposer.Composed c = SmsComposer.defaults().compose(Fixtures.delivery(Locale.ENGLISH));
        assertThat(c.text()).startsWith(Survey.DEFAULT_QUESTION).contains("0 (not likely) to 10").contains("STOP");
        assertThat(c.link()).isEmpty();
        assertThat(c.segments().encoding()).isEqualTo(SmsEncoding.GSM7);
    }

    @Test
    void writesGermanForAGermanDelivery() {
        Survey survey = Survey.builder("s").question("Wie wahrscheinlich empfehlen Sie uns weiter?").language(Locale.GERMAN).build();
        SmsComposer.Composed c = SmsComposer.defaults().compose(Fixtures.delivery("i", survey, Fixtures.contact(), Locale.GERMAN, List.of()));
        assertThat(c.text()).contains("Antworten Sie mit einer Zahl von 0").contains("STOP zum Abbestellen");
        assertThat(c.segments().encoding()).isEqualTo(SmsEncoding.GSM7);
    }

    @Test
    void carriesOneLandingLinkDerivedFromTheScoreLinks() {
        List<URI> links = Fixtures.scoreLinks("https://acme.example/nps/r/tok123?s={s}");
        SmsComposer.Composed c = SmsComposer.defaults().compose(Fixtures.delivery("i", Fixtures.survey(), Fixtures.contact(), Locale.ENGLISH, links));
        assertThat(c.link()).contains(URI.create("https://acme.example/nps/r/tok123"));
        assertThat(c.text()).contains("https://acme.example/nps/r/tok123 ").doesNotContain("0-10");
    }

    @Test
    void derivesLandingLinksFromPathsAndFromParametersAmongOthers() {
        assertThat(SmsComposer.landingLink(Fixtures.scoreLinks("https://x.example/r/t9/{s}")))
                .contains(URI.create("https://x.example/r/t9"));
        assertThat(SmsComposer.landingLink(Fixtures.scoreLinks("https://x.example/r?t=abc&score={s}&lang=de")))
                .contains(URI.create("https://x.example/r?t=abc&lang=de"));
        assertThat(SmsComposer.landingLink(Fixtures.scoreLinks("https://x.example/r/{s}x"))).isEmpty();
        assertThat(SmsComposer.landingLink(List.of())).isEmpty();
    }

    @Test
    void autoModeFallsBackToAReplyWhenNoLandingLinkCanBeDerived() {
        List<URI> links = new java.util.ArrayList<>();
        for (int i = 0; i <= 10; i++) {
            links.add(URI.create("https://x.example/t/" + Integer.toHexString(1000 + i * 7919)));
        }
        SmsComposer.Composed c = SmsComposer.defaults().compose(Fixtures.delivery("i", Fixtures.survey(), Fixtures.contact(), Locale.ENGLISH, links));
        assertThat(c.link()).isEmpty();
        assertThat(c.text()).contains("0 (not likely)");
    }

    @Test
    void linkModeWithoutLinksIsAConfigurationError() {
        SmsComposer composer = new SmsComposer(SmsTexts.defaults(), SmsComposer.Mode.LINK, 3, SmsComposer.Overflow.SHORTEN);
        assertThatThrownBy(() -> composer.compose(Fixtures.delivery(Locale.ENGLISH)))
                .isInstanceOf(NpsException.class).hasMessageContaining("sms.mode");
    }

    private static final String LONG_QUESTION = "How likely is it that you would recommend Acme Outdoor Supplies to a friend or colleague?";

    private static dev.nps.spi.Delivery longQuestion() {
        return Fixtures.delivery("i", Survey.builder("s").question(LONG_QUESTION).build(), Fixtures.contact(), Locale.ENGLISH, List.of());
    }

    @Test
    void shortensTheTemplateWhenTheFullTextExceedsTheMaximum() {
        SmsComposer composer = new SmsComposer(SmsTexts.defaults(), SmsComposer.Mode.REPLY, 1, SmsComposer.Overflow.SHORTEN);
        SmsComposer.Composed c = composer.compose(longQuestion());
        assertThat(SmsComposer.defaults().compose(longQuestion()).segments().segments()).isEqualTo(2);
        assertThat(c.shortened()).isTrue();
        assertThat(c.segments().segments()).isEqualTo(1);
        assertThat(c.text()).isEqualTo(LONG_QUESTION + " Reply 0-10. STOP to opt out.");
    }

    @Test
    void replacesALongQuestionByTheShortQuestionWhenNeeded() {
        Survey survey = Survey.builder("s").question("How likely " + "really ".repeat(60) + "are you to recommend us?").build();
        SmsComposer.Composed c = SmsComposer.defaults().compose(Fixtures.delivery("i", survey, Fixtures.contact(), Locale.ENGLISH, List.of()));
        assertThat(c.shortened()).isTrue();
        assertThat(c.text()).isEqualTo("How likely are you to recommend us, 0-10? Reply 0-10. STOP to opt out.");
    }

    @Test
    void warnsAndSendsTheFullTextWhenOverflowIsWarn() {
        SmsComposer composer = new SmsComposer(SmsTexts.defaults(), SmsComposer.Mode.REPLY, 1, SmsComposer.Overflow.WARN);
        SmsComposer.Composed c = composer.compose(longQuestion());
        assertThat(c.shortened()).isFalse();
        assertThat(c.segments().segments()).isEqualTo(2);
    }

    @Test
    void failsWhenEvenTheShortestTextExceedsTheMaximum() {
        SmsTexts texts = SmsTexts.defaults().with(SmsTexts.QUESTION_SHORT, "Would you recommend us? 🙂 ".repeat(4));
        Survey survey = Survey.builder("s").question("Q ".repeat(100).strip() + "?").build();
        SmsComposer composer = new SmsComposer(texts, SmsComposer.Mode.REPLY, 1, SmsComposer.Overflow.SHORTEN);
        assertThatThrownBy(() -> composer.compose(Fixtures.delivery("i", survey, Fixtures.contact(), Locale.ENGLISH, List.of())))
                .isInstanceOfSatisfying(NpsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION))
                .hasMessageContaining("sms.max-segments");
    }

    @Test
    void anEmojiInTheQuestionMakesTheInvitationUcs2() {
        Survey survey = Survey.builder("s").question("Would you recommend us? 🙂").build();
        SmsComposer.Composed c = SmsComposer.defaults().compose(Fixtures.delivery("i", survey, Fixtures.contact(), Locale.ENGLISH, List.of()));
        assertThat(c.segments().encoding()).isEqualTo(SmsEncoding.UCS2);
    }

    @Test
    void overridesApplyPerLanguageOrForAll() {
        SmsTexts texts = SmsTexts.defaults().with(SmsTexts.HELP, "Call 0800 123").with("de." + SmsTexts.HELP, "Rufen Sie 0800 123 an");
        assertThat(texts.get(SmsTexts.HELP, Locale.ENGLISH)).isEqualTo("Call 0800 123");
        assertThat(texts.get(SmsTexts.HELP, Locale.GERMANY)).isEqualTo("Rufen Sie 0800 123 an");
        assertThat(texts.get(SmsTexts.THANKS, Locale.forLanguageTag("fr"))).isEqualTo("Thank you for your feedback!");
        assertThatThrownBy(() -> texts.with("nope", "x")).isInstanceOf(NpsException.class).hasMessageContaining("unknown text key");
        assertThat(Optional.of(texts)).isPresent();
    }
}
