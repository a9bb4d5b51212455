package dev.nps.channels.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.nps.api.Survey;
import dev.nps.spi.Delivery;
import dev.nps.spi.SendOutcome;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EmailChannelGreenMailTest {
    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private final List<EmailChannel> channels = new ArrayList<>();

    private EmailChannel channel(SmtpSettings.Builder settings) {
        EmailChannel c = EmailChannel.smtp(settings.build());
        channels.add(c);
        return c;
    }

    private EmailChannel channel() {
        return channel(Fixtures.settings(GREEN_MAIL.getSmtp().getPort()).unsubscribeMailto("unsubscribe@acme.example"));
    }

    @AfterEach
    void closeChannels() {
        channels.forEach(EmailChannel::close);
    }

    @Test
    void sendsMultipartAlternativeWithTextFirstThenHtml() throws Exception {
        SendOutcome outcome = channel().send(Fixtures.delivery("inv-1", "ann@example.com"));

        assertThat(outcome).isInstanceOf(SendOutcome.Accepted.class);
        MimeMessage m = GREEN_MAIL.getReceivedMessages()[0];
        assertThat(m.getContentType()).startsWith("multipart/alternative");
        Multipart mp = (Multipart) m.getContent();
        assertThat(mp.getCount()).isEqualTo(2);
        assertThat(mp.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat(mp.getBodyPart(1).getContentType()).startsWith("text/html");
        String text = (String) mp.getBodyPart(0).getContent();
        String html = (String) mp.getBodyPart(1).getContent();
        for (int s = 0; s <= 10; s++) {
            String link = "https://acme.example/nps/r/inv-1/s" + s + "x";
            assertThat(text.split(java.util.regex.Pattern.quote(link), -1)).hasSize(2);
            assertThat(html.split(java.util.regex.Pattern.quote("href=\"" + link + "\""), -1)).hasSize(2);
        }
        assertThat(text).contains("Acme Inc., 1 Main Street, Springfield").contains("https://acme.example/nps/u/inv-1");
        assertThat(html).contains("Acme Inc., 1 Main Street, Springfield").contains("href=\"https://acme.example/nps/u/inv-1\"")
                .contains("<meta name=\"color-scheme\" content=\"light\">").doesNotContain("<script");
    }

    @Test
    void setsOneClickUnsubscribeHeaders() throws Exception {
        channel().send(Fixtures.delivery("inv-2", "ann@example.com"));

        MimeMessage m = GREEN_MAIL.getReceivedMessages()[0];
        assertThat(m.getHeader("List-Unsubscribe", null))
                .isEqualTo("<https://acme.example/nps/u/inv-2>, <mailto:unsubscribe@acme.example?subject=unsubscribe>");
        assertThat(m.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
    }

    @Test
    void keepsTheSameMessageIdAcrossRetries() throws Exception {
        EmailChannel c = channel();
        Delivery first = Fixtures.delivery("inv-3", "ann@example.com");
        Delivery retry = new Delivery(first.invitationId(), 2, 0, first.survey(), first.contact(), first.locale(),
                first.scoreLinks(), first.unsubscribeLink());
        Delivery reminder = new Delivery(first.invitationId(), 1, 1, first.survey(), first.contact(), first.locale(),
                first.scoreLinks(), first.unsubscribeLink());

        SendOutcome.Accepted a = (SendOutcome.Accepted) c.send(first);
        c.send(retry);
        c.send(reminder);

        MimeMessage[] received = GREEN_MAIL.getReceivedMessages();
        assertThat(received[0].getMessageID()).isEqualTo(received[1].getMessageID()).isEqualTo(a.providerMessageId().orElseThrow())
                .matches("<nps\\.[0-9a-f]{32}\\.0@acme\\.example>");
        assertThat(received[2].getMessageID()).isNotEqualTo(received[0].getMessageID());
    }

    @Test
    void writesGermanForAGermanDeliveryAndEnglishForAnUnsupportedLanguage() throws Exception {
        EmailChannel c = channel();
        c.send(Fixtures.delivery("inv-4", "ann@example.com", Locale.GERMANY, Fixtures.SURVEY));
        c.send(Fixtures.delivery("inv-5", "bob@example.com", Locale.forLanguageTag("fi"), Fixtures.SURVEY));

        MimeMessage[] received = GREEN_MAIL.getReceivedMessages();
        assertThat(received[0].getSubject()).isEqualTo("Acme: Wie wahrscheinlich ist es, dass Sie uns weiterempfehlen?");
        assertThat(received[1].getSubject()).isEqualTo("Acme: how likely are you to recommend us?");
        String html = (String) ((Multipart) received[0].getContent()).getBodyPart(1).getContent();
        assertThat(html).contains("lang=\"de\"").contains("Äußerst wahrscheinlich");
    }

    @Test
    void escapesMarkupAndQuotesInBrandNameAndQuestion() throws Exception {
        Survey survey = Survey.builder("xss").question("Would you <script>alert('q')</script> recommend \"us\"?").build();
        EmailChannel c = channel(Fixtures.settings(GREEN_MAIL.getSmtp().getPort()).brandName("Evil \"<script>x</script>' Co"));

        c.send(Fixtures.delivery("inv-6", "ann@example.com", Locale.ENGLISH, survey));

        MimeMessage m = GREEN_MAIL.getReceivedMessages()[0];
        String html = (String) ((Multipart) m.getContent()).getBodyPart(1).getContent();
        assertThat(html).doesNotContain("<script").doesNotContain("Evil \"")
                .contains("Would you &lt;script&gt;alert(&#39;q&#39;)&lt;/script&gt; recommend &quot;us&quot;?")
                .contains("Evil &quot;&lt;script&gt;x&lt;/script&gt;&#39; Co");
        String text = (String) ((Multipart) m.getContent()).getBodyPart(0).getContent();
        assertThat(text).contains("Would you <script>alert('q')</script> recommend \"us\"?");
        assertThat(m.getSubject()).isEqualTo("Evil \"<script>x</script>' Co: how likely are you to recommend us?");
    }

    @Test
    void deliversToANonAsciiAddressWithSmtpUtf8() throws Exception {
        SendOutcome outcome = channel().send(Fixtures.delivery("inv-7", "jörg.müller@exämple.de"));

        assertThat(outcome).isInstanceOf(SendOutcome.Accepted.class);
        MimeMessage m = GREEN_MAIL.getReceivedMessages()[0];
        assertThat(m.getHeader("To", null)).isEqualTo("jörg.müller@xn--exmple-cua.de");
    }

    @Test
    void reusesPooledConnectionsAndRecyclesThemAfterNMessages() {
        EmailChannel pooled = channel(Fixtures.settings(GREEN_MAIL.getSmtp().getPort()).poolSize(1).recycleAfter(4));
        for (int i = 0; i < 10; i++) {
            assertThat(pooled.send(Fixtures.delivery("inv-p" + i, "p" + i + "@example.com"))).isInstanceOf(SendOutcome.Accepted.class);
        }

        assertThat(pooled.connectionsOpened()).isEqualTo(3);
        assertThat(GREEN_MAIL.getReceivedMessages()).hasSize(10);
    }
}
