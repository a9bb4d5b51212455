package dev.nps.channels.sms;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.nps.api.Contact;
import dev.nps.spi.SendOutcome;
import dev.nps.testkit.SettableClock;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RestTransportTest {
    private FakeTwilio twilio;
    private SmsChannel channel;
    private final SettableClock clock = SettableClock.startingMonday();

    @BeforeEach
    void start() throws IOException {
        twilio = new FakeTwilio();
    }

    @AfterEach
    void stop() {
        if (channel != null) {
            channel.close();
        }
        twilio.close();
    }

    private SmsChannel channel(RestConfig config) {
        channel = SmsChannel.builder().rest(config).clock(clock).build();
        return channel;
    }

    private SendOutcome send() {
        return channel.send(Fixtures.delivery(Locale.ENGLISH));
    }

    @Test
    void postsTheDocumentedFormWithBasicAuthAndReturnsTheSid() {
        channel(twilio.config().withStatusCallback(URI.create("https://acme.example/sms/status")));
        SendOutcome o = send();
        assertThat(o).isEqualTo(SendOutcome.accepted("SM00000000000000000000000000000001"));
        Map<String, String> p = twilio.requests.get(0);
        assertThat(p).containsEntry("To", Fixtures.PHONE).containsEntry("From", "+15005550006")
                .containsEntry("StatusCallback", "https://acme.example/sms/status").doesNotContainKey("MessagingServiceSid");
        assertThat(p.get("Body")).contains("0 (not likely) to 10");
    }

    @Test
    void sendsTheMessagingServiceSidInsteadOfFrom() {
        RestConfig c = twilio.config();
        channel(new RestConfig(c.baseUrl(), c.accountSid(), c.authToken(), Optional.empty(), Optional.of("MG123"), Optional.empty(),
                c.connectTimeout(), c.requestTimeout()));
        assertThat(send()).isInstanceOf(SendOutcome.Accepted.class);
        assertThat(twilio.requests.get(0)).containsEntry("MessagingServiceSid", "MG123").doesNotContainKey("From");
    }

    @Test
    void invalidNumberIsPermanentAndSuppressesTheRecipient() {
        twilio.script = p -> FakeTwilio.Answer.error(400, 21211);
        assertThat(channel(twilio.config()).send(Fixtures.delivery(Locale.ENGLISH)))
                .isEqualTo(new SendOutcome.Permanent("HTTP 400 code 21211", true));
    }

    @Test
    void recipientWhoRepliedStopIsPermanentAndSuppressed() {
        twilio.script = p -> FakeTwilio.Answer.error(400, 21610);
        channel(twilio.config());
        assertThat(send()).isEqualTo(new SendOutcome.Permanent("HTTP 400 code 21610", true));
    }

    @Test
    void otherClientErrorsArePermanentWithoutSuppression() {
        twilio.script = p -> FakeTwilio.Answer.error(400, 21602);
        channel(twilio.config());
        assertThat(send()).isEqualTo(new SendOutcome.Permanent("HTTP 400 code 21602", false));
    }

    @Test
    void tooManyRequestsHonoursRetryAfterInSeconds() {
        twilio.script = p -> FakeTwilio.Answer.error(429, 20429).withHeader("Retry-After", "7");
        channel(twilio.config());
        assertThat(send()).isEqualTo(new SendOutcome.Retryable(Optional.of(Duration.ofSeconds(7)), "rate limited (HTTP 429, code 20429)", false));
    }

    @Test
    void tooManyRequestsHonoursRetryAfterAsAnHttpDate() {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(clock.instant().plusSeconds(90).atZone(ZoneOffset.UTC));
        twilio.script = p -> FakeTwilio.Answer.error(429, 20429).withHeader("Retry-After", date);
        channel(twilio.config());
        assertThat(((SendOutcome.Retryable) send()).retryAfter()).contains(Duration.ofSeconds(90));
    }

    @Test
    void errorCode20429IsRetryableWhateverTheStatus() {
        twilio.script = p -> FakeTwilio.Answer.error(400, 20429);
        channel(twilio.config());
        assertThat(send()).isInstanceOfSatisfying(SendOutcome.Retryable.class, r -> {
            assertThat(r.retryAfter()).isEmpty();
            assertThat(r.channelDown()).isFalse();
        });
    }

    @Test
    void aStormOf429WithoutRetryAfterGivesRetryableWithoutAHintAndNeverAccepted() {
        twilio.script = p -> FakeTwilio.Answer.error(429, 20429);
        channel(twilio.config());
        for (int i = 0; i < 50; i++) {
            assertThat(send()).isEqualTo(new SendOutcome.Retryable(Optional.empty(), "rate limited (HTTP 429, code 20429)", false));
        }
        assertThat(twilio.requests).hasSize(50);
    }

    @Test
    void aStormOf429WithRetryAfterCarriesEachHintCappedAtOneHour() {
        String[] hints = {"1", "30", "999999"};
        twilio.script = p -> FakeTwilio.Answer.error(429, 20429).withHeader("Retry-After", hints[twilio.counter.get() % 3]);
        channel(twilio.config());
        List<Optional<Duration>> seen = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 30; i++) {
            seen.add(((SendOutcome.Retryable) send()).retryAfter());
        }
        assertThat(seen).containsOnly(Optional.of(Duration.ofSeconds(30)), Optional.of(Duration.ofHours(1)), Optional.of(Duration.ofSeconds(1)));
    }

    @Test
    void serverErrorAfterTheRequestWasReceivedIsAmbiguous() {
        twilio.script = p -> FakeTwilio.Answer.error(500, 20500);
        channel(twilio.config());
        assertThat(send()).isEqualTo(new SendOutcome.Ambiguous("HTTP 500 after the request was received"));
        assertThat(twilio.requests).hasSize(1);
    }

    @Test
    void noAnswerWithinTheRequestTimeoutIsAmbiguous() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        twilio.script = p -> FakeTwilio.Answer.created("SM1").before(() -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        channel(twilio.config().withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(300)));
        SendOutcome o = send();
        release.countDown();
        assertThat(o).isInstanceOf(SendOutcome.Ambiguous.class);
        assertThat(twilio.requests).hasSize(1);
    }

    @Test
    void refusedConnectionIsRetryableAndMarksTheChannelDown() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        channel(twilio.config().withBaseUrl(URI.create("http://127.0.0.1:" + port)));
        assertThat(send()).isInstanceOfSatisfying(SendOutcome.Retryable.class, r -> assertThat(r.channelDown()).isTrue());
    }

    @Test
    void refusedCredentialsAreRetryableAndMarkTheChannelDown() {
        RestConfig c = twilio.config();
        channel(new RestConfig(c.baseUrl(), c.accountSid(), "wrong-token", c.from(), Optional.empty(), Optional.empty(),
                c.connectTimeout(), c.requestTimeout()));
        assertThat(send()).isEqualTo(new SendOutcome.Retryable(Optional.empty(), "credentials refused (HTTP 401)", true));
    }

    @Test
    void contactWithoutPhoneIsPermanentAndNothingIsSent() {
        channel(twilio.config());
        Contact noPhone = Contact.of("c-1").email("a@example.com").build();
        assertThat(channel.canReach(noPhone)).isFalse();
        assertThat(channel.send(Fixtures.delivery("i", Fixtures.survey(), noPhone, Locale.ENGLISH, List.of())))
                .isEqualTo(new SendOutcome.Permanent("contact has no phone number", false));
        assertThat(twilio.requests).isEmpty();
    }

    @Test
    void statusCallbackBeforeTheCreateResponseIsKeptAndNotRegressed() throws IOException {
        HttpServer hooks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        try {
            URI statusUrl = URI.create("http://127.0.0.1:" + hooks.getAddress().getPort() + "/sms/status");
            channel(twilio.config().withStatusCallback(statusUrl));
            List<String> events = new CopyOnWriteArrayList<>();
            channel.connectStatusListener((id, status, error) -> events.add(id + " " + status));
            hooks.createContext("/sms/status", SmsWebhooks.create(FakeTwilio.TOKEN).statusCallback(statusUrl, channel.statusTracker()));
            hooks.start();
            // The provider delivers before its own create call answers: sent, then delivered.
            twilio.script = p -> FakeTwilio.Answer.created("SM42").before(() -> {
                assertThat(FakeTwilio.postSigned(statusUrl, Map.of("MessageSid", "SM42", "MessageStatus", "sent")).statusCode()).isEqualTo(200);
                assertThat(FakeTwilio.postSigned(statusUrl, Map.of("MessageSid", "SM42", "MessageStatus", "delivered")).statusCode()).isEqualTo(200);
            });
            assertThat(send()).isEqualTo(SendOutcome.accepted("SM42"));
            assertThat(channel.statusTracker().status("SM42")).contains(SmsStatus.DELIVERED);
            // A late 'sent' does not regress it.
            assertThat(FakeTwilio.postSigned(statusUrl, Map.of("MessageSid", "SM42", "MessageStatus", "sent")).statusCode()).isEqualTo(200);
            assertThat(channel.statusTracker().status("SM42")).contains(SmsStatus.DELIVERED);
            assertThat(events).containsExactly("SM42 SENT", "SM42 DELIVERED");
        } finally {
            hooks.stop(0);
        }
    }

    @Test
    void retryAfterParsesSecondsAndDatesAndIgnoresNonsense() {
        SettableClock c = new SettableClock(Instant.parse("2026-01-05T09:00:00Z"));
        assertThat(RetryAfter.parse("120", c)).contains(Duration.ofMinutes(2));
        assertThat(RetryAfter.parse("Mon, 05 Jan 2026 09:00:30 GMT", c)).contains(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse("Mon, 05 Jan 2026 08:00:00 GMT", c)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("soon", c)).isEmpty();
        assertThat(RetryAfter.parse("-5", c)).isEmpty();
    }
}
