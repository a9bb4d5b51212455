package dev.nps.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nps.api.Category;
import dev.nps.api.ChannelName;
import dev.nps.api.Contact;
import dev.nps.api.Response;
import dev.nps.api.Survey;
import dev.nps.api.analytics.ResponseFilter;
import dev.nps.engine.NpsEngine;
import dev.nps.engine.dispatch.InMemoryDispatchStore;
import dev.nps.engine.links.InAppPrompts;
import dev.nps.engine.links.LinkResponses;
import dev.nps.engine.links.ResponseLinks;
import dev.nps.engine.links.ResponseRecorder;
import dev.nps.engine.rules.Eligibility;
import dev.nps.spi.Invitation;
import dev.nps.testkit.SettableClock;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NpsHttpServerTest {
    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final String XSS = "<script>alert('x')</script>";

    private final SettableClock clock = new SettableClock(Instant.parse("2026-01-06T10:00:00Z"));
    private final InMemoryDispatchStore outbox = new InMemoryDispatchStore();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private NpsEngine engine;
    private ResponseLinks links;
    private NpsHttpServer server;
    private String base;

    @BeforeEach
    void start() {
        engine = NpsEngine.builder().inMemoryStore().clock(clock).discoverProviders(false).build();
        engine.surveys().save(Survey.builder("s").question("How likely are you to recommend Acme? " + XSS)
                .followUp(Category.DETRACTOR, "What should we fix first? " + XSS)
                .channels(java.util.List.of(ChannelName.EMAIL, ChannelName.IN_APP)).build());
        engine.contacts().upsert(Contact.of("c-en").email("ann@example.com").build());
        engine.contacts().upsert(Contact.of("c-de").email("bernd@example.com").locale("de-DE").build());
        engine.contacts().upsert(Contact.of("u-1").consent(ChannelName.IN_APP, true).build());
        links = new ResponseLinks(URI.create("https://acme.example/nps"), outbox, clock, new SecureRandom(), ResponseLinks.DEFAULT_EXPIRY);
        LinkResponses responses = new LinkResponses(links, engine.store(), outbox, ResponseRecorder.of(engine.responses()), clock);
        AtomicInteger ids = new AtomicInteger();
        InAppPrompts prompts = new InAppPrompts(engine.store(), outbox, Eligibility.defaults(outbox, Map.of()), links, clock,
                () -> "app-" + ids.incrementAndGet());
        server = NpsHttpServer.builder().linkResponses(responses).inApp(prompts, SECRET).clock(clock).build()
                .start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        base = "http://127.0.0.1:" + server.port() + "/";
    }

    @AfterEach
    void stop() {
        server.close();
        engine.close();
    }

    private String token(String contact) {
        Invitation inv = Invitation.pending("inv-" + contact, "k-" + contact, "s", contact, ChannelName.EMAIL, "test",
                clock.instant(), clock.instant());
        outbox.insertInvitation(inv, Optional.empty());
        return links.issue(inv);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", "en").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private long responses() {
        return engine.store().countResponses(ResponseFilter.ALL);
    }

    @Test
    void getConfirmsTheScoreAsksTheFollowUpAndRecordsNothing() throws Exception {
        String t = token("c-en");
        HttpResponse<String> r = get("r/" + t + "?score=3");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("You chose 3 out of 10.").contains("What should we fix first?")
                .contains("value=\"3\" checked").contains("<form method=\"post\"");
        assertThat(r.headers().firstValue("Content-Security-Policy")).get().asString().contains("default-src 'none'");
        assertThat(r.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(responses()).isZero();
    }

    @Test
    void postRecordsOnceAndASecondPostEditsAndAReplayIsIdempotent() throws Exception {
        String t = token("c-en");
        HttpResponse<String> first = post("r/" + t, "score=4&comment=" + enc("Too slow"));
        HttpResponse<String> replay = post("r/" + t, "score=4&comment=" + enc("Too slow"));
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("Thank you for your feedback!");
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(responses()).isEqualTo(1);

        HttpResponse<String> edit = post("r/" + t, "score=9&comment=");
        assertThat(edit.body()).contains("Your answer has been updated.");
        Response stored = engine.store().findResponseByInvitation("inv-c-en").orElseThrow();
        assertThat(stored.score().value()).isEqualTo(9);
        assertThat(stored.comment()).isEmpty();
        assertThat(stored.channel()).isEqualTo(ChannelName.EMAIL);
        assertThat(responses()).isEqualTo(1);
        assertThat(get("r/" + t + "?score=9").body()).contains("You have already answered.");
    }

    @Test
    void aTamperedTokenGets404AndNothingIsStored() throws Exception {
        String t = token("c-en");
        String tampered = t.substring(0, 21) + (t.charAt(21) == 'A' ? 'B' : 'A');
        HttpResponse<String> get = get("r/" + tampered + "?score=9");
        HttpResponse<String> post = post("r/" + tampered, "score=9");
        HttpResponse<String> garbage = post("r/%3Cscript%3E", "score=9");

        assertThat(get.statusCode()).isEqualTo(404);
        assertThat(get.body()).contains("This link is not valid.");
        assertThat(post.statusCode()).isEqualTo(404);
        assertThat(garbage.statusCode()).isEqualTo(404);
        assertThat(garbage.body()).doesNotContain("<script>");
        assertThat(responses()).isZero();
    }

    @Test
    void anExpiredTokenGets410AndNothingIsStored() throws Exception {
        String t = token("c-en");
        clock.advance(Duration.ofDays(30).plusSeconds(1));
        HttpResponse<String> get = get("r/" + t + "?score=9");
        HttpResponse<String> post = post("r/" + t, "score=9");
        assertThat(get.statusCode()).isEqualTo(410);
        assertThat(get.body()).contains("This link has expired.");
        assertThat(post.statusCode()).isEqualTo(410);
        assertThat(post("u/" + t, "List-Unsubscribe=One-Click").statusCode()).isEqualTo(410);
        assertThat(responses()).isZero();
        assertThat(outbox.findUnsubscribes("c-en")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "11", "7.5", "ten", "", "%20", "1e1", "０"})
    void invalidScoresGet400WithAClearPage(String score) throws Exception {
        String t = token("c-en");
        HttpResponse<String> post = post("r/" + t, "score=" + score);
        HttpResponse<String> get = get("r/" + t + "?score=" + score);
        assertThat(post.statusCode()).isEqualTo(400);
        assertThat(post.body()).contains("Please choose a score: a whole number from 0 to 10.");
        assertThat(get.statusCode()).isEqualTo(400);
        assertThat(responses()).isZero();
    }

    @Test
    void aMissingScoreGets400() throws Exception {
        assertThat(post("r/" + token("c-en"), "comment=hi").statusCode()).isEqualTo(400);
    }

    @Test
    void everythingShownIsEscaped() throws Exception {
        String t = token("c-en");
        post("r/" + t, "score=2&comment=" + enc(XSS));
        HttpResponse<String> page = get("r/" + t + "?score=2");
        assertThat(page.body()).doesNotContain("<script>").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
        assertThat(engine.store().findResponseByInvitation("inv-c-en").get().comment()).contains(XSS);
    }

    @Test
    void pagesAreInTheContactsLanguage() throws Exception {
        String t = token("c-de");
        HttpResponse<String> page = get("r/" + t + "?score=3");
        assertThat(page.body()).contains("lang=\"de\"").contains("Sie haben 3 von 10 gewählt.").contains("Senden");
        assertThat(post("r/" + t, "score=3").body()).contains("Vielen Dank");
        HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(URI.create(base + "r/AAAAAAAAAAAAAAAAAAAAAA"))
                .header("Accept-Language", "de-CH, en;q=0.5").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.body()).contains("Dieser Link ist ungültig.");
    }

    @Test
    void oneClickUnsubscribeFollowsRfc8058() throws Exception {
        String t = token("c-en");
        HttpResponse<String> page = get("u/" + t);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(outbox.findUnsubscribes("c-en")).as("GET never unsubscribes").isEmpty();

        HttpResponse<String> r = post("u/" + t, "List-Unsubscribe=One-Click");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("You have been unsubscribed.");
        assertThat(outbox.findUnsubscribes("c-en")).singleElement().satisfies(u -> assertThat(u.surveyId()).isEmpty());
    }

    @Test
    void thePlainUnsubscribePageCanUnsubscribeFromThisSurveyOnly() throws Exception {
        String t = token("c-en");
        assertThat(post("u/" + t, "scope=survey").statusCode()).isEqualTo(200);
        assertThat(outbox.findUnsubscribes("c-en")).singleElement().satisfies(u -> assertThat(u.surveyId()).contains("s"));
        assertThat(post("u/AAAAAAAAAAAAAAAAAAAAAA", "List-Unsubscribe=One-Click").statusCode()).isEqualTo(404);
    }

    @Test
    void oversizedBodiesGet413() throws Exception {
        HttpResponse<String> r = post("r/" + token("c-en"), "score=9&comment=" + "x".repeat(NpsHttpServer.DEFAULT_MAX_BODY_BYTES));
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(responses()).isZero();
    }

    @Test
    void aCommentOverTheEnginesLimitGets400() throws Exception {
        HttpResponse<String> r = post("r/" + token("c-en"), "score=9&comment=" + "x".repeat(NpsEngine.DEFAULT_MAX_COMMENT_LENGTH + 1));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("too long");
        assertThat(responses()).isZero();
    }

    @Test
    void otherMethodsAndPathsAreRefused() throws Exception {
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(base + "r/" + token("c-en")))
                .PUT(HttpRequest.BodyPublishers.ofString("score=1")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).isEqualTo(405);
        assertThat(put.headers().firstValue("Allow")).contains("GET, POST");
        assertThat(get("admin").statusCode()).isEqualTo(404);
        assertThat(get("r/a/b").statusCode()).isEqualTo(404);
    }

    // --- in-app ---

    private String auth(String contact, long ts) {
        return "contact=" + enc(contact) + "&ts=" + ts + "&sig=" + NpsHttpServer.sign(SECRET, contact, ts);
    }

    @Test
    void inAppPromptAndAnswerWithAValidSignature() throws Exception {
        long now = clock.instant().getEpochSecond();
        HttpResponse<String> prompt = get("api/prompt?" + auth("u-1", now));
        assertThat(prompt.statusCode()).isEqualTo(200);
        assertThat(prompt.headers().firstValue("Content-Type")).get().asString().startsWith("application/json");
        assertThat(prompt.body()).contains("\"show\":true").contains("\"survey\":\"s\"")
                .doesNotContain("<script>").contains("\\u003cscript\\u003e");
        String token = prompt.body().replaceAll(".*\"token\":\"([A-Za-z0-9_-]{22})\".*", "$1");

        HttpResponse<String> answer = post("api/answer", auth("u-1", now) + "&token=" + token + "&score=10&comment=" + enc("great"));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"recorded\":true,\"edited\":false}");
        Response stored = engine.store().findResponseByInvitation("app-1").orElseThrow();
        assertThat(stored.channel()).isEqualTo(ChannelName.IN_APP);
        assertThat(stored.score().value()).isEqualTo(10);

        assertThat(get("api/prompt?" + auth("u-1", now)).body()).as("answered: not shown again").isEqualTo("{\"show\":false}");
        assertThat(get("api/prompt?" + auth("c-en", now)).body()).as("no in-app consent").isEqualTo("{\"show\":false}");
    }

    @Test
    void inAppRejectsStaleTimestampsBadSignaturesAndOtherContactsTokens() throws Exception {
        long now = clock.instant().getEpochSecond();
        assertThat(get("api/prompt?" + auth("u-1", now - 301)).statusCode()).isEqualTo(401);
        assertThat(get("api/prompt?" + auth("u-1", now + 301)).statusCode()).isEqualTo(401);
        String forged = "contact=u-1&ts=" + now + "&sig=" + NpsHttpServer.sign("another-secret-another-secret-xx".getBytes(StandardCharsets.UTF_8), "u-1", now);
        assertThat(get("api/prompt?" + forged).statusCode()).isEqualTo(401);
        String otherContact = "contact=u-1&ts=" + now + "&sig=" + NpsHttpServer.sign(SECRET, "c-en", now);
        assertThat(get("api/prompt?" + otherContact).statusCode()).isEqualTo(401);
        assertThat(get("api/prompt?contact=u-1&ts=" + now + "&sig=zz").statusCode()).isEqualTo(401);

        String emailToken = token("c-en");
        HttpResponse<String> r = post("api/answer", auth("u-1", now) + "&token=" + emailToken + "&score=5");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(post("api/answer", auth("c-en", now) + "&token=" + emailToken + "&score=ten").statusCode()).isEqualTo(400);
        assertThat(responses()).isZero();
    }

    @Test
    void servesTheWidgetScript() throws Exception {
        HttpResponse<String> r = get("widget.js");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).get().asString().startsWith("text/javascript");
        assertThat(r.body()).contains("api/prompt").contains("textContent").doesNotContain("innerHTML");
    }

    @Test
    void canBeMountedOnTheHostsOwnServer() throws Exception {
        com.sun.net.httpserver.HttpServer host = com.sun.net.httpserver.HttpServer.create(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        host.createContext("/feedback/", server.handler());
        host.start();
        try {
            String t = token("c-en");
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + host.getAddress().getPort()
                    + "/feedback/r/" + t + "?score=10")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("You chose 10 out of 10.");
        } finally {
            host.stop(0);
        }
    }

    @Test
    void localeIsNotTakenFromTheSurveyWhenTheContactHasOne() {
        assertThat(Messages.of(Locale.GERMAN).get("send")).isEqualTo("Senden");
        assertThat(Messages.of(Locale.FRENCH).get("send")).isEqualTo("Send");
    }
}
