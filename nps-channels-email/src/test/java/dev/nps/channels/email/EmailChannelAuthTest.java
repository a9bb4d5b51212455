package dev.nps.channels.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.nps.spi.SendOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EmailChannelAuthTest {
    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("surveys@acme.example", "surveys", "right-secret"));

    @Test
    void reportsChannelDownForWrongCredentials() {
        try (EmailChannel c = EmailChannel.smtp(Fixtures.settings(GREEN_MAIL.getSmtp().getPort())
                .credentials("surveys", "wrong-secret").build())) {
            SendOutcome outcome = c.send(Fixtures.delivery("inv-1", "ann@example.com"));

            assertThat(outcome).isInstanceOfSatisfying(SendOutcome.Retryable.class, r -> {
                assertThat(r.channelDown()).isTrue();
                assertThat(r.reason()).contains("authentication").doesNotContain("wrong-secret");
            });
        }
        assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void sendsWithTheRightCredentials() {
        try (EmailChannel c = EmailChannel.smtp(Fixtures.settings(GREEN_MAIL.getSmtp().getPort())
                .credentials("surveys", "right-secret").build())) {
            assertThat(c.send(Fixtures.delivery("inv-1", "ann@example.com"))).isInstanceOf(SendOutcome.Accepted.class);
        }
    }
}
