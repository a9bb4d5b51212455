package dev.nps.channels.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nps.api.ErrorCode;
import dev.nps.api.NpsException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmailTemplatesTest {
    private static final String TEXT = "{{question}}\n{{#scores}}{{score}} {{url}}\n{{/scores}}{{postalAddress}}\n{{unsubscribeUrl}}\n";
    private static final String HTML = "<p>{{question}}</p>{{#scores}}<a href=\"{{url}}\">{{score}}</a>{{/scores}}"
            + "<p>{{postalAddress}} <a href=\"{{unsubscribeUrl}}\">{{t.unsubscribe}}</a></p>";

    private static Map<String, Object> context(String brand, String question) {
        return MessageRenderer.context(Brand.of(brand), question, Fixtures.links("i-1"), "1 Main St",
                URI.create("https://acme.example/u/i-1"));
    }

    @Test
    void usesUserTemplatesWithTheBuiltInLabels() {
        EmailTemplates t = EmailTemplates.of("{{brand.name}} asks", TEXT, HTML);

        RenderedEmail r = t.render(Locale.GERMAN, context("Acme", "Q?"));

        assertThat(r.subject()).isEqualTo("Acme asks");
        assertThat(r.html()).contains("Keine Umfragen mehr erhalten").contains("<a href=\"https://acme.example/nps/r/i-1/s10x\">10</a>");
    }

    @Test
    void escapesUserValuesInHtmlButNotInText() {
        EmailTemplates t = EmailTemplates.of("{{brand.name}}", TEXT, HTML);

        RenderedEmail r = t.render(Locale.ENGLISH, context("A&B \"Co\"", "<script>alert('x')</script>?"));

        assertThat(r.html()).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;?").doesNotContain("<script>");
        assertThat(r.text()).contains("<script>alert('x')</script>?");
        assertThat(r.subject()).isEqualTo("A&B \"Co\"");
    }

    @Test
    void foldsTheSubjectToOneLine() {
        EmailTemplates t = EmailTemplates.of("{{brand.name}}\n  asks\r\nyou", TEXT, HTML);

        assertThat(t.render(Locale.ENGLISH, context("Acme", "Q?")).subject()).isEqualTo("Acme asks you");
    }

    @Test
    void rejectsATemplateThatDropsTheScoreLinksOrTheFooter() {
        assertThatThrownBy(() -> EmailTemplates.of("s", "{{question}}", HTML))
                .isInstanceOfSatisfying(NpsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION))
                .hasMessageContaining("text: does not show the link for score 0")
                .hasMessageContaining("text: does not show {{postalAddress}}")
                .hasMessageContaining("text: does not show {{unsubscribeUrl}}");
    }

    @Test
    void rejectsMustacheThatDoesNotCompile() {
        assertThatThrownBy(() -> EmailTemplates.of("s", TEXT, "{{#scores}}<a>"))
                .isInstanceOf(NpsException.class).hasMessageContaining("html: not valid mustache");
    }

    @Test
    void readsTemplatesPerLanguageFromADirectory(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("subject.mustache"), "Feedback for {{brand.name}}");
        Files.writeString(dir.resolve("text.mustache"), TEXT);
        Files.writeString(dir.resolve("html.mustache"), HTML);
        Files.writeString(dir.resolve("subject_fr.mustache"), "Votre avis sur {{brand.name}}");
        Files.writeString(dir.resolve("text_fr.mustache"), TEXT);
        Files.writeString(dir.resolve("html_fr.mustache"), HTML);

        EmailTemplates t = EmailTemplates.fromDirectory(dir);

        assertThat(t.render(Locale.FRANCE, context("Acme", "Q?")).subject()).isEqualTo("Votre avis sur Acme");
        assertThat(t.render(Locale.ENGLISH, context("Acme", "Q?")).subject()).isEqualTo("Feedback for Acme");
        assertThat(t.supports(Locale.FRENCH)).isTrue();
    }

    @Test
    void builtInTemplatesSpeakEnglishAndGermanAndFallBackToEnglish() {
        EmailTemplates t = EmailTemplates.builtIn();

        assertThat(t.render(Locale.GERMANY, context("Acme", "Q?")).text()).contains("Äußerst wahrscheinlich");
        assertThat(t.render(Locale.JAPANESE, context("Acme", "Q?")).text()).contains("Extremely likely");
        assertThat(t.render(Locale.JAPANESE, context("Acme", "Q?")).html()).contains("<html lang=\"en\"");
    }

    @Test
    void showsAnHttpsLogoEscapedAndMarksRemindersInTheSubject() {
        Map<String, Object> context = MessageRenderer.context(
                Brand.of("Acme").withLogo(URI.create("https://acme.example/logo.png?v=1&size=2")), "Q?",
                Fixtures.links("i-1"), "1 Main St", URI.create("https://acme.example/u/i-1"));
        context.put("reminder", true);

        RenderedEmail r = EmailTemplates.builtIn().render(Locale.GERMAN, context);

        assertThat(r.html()).contains("<img src=\"https://acme.example/logo.png?v=1&amp;size=2\" alt=\"Acme\"");
        assertThat(r.subject()).startsWith("Erinnerung: Acme:");
        assertThat(EmailTemplates.builtIn().render(Locale.ENGLISH, context("Acme", "Q?")).subject()).startsWith("Acme:");
    }
}
