package dev.nps.engine.integrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nps.api.ErrorCode;
import dev.nps.api.NpsException;
import dev.nps.engine.alerts.AlertRelay;
import dev.nps.engine.json.NpsJson;
import dev.nps.spi.Alert;
import dev.nps.spi.OutboxEntry;
import dev.nps.spi.OutgoingEvent;
import dev.nps.spi.SendOutcome;
import dev.nps.testkit.SettableClock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebhookDeliveryTest {
    private static final String SECRET = "s3cret-s3cret-s3cret";
    private final SettableClock clock = SettableClock.startingMonday();
    private final ScriptedHttpServer server;
    /** What a consumer (a Zapier-like catch hook) accepted: verified and de-duplicated on the event id. */
    private final Set<String> uniqueEvents = ConcurrentHashMap.newKeySet();
    private final Set<String> rejected = ConcurrentHashMap.newKeySet();

    WebhookDeliveryTest() throws Exception {
        server = new ScriptedHttpServer().consumer(r -> {
            if (!WebhookSignature.verify(SECRET, r.header(WebhookSignature.HEADER), r.body(), clock.instant(), Duration.ofMinutes(5))) {
                rejected.add(r.body());
                return 401;
            }
            String id = NpsJson.read(r.body(), JsonNode.class).get("id").asText();
            assertThat(r.header(WebhookSignature.EVENT_ID_HEADER)).isEqualTo(id);
            uniqueEvents.add(id);
            return null;
        });
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private WebhookSink.Builder sink() {
        return WebhookSink.builder().url(server.url("/hook")).secret(SECRET).clock(clock)
                .connectTimeout(Duration.ofSeconds(2)).requestTimeout(Duration.ofMillis(400)).sleeper(Sleeper.NONE);
    }

    private Alert alert(String id) {
        return new Alert(id, "drop", Alert.Severity.WARNING, "NPS fell", "detail", clock.instant(), Map.of("segment", "all"));
    }

    @Test
    void outboxRetriesThroughAFailureAndAStallUntilDeliveredOnceForTheConsumer() {
        server.then(500, ScriptedHttpServer.STALL, 200);
        WebhookSink sink = sink().retries(1, Duration.ZERO).build();
        AlertRelay relay = AlertRelay.builder().clock(clock).alertSink(sink).backoff(Duration.ofSeconds(30), Duration.ofHours(1)).build();
        relay.publish(alert("a-1"));

        assertThat(relay.deliverDue()).as("500").isZero();
        OutboxEntry e = relay.outbox().list(OutboxEntry.State.PENDING).get(0);
        assertThat(e.attempts()).isEqualTo(1);
        assertThat(e.nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(30));
        assertThat(e.lastError()).hasValueSatisfying(r -> assertThat(r).contains("HTTP 500"));
        assertThat(relay.deliverDue()).as("not due yet").isZero();
        assertThat(server.received()).hasSize(1);

        clock.advance(Duration.ofSeconds(30));
        assertThat(relay.deliverDue()).as("stall: timed out").isZero();
        assertThat(relay.outbox().list(OutboxEntry.State.PENDING).get(0).nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(60));

        clock.advance(Duration.ofSeconds(60));
        assertThat(relay.deliverDue()).isEqualTo(1);
        assertThat(relay.outbox().list(OutboxEntry.State.DELIVERED)).singleElement().satisfies(d -> assertThat(d.attempts()).isEqualTo(3));
        assertThat(uniqueEvents).containsExactly("a-1");
        assertThat(rejected).isEmpty();

        relay.publish(alert("a-1"));
        assertThat(relay.deliverDue()).as("published twice, delivered once").isZero();
    }

    @Test
    void sinkRetriesInLineOnServerErrorsWithBackoff() {
        server.then(503, 502, 200);
        java.util.List<Duration> waits = new java.util.ArrayList<>();
        WebhookSink sink = sink().retries(3, Duration.ofMillis(200)).sleeper(waits::add).build();
        assertThat(sink.deliver(alert("a-2"))).isInstanceOf(SendOutcome.Accepted.class);
        assertThat(server.received()).hasSize(3);
        assertThat(waits).containsExactly(Duration.ofMillis(200), Duration.ofMillis(400));
        assertThat(uniqueEvents).containsExactly("a-2");
    }

    @Test
    void sendsASignedEnvelopeWithIdTypeOccurredAtAndData() {
        WebhookSink sink = sink().build();
        OutgoingEvent event = new OutgoingEvent("ev-1", OutgoingEvent.RESPONSE_CREATED, clock.instant(), Map.of("score", 3));
        assertThat(sink.publish(event)).isInstanceOf(SendOutcome.Accepted.class);
        ScriptedHttpServer.Received r = server.received().get(0);
        JsonNode json = NpsJson.read(r.body(), JsonNode.class);
        assertThat(json.get("id").asText()).isEqualTo("ev-1");
        assertThat(json.get("type").asText()).isEqualTo("response.created");
        assertThat(json.get("occurredAt").asText()).isEqualTo("2026-01-05T09:00:00Z");
        assertThat(json.get("data").get("score").asInt()).isEqualTo(3);
        assertThat(r.header(WebhookSignature.HEADER)).startsWith("t=" + clock.instant().getEpochSecond() + ",v1=");
        assertThat(r.header(WebhookSignature.EVENT_TYPE_HEADER)).isEqualTo("response.created");
        assertThat(WebhookSignature.verify("another-secret-123", r.header(WebhookSignature.HEADER), r.body(), clock.instant(), Duration.ofMinutes(5))).isFalse();
        assertThat(WebhookSignature.verify(SECRET, r.header(WebhookSignature.HEADER), r.body() + " ", clock.instant(), Duration.ofMinutes(5))).isFalse();
        assertThat(WebhookSignature.verify(SECRET, r.header(WebhookSignature.HEADER), r.body(), clock.instant().plusSeconds(600), Duration.ofMinutes(5)))
                .as("replayed too late").isFalse();
    }

    @Test
    void deadLettersAfterMaxAttemptsAndDeliversAfterRequeue() {
        server.otherwise(500);
        AlertRelay relay = AlertRelay.builder().clock(clock).alertSink(sink().retries(1, Duration.ZERO).build())
                .maxAttempts(3).backoff(Duration.ofSeconds(10), Duration.ofSeconds(10)).build();
        relay.publish(alert("a-3"));
        for (int i = 0; i < 3; i++) {
            relay.deliverDue();
            clock.advance(Duration.ofSeconds(10));
        }
        assertThat(relay.deadLetters()).singleElement().satisfies(d -> {
            assertThat(d.attempts()).isEqualTo(3);
            assertThat(d.lastError()).hasValueSatisfying(r -> assertThat(r).contains("HTTP 500"));
        });
        clock.advance(Duration.ofDays(1));
        assertThat(relay.deliverDue()).as("dead entries wait for a requeue").isZero();

        server.otherwise(200);
        assertThat(relay.requeue(relay.deadLetters().get(0).id())).isTrue();
        assertThat(relay.deliverDue()).isEqualTo(1);
        assertThat(uniqueEvents).containsExactly("a-3");
    }

    @Test
    void aClientErrorIsPermanentAndDeadLettersAtOnce() {
        server.then(404);
        AlertRelay relay = AlertRelay.builder().clock(clock).alertSink(sink().build()).build();
        relay.publish(alert("a-4"));
        relay.deliverDue();
        assertThat(server.received()).hasSize(1);
        assertThat(relay.deadLetters()).singleElement().satisfies(d -> assertThat(d.lastError()).hasValueSatisfying(r -> assertThat(r).contains("HTTP 404")));
    }

    @Test
    void aRefusedConnectionIsRetryableAndMarksTheTargetDown() {
        String url = server.url("/hook");
        server.close();
        SendOutcome o = WebhookSink.builder().url(url).secret(SECRET).sleeper(Sleeper.NONE).connectTimeout(Duration.ofSeconds(1)).build()
                .deliver(alert("a-5"));
        assertThat(o).isInstanceOfSatisfying(SendOutcome.Retryable.class, r -> assertThat(r.channelDown()).isTrue());
    }

    @Test
    void rejectsABadConfigurationListingEveryProblem() {
        assertThatThrownBy(() -> WebhookSink.builder().url("http://hooks.example.com/x").secret("short")
                .requestTimeout(Duration.ZERO).retries(0, Duration.ofMillis(1)).build())
                .isInstanceOfSatisfying(NpsException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION);
                    assertThat(e.getMessage()).startsWith("4 problems").contains("url: must use https", "secret: too short", "timeout: must be",
                            "attempts: must be 1..10").doesNotContain("short\"");
                });
        assertThatThrownBy(() -> WebhookSink.builder().url("https://hooks.example.com/x").build())
                .hasMessageContaining("secret: missing");
        assertThat(WebhookSink.builder().url("http://[::1]:8080/x").secret(SECRET).build()).isNotNull();
        assertThat(WebhookSink.builder().url("http://localhost:8080/x").secret(SECRET).build()).isNotNull();
        assertThatThrownBy(() -> WebhookSink.builder().url("http://10.0.0.1/x").secret(SECRET).build()).hasMessageContaining("must use https");
    }
}
