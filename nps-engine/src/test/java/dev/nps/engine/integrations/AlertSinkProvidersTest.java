package dev.nps.engine.integrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nps.api.ErrorCode;
import dev.nps.api.NpsException;
import dev.nps.engine.NpsEngine;
import dev.nps.engine.json.NpsJson;
import dev.nps.spi.Alert;
import dev.nps.spi.SendOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertSinkProvidersTest {
    private final Alert alert = new Alert("a-1", "drop", Alert.Severity.CRITICAL, "NPS fell <fast>", "NPS -20 & falling",
            Instant.parse("2026-01-05T09:00:00Z"), Map.of("segment", "plan=pro", "change", "-30.0"));

    @Test
    void unconfiguredBuiltInSinksAreSkippedWhenDiscovered() {
        try (NpsEngine engine = NpsEngine.builder().inMemoryStore().build()) {
            assertThat(engine.alertSinks()).isEmpty();
        }
    }

    @Test
    void configuredSinksAreCreatedFromTheirKeys() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer();
             NpsEngine engine = NpsEngine.builder().inMemoryStore().config(Map.of(
                     "nps.alert.slack.url", server.url("/slack"),
                     "nps.alert.webhook.url", server.url("/hook"),
                     "nps.alert.webhook.secret", "0123456789abcdef-secret",
                     "nps.alert.webhook.timeout", "2s")).build()) {
            assertThat(engine.alertSinks()).extracting(s -> s.name()).containsExactly("slack", "webhook");
            engine.alertSinks().forEach(s -> assertThat(s.deliver(alert)).isInstanceOf(SendOutcome.Accepted.class));
            assertThat(server.received()).extracting(ScriptedHttpServer.Received::path).containsExactly("/slack", "/hook");
        }
    }

    @Test
    void aNamedSinkWithBadKeysFailsTheBuildNamingEachKey() {
        assertThatThrownBy(() -> NpsEngine.builder().inMemoryStore().config(Map.of(
                "nps.alerts", "webhook,slack",
                "nps.alert.webhook.url", "ftp://example.com/hook",
                "nps.alert.webhook.timeout", "soon",
                "nps.alert.slack.attempts", "0")).build())
                .isInstanceOfSatisfying(NpsException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION);
                    assertThat(e.getMessage()).contains("nps.alert.webhook.url: must use https", "nps.alert.webhook.secret: missing",
                            "nps.alert.webhook.timeout: not a duration", "nps.alert.slack.url: missing", "nps.alert.slack.attempts: must be 1..10");
                });
    }

    @Test
    void slackMessageHasAFallbackTextAndBlocks() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer()) {
            SlackWebhookSink sink = SlackWebhookSink.builder().url(server.url("/slack")).sleeper(Sleeper.NONE).build();
            assertThat(sink.deliver(alert)).isInstanceOf(SendOutcome.Accepted.class);
            JsonNode json = NpsJson.read(server.received().get(0).body(), JsonNode.class);
            assertThat(json.get("text").asText()).contains("NPS fell <fast>");
            JsonNode blocks = json.get("blocks");
            assertThat(blocks.get(0).get("type").asText()).isEqualTo("header");
            assertThat(blocks.get(1).get("text").get("text").asText()).isEqualTo("NPS -20 &amp; falling");
            assertThat(blocks.get(2).get("fields")).hasSize(2);
            assertThat(blocks.get(3).get("type").asText()).isEqualTo("context");
        }
    }

    @Test
    void emailSinkMailsTheFixedRecipientsOrTheAlertsOwn() {
        List<String> sent = new ArrayList<>();
        EmailAlertSink sink = new EmailAlertSink("email", (to, subject, body) -> {
            sent.add(to + "|" + subject);
            return SendOutcome.accepted();
        }, List.of("team@example.com", "lead@example.com"));
        sink.deliver(alert);
        Alert routed = new Alert("a-2", "case", Alert.Severity.INFO, "Case opened", "d", alert.raisedAt(), EmailAlertSink.routeTo("owner@example.com"));
        sink.deliver(routed);
        assertThat(sent).containsExactly("team@example.com|[NPS CRITICAL] NPS fell <fast>", "lead@example.com|[NPS CRITICAL] NPS fell <fast>",
                "owner@example.com|[NPS INFO] Case opened");
        assertThatThrownBy(() -> new EmailAlertSink("email", (a, b, c) -> SendOutcome.accepted(), List.of("not-an-address")))
                .isInstanceOf(NpsException.class);
    }
}
