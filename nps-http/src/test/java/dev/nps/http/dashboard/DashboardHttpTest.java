package dev.nps.http.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nps.api.ChannelName;
import dev.nps.api.NpsException;
import dev.nps.api.Response;
import dev.nps.api.analytics.NpsResult;
import dev.nps.engine.NpsEngine;
import dev.nps.engine.json.NpsJson;
import dev.nps.engine.reports.NpsReport;
import dev.nps.testkit.SettableClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DashboardHttpTest {
    private final SettableClock clock = new SettableClock(DashboardFixture.NOW);
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private NpsEngine engine;
    private Dashboard dashboard;

    @BeforeEach
    void start() {
        engine = DashboardFixture.engine(clock);
        dashboard = Dashboard.builder(engine).segments("plan").token(DashboardFixture.TOKEN)
                .basic("viewer", "correct horse battery")
                .cases((survey, limit) -> List.of(new CaseSource.CaseRow("case-1", "r0", "open", Optional.empty(),
                        DashboardFixture.NOW, "Call back " + DashboardFixture.HOSTILE)))
                .start();
    }

    @AfterEach
    void stop() {
        dashboard.close();
        engine.close();
    }

    private HttpResponse<String> get(String pathAndQuery, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(dashboard.uri().resolve(pathAndQuery)).GET();
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode json(String pathAndQuery) throws Exception {
        HttpResponse<String> r = get(pathAndQuery, "Bearer " + DashboardFixture.TOKEN);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        return NpsJson.mapper().readTree(r.body());
    }

    @Test
    void refusesEveryPathWithoutACredential() throws Exception {
        for (String path : List.of("/", "/api/summary", "/api/responses", "/api/meta", "/api/cases")) {
            HttpResponse<String> r = get(path, null);
            assertThat(r.statusCode()).as(path).isEqualTo(401);
            assertThat(r.body()).doesNotContain("post-purchase");
        }
        assertThat(get("/api/meta", "Bearer wrong-token-0123456789").statusCode()).isEqualTo(401);
        assertThat(get("/api/meta", "Basic " + b64("viewer:wrong password!")).statusCode()).isEqualTo(401);
        assertThat(get("/?token=wrong-token-0123456789", null).statusCode()).isEqualTo(401);
    }

    @Test
    void acceptsBearerBasicAndATokenLinkThatBecomesASessionCookie() throws Exception {
        assertThat(get("/api/meta", "Bearer " + DashboardFixture.TOKEN).statusCode()).isEqualTo(200);
        assertThat(get("/api/meta", "Basic " + b64("viewer:correct horse battery")).statusCode()).isEqualTo(200);

        HttpResponse<String> login = get("/?token=" + DashboardFixture.TOKEN, null);
        assertThat(login.statusCode()).isEqualTo(303);
        assertThat(login.headers().firstValue("Location")).contains("/");
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict");
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(dashboard.uri())
                .header("Cookie", cookie.substring(0, cookie.indexOf(';'))).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("NPS dashboard");
    }

    @Test
    void isReadOnly() throws Exception {
        for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(dashboard.uri().resolve("/api/summary"))
                    .header("Authorization", "Bearer " + DashboardFixture.TOKEN)
                    .method(method, HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(method).isEqualTo(405);
            assertThat(r.headers().firstValue("Allow")).contains("GET");
        }
    }

    @Test
    void pageHasAStrictNonceCspAndNoExternalAsset() throws Exception {
        HttpResponse<String> r = get("/", "Bearer " + DashboardFixture.TOKEN);
        String csp = r.headers().firstValue("Content-Security-Policy").orElseThrow();
        Matcher m = Pattern.compile("'nonce-([A-Za-z0-9+/=]+)'").matcher(csp);
        assertThat(m.find()).isTrue();
        assertThat(csp).contains("default-src 'none'").contains("connect-src 'self'").doesNotContain("unsafe");
        assertThat(r.body()).contains("<script nonce=\"" + m.group(1) + "\">").doesNotContain("src=\"http")
                .doesNotContain("href=\"http").doesNotContain("innerHTML");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(r.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(r.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        String otherNonce = get("/", "Bearer " + DashboardFixture.TOKEN).headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(otherNonce).isNotEqualTo(csp);
    }

    @Test
    void summaryEqualsTheEngineForEachFilter() throws Exception {
        JsonNode all = json("/api/summary?period=all");
        NpsResult expected = engine.analytics().nps().run();
        assertThat(all.at("/overall/responses").asLong()).isEqualTo(200);
        assertThat(all.at("/overall/nps").asDouble()).isCloseTo(expected.overall().nps(), within(1e-9));

        JsonNode sms = json("/api/summary?period=30d&channel=sms&survey=post-purchase");
        NpsResult smsExpected = engine.analytics().nps().survey("post-purchase").channel(ChannelName.SMS)
                .last(Duration.ofDays(30)).run();
        assertThat(sms.at("/overall/responses").asLong()).isEqualTo(smsExpected.overall().responses());
        assertThat(sms.at("/overall/nps").asDouble()).isCloseTo(smsExpected.overall().nps(), within(1e-9));

        JsonNode pro = json("/api/summary?period=7d&segmentKey=plan&segment=pro");
        NpsResult proExpected = engine.analytics().nps().where("plan", "pro").last(Duration.ofDays(7)).run();
        assertThat(pro.at("/overall/responses").asLong()).isEqualTo(proExpected.overall().responses()).isPositive();
        assertThat(pro.at("/overall/low").asDouble()).isCloseTo(proExpected.overall().interval().low(), within(1e-9));
        long sum = 0;
        for (JsonNode n : pro.get("distribution")) {
            sum += n.asLong();
        }
        assertThat(sum).isEqualTo(proExpected.overall().responses());
        assertThat(all.get("segments")).hasSize(2);
        assertThat(all.get("trend").size()).isGreaterThan(1);
    }

    @Test
    void newResponsesShowUpOnTheNextPoll() throws Exception {
        long before = json("/api/summary?period=7d").at("/overall/responses").asLong();
        engine.responses().record(Response.builder("post-purchase", 10).id("new-1").attribute("plan", "pro")
                .answeredAt(clock.instant()).build(clock.instant()));
        assertThat(json("/api/summary?period=7d").at("/overall/responses").asLong()).isEqualTo(before + 1);
    }

    @Test
    void drillsDownToResponsesNewestFirstWithComments() throws Exception {
        JsonNode page = json("/api/responses?period=all&segmentKey=plan&segment=pro&size=5");
        assertThat(page.get("items")).hasSize(5);
        assertThat(page.get("total").asLong()).isEqualTo(100);
        Instant previous = Instant.MAX;
        for (JsonNode item : page.get("items")) {
            Instant t = Instant.parse(item.get("answeredAt").asText());
            assertThat(t).isBeforeOrEqualTo(previous);
            previous = t;
            assertThat(item.get("segment").asText()).isEqualTo("pro");
        }
        assertThat(page.get("items").get(0).get("comment").asText()).isEqualTo(DashboardFixture.HOSTILE);

        JsonNode sevens = json("/api/responses?period=all&score=7&size=100");
        long expectedSevens = engine.analytics().nps().run().overall().counts().count(7);
        assertThat(sevens.get("items")).hasSize((int) expectedSevens);
        sevens.get("items").forEach(i -> assertThat(i.get("score").asInt()).isEqualTo(7));

        JsonNode second = json("/api/responses?period=all&segmentKey=plan&segment=pro&size=5&page=1");
        assertThat(second.get("items").get(0).get("id").asText()).isNotEqualTo(page.get("items").get(0).get("id").asText());
    }

    @Test
    void listsCasesFromTheCaseSource() throws Exception {
        JsonNode cases = json("/api/cases");
        assertThat(cases.get(0).get("id").asText()).isEqualTo("case-1");
        assertThat(json("/api/meta").get("cases").asBoolean()).isTrue();
    }

    @Test
    void rejectsBadParametersWithAMessageNamingTheField() throws Exception {
        HttpResponse<String> r = get("/api/summary?period=2w", "Bearer " + DashboardFixture.TOKEN);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("period");
        assertThat(get("/api/summary?segmentKey=password", "Bearer " + DashboardFixture.TOKEN).body()).contains("segmentKey");
        assertThat(get("/api/responses?score=11", "Bearer " + DashboardFixture.TOKEN).statusCode()).isEqualTo(400);
        assertThat(get("/api/responses?size=1000", "Bearer " + DashboardFixture.TOKEN).statusCode()).isEqualTo(400);
        assertThat(get("/nothing", "Bearer " + DashboardFixture.TOKEN).statusCode()).isEqualTo(404);
    }

    @Test
    void refusesToStartWithoutACredential() {
        assertThatThrownBy(() -> Dashboard.builder(engine).start()).isInstanceOf(NpsException.class)
                .hasMessageContaining("credential");
        assertThatThrownBy(() -> Dashboard.builder(engine).token("short")).isInstanceOf(NpsException.class)
                .hasMessageContaining("token");
    }

    @Test
    void themesDrillDownUsesTheThemeSource() throws Exception {
        DashboardThemes themes = new DashboardThemes() {
            @Override
            public List<NpsReport.ThemeRow> themes(dev.nps.api.analytics.ResponseFilter filter) {
                return List.of(new NpsReport.ThemeRow("number", 49, 0, 0, -3));
            }

            @Override
            public boolean mentions(Response response, String theme) {
                return response.comment().map(c -> c.contains(theme)).orElse(false);
            }
        };
        try (Dashboard d = Dashboard.builder(engine).token(DashboardFixture.TOKEN).themes(themes).start()) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(d.uri().resolve("/api/responses?period=all&theme=number&size=100"))
                    .header("Authorization", "Bearer " + DashboardFixture.TOKEN).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode items = NpsJson.mapper().readTree(r.body()).get("items");
            assertThat(items).hasSize(49);
            items.forEach(i -> assertThat(i.get("comment").asText()).contains("number"));
        }
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
