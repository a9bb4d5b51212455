package dev.nps.channels.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.nps.api.NpsException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SmsWebhooksTest {
    private HttpServer server;
    private URI inboundUrl;
    private URI statusUrl;
    private final SmsConversationTest.FakeEngine engine = new SmsConversationTest.FakeEngine();
    private final List<String> statusEvents = new CopyOnWriteArrayList<>();
    private final SmsStatusTracker tracker = new SmsStatusTracker((id, s, e) -> statusEvents.add(id + " " + s + " " + e.orElse("-")));

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        inboundUrl = URI.create(base + "/sms/inbound");
        statusUrl = URI.create(base + "/sms/status");
        SmsWebhooks hooks = SmsWebhooks.create(FakeTwilio.TOKEN, 2048, 1000);
        server.createContext("/sms/inbound", hooks.inbound(inboundUrl, new SmsConversation(engine, SmsTexts.defaults(), Locale.ENGLISH)));
        server.createContext("/sms/status", hooks.statusCallback(statusUrl, tracker));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static Map<String, String> inbound(String sid, String body) {
        return Map.of("MessageSid", sid, "AccountSid", FakeTwilio.SID, "From", Fixtures.PHONE, "To", "+15005550006", "Body", body);
    }

    @Test
    void signatureMatchesTheOfficialSdkTestVector() {
        Map<String, String> params = Map.of("CallSid", "CA1234567890ABCDE", "Caller", "+14158675309", "Digits", "1234",
                "From", "+14158675309", "To", "+18005551212");
        TwilioSignature sig = new TwilioSignature("12345");
        assertThat(sig.sign("https://mycompany.com/myapp.php?foo=1&bar=2", params)).isEqualTo("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
        assertThat(sig.verify("https://mycompany.com/myapp.php?foo=1&bar=2", params, "RSOYDt4T1cUTdK1PDd93/VVr8B8=")).isTrue();
        assertThat(sig.verify("https://mycompany.com/myapp.php?foo=1&bar=3", params, "RSOYDt4T1cUTdK1PDd93/VVr8B8=")).isFalse();
    }

    @Test
    void inboundScoreIsAppliedAndAnsweredWithTheFollowUpAsTwiml() {
        engine.calls.clear();
        HttpResponse<String> r = FakeTwilio.postSigned(inboundUrl, inbound("SM1", "2"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/xml"));
        assertThat(r.body()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Message>What should we fix first?</Message></Response>");
        assertThat(engine.calls).containsExactly("score 2");
    }

    @Test
    void duplicatedInboundMessageIsAcknowledgedButAppliedOnce() {
        assertThat(FakeTwilio.postSigned(inboundUrl, inbound("SM7", "9")).body()).contains("<Message>");
        HttpResponse<String> again = FakeTwilio.postSigned(inboundUrl, inbound("SM7", "9"));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).doesNotContain("<Message>");
        assertThat(engine.calls).containsExactly("score 9");
    }

    @Test
    void repliesAreXmlEscaped() {
        SmsWebhooks.Reply r = SmsWebhooks.twiml(List.of("a < b & \"c\""));
        assertThat(r.body()).contains("<Message>a &lt; b &amp; &quot;c&quot;</Message>");
    }

    @Test
    void wrongSignatureIsRejectedWith403AndNothingApplied() {
        HttpResponse<String> r = FakeTwilio.postSigned(inboundUrl, inbound("SM2", "9"), "AAAAAAAAAAAAAAAAAAAAAAAAAAA=");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(FakeTwilio.postSigned(statusUrl, Map.of("MessageSid", "SM2", "MessageStatus", "delivered"), null).statusCode()).isEqualTo(403);
        assertThat(engine.calls).isEmpty();
        assertThat(statusEvents).isEmpty();
    }

    @Test
    void signatureOverOtherParametersIsRejected() {
        Map<String, String> signedFor = inbound("SM3", "9");
        String sig = new TwilioSignature(FakeTwilio.TOKEN).sign(inboundUrl.toString(), signedFor);
        assertThat(FakeTwilio.postSigned(inboundUrl, inbound("SM3", "0"), sig).statusCode()).isEqualTo(403);
        assertThat(engine.calls).isEmpty();
    }

    @Test
    void signatureCoversTheQueryString() {
        URI withQuery = URI.create(statusUrl + "?tenant=acme");
        Map<String, String> p = Map.of("MessageSid", "SM4", "MessageStatus", "sent");
        assertThat(FakeTwilio.postSigned(withQuery, p).statusCode()).isEqualTo(200);
        assertThat(FakeTwilio.postSigned(withQuery, p, new TwilioSignature(FakeTwilio.TOKEN).sign(statusUrl.toString(), p)).statusCode())
                .isEqualTo(403);
    }

    @Test
    void statusCallbacksOutOfOrderNeverRegressAndDuplicatesAreAppliedOnce() {
        post("SM5", "sent");
        post("SM5", "delivered");
        post("SM5", "delivered");
        post("SM5", "sending");
        post("SM5", "sent");
        assertThat(tracker.status("SM5")).contains(SmsStatus.DELIVERED);
        assertThat(statusEvents).containsExactly("SM5 SENT -", "SM5 DELIVERED -");
    }

    @Test
    void undeliveredCarriesTheErrorCode() {
        assertThat(FakeTwilio.postSigned(statusUrl, Map.of("MessageSid", "SM6", "MessageStatus", "undelivered", "ErrorCode", "30003"))
                .statusCode()).isEqualTo(200);
        assertThat(statusEvents).containsExactly("SM6 UNDELIVERED 30003");
    }

    @Test
    void unknownStatusIsABadRequest() {
        assertThat(FakeTwilio.postSigned(statusUrl, Map.of("MessageSid", "SM8", "MessageStatus", "teleported")).statusCode()).isEqualTo(400);
    }

    @Test
    void oversizedBodyIsRejectedWith413() {
        assertThat(FakeTwilio.postSigned(inboundUrl, inbound("SM9", "x".repeat(5000))).statusCode()).isEqualTo(413);
        assertThat(engine.calls).isEmpty();
    }

    @Test
    void onlyFormPostsAreAccepted() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        assertThat(client.send(HttpRequest.newBuilder(inboundUrl).GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(405);
        assertThat(client.send(HttpRequest.newBuilder(inboundUrl).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(415);
    }

    @Test
    void inboundFromANumberThatIsNotE164IsAcknowledgedAndIgnored() {
        Map<String, String> p = Map.of("MessageSid", "SM10", "From", "ACME", "Body", "9");
        HttpResponse<String> r = FakeTwilio.postSigned(inboundUrl, p);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(engine.calls).isEmpty();
    }

    @Test
    void rejectsARelativePublicUrl() {
        assertThatThrownBy(() -> SmsWebhooks.create("t").inbound(URI.create("/sms"), new SmsConversation(engine, SmsTexts.defaults(), Locale.ENGLISH)))
                .isInstanceOf(NpsException.class).hasMessageContaining("sms.webhook.url");
    }

    private void post(String sid, String status) {
        assertThat(FakeTwilio.postSigned(statusUrl, Map.of("MessageSid", sid, "MessageStatus", status)).statusCode()).isEqualTo(200);
    }
}
