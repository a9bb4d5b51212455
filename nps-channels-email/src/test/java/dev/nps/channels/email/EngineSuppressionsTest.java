package dev.nps.channels.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.nps.api.ChannelName;
import dev.nps.api.Contact;
import dev.nps.engine.NpsEngine;
import dev.nps.engine.dispatch.InvitationResult;
import dev.nps.spi.InvitationStatus;
import dev.nps.spi.SkipReason;
import dev.nps.testkit.SettableClock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The email channel and the engine together: a mailbox the SMTP server refuses is suppressed by the dispatcher, and
 * a provider's bounce or complaint webhook suppresses through the adapter shown in the module's README.
 */
class EngineSuppressionsTest {
    private final SettableClock clock = new SettableClock(Instant.parse("2026-01-06T10:00:00Z"));
    private ScriptedSmtpServer smtp;
    private NpsEngine nps;
    private HttpServer webhooks;

    @BeforeEach
    void start() throws IOException {
        smtp = new ScriptedSmtpServer();
        smtp.rcptReplies.put("bob@example.com", "550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown");
        // The channel's own listener stays none(): the dispatcher suppresses on Permanent(suppressRecipient=true).
        nps = NpsEngine.builder().inMemoryStore().clock(clock).discoverProviders(false)
                .config(Map.of("nps.dispatch.fatigue-scope", "per-survey"))
                .responseLinks(URI.create("https://acme.example/nps"))
                .channel(EmailChannel.builder(Fixtures.settings(smtp.port()).build()).clock(clock).build()).build();
        nps.surveys().define("post-purchase").sendVia(ChannelName.EMAIL).save();
        nps.surveys().define("support").sendVia(ChannelName.EMAIL).save();
        nps.contacts().upsert(Contact.of("c-ann").email("ann@example.com"));
        nps.contacts().upsert(Contact.of("c-bob").email("bob@example.com"));

        // --- README adapter starts ---
        EmailSuppressions toEngine = (email, reason) ->
                nps.dispatch().rules().suppress(email, "email: " + reason.name().toLowerCase(Locale.ROOT));
        // --- README adapter ends ---
        webhooks = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        webhooks.createContext("/webhooks/email", new BounceWebhookExampleTest.BounceWebhook(toEngine, "t0ken"));
        webhooks.start();
    }

    @AfterEach
    void stop() {
        webhooks.stop(0);
        nps.close();
        smtp.close();
    }

    @Test
    void aMailboxTheServerRefusesIsSuppressedByTheDispatcherAndNotInvitedAgain() {
        String inv = nps.invite("post-purchase", "c-bob").invitation().id();
        nps.dispatch().runOnce();

        assertThat(nps.dispatch().outbox().findInvitation(inv).orElseThrow().status()).isEqualTo(InvitationStatus.FAILED);
        assertThat(nps.dispatch().rules().suppression("bob@example.com")).get()
                .satisfies(s -> assertThat(s.reason()).startsWith("email: ").doesNotContain("bob"));
        InvitationResult next = nps.invite("support", "c-bob");
        assertThat(next.skip()).get().extracting(s -> s.reason()).isEqualTo(SkipReason.SUPPRESSED);
    }

    @Test
    void aComplaintFromTheProvidersWebhookSuppressesTheAddressInTheEngine() throws Exception {
        nps.invite("post-purchase", "c-ann");
        nps.dispatch().runOnce();
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + webhooks.getAddress().getPort() + "/webhooks/email"))
                .header("X-Webhook-Token", "t0ken")
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"complaint\",\"email\":\"ann@example.com\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(204);

        assertThat(nps.dispatch().rules().suppression("ann@example.com")).get()
                .extracting(s -> s.reason()).isEqualTo("email: complaint");
        assertThat(nps.invite("support", "c-ann").skip()).get().extracting(s -> s.reason()).isEqualTo(SkipReason.SUPPRESSED);
    }
}
