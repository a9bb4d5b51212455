package dev.nps.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nps.api.Contact;
import dev.nps.api.ErrorCode;
import dev.nps.api.NpsException;
import dev.nps.api.Response;
import dev.nps.api.Score;
import dev.nps.engine.NpsEngine;
import dev.nps.engine.alerts.AlertMonitor;
import dev.nps.engine.alerts.AlertRelay;
import dev.nps.engine.alerts.DetractorRule;
import dev.nps.engine.integrations.EventPublisher;
import dev.nps.engine.integrations.WebhookSink;
import dev.nps.engine.workflow.CaseMetrics;
import dev.nps.engine.workflow.Cases;
import dev.nps.engine.workflow.Workflow;
import dev.nps.spi.Alert;
import dev.nps.spi.CaseStatus;
import dev.nps.spi.FollowUpCase;
import dev.nps.spi.OutboxEntry;
import dev.nps.spi.OutgoingEvent;
import dev.nps.testkit.SettableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What acting on feedback keeps across a restart: an engine on an embedded H2 file is closed and a new engine on
 * the same file picks up the undelivered webhook events, the follow-up cases and the alert cool-downs.
 */
class JdbcAlertRestartTest {
    private static final String SECRET = "restart-test-secret-0123456789";

    @TempDir
    Path dir;
    private final SettableClock clock = SettableClock.startingMonday();
    private WebhookConsumer consumer;

    @BeforeEach
    void startConsumer() throws Exception {
        consumer = new WebhookConsumer(SECRET, clock);
    }

    @AfterEach
    void stopConsumer() {
        consumer.close();
    }

    /** A new engine (new store, pool and sink) on the same database file, as after a process restart. */
    private NpsEngine engine() {
        JdbcStore store = JdbcStore.builder().url("jdbc:h2:file:" + dir.resolve("nps").toAbsolutePath()).clock(clock).build();
        WebhookSink webhook = WebhookSink.builder().url(consumer.url()).secret(SECRET).clock(clock)
                .connectTimeout(Duration.ofSeconds(2)).requestTimeout(Duration.ofSeconds(5)).retries(1, Duration.ZERO).build();
        return NpsEngine.builder().store(store).clock(clock).alertSink(webhook).discoverProviders(false).build();
    }

    private static AlertRelay relay(NpsEngine engine) {
        return AlertRelay.builder().engine(engine).backoff(Duration.ofSeconds(30), Duration.ofHours(1)).build();
    }

    @Test
    void aWebhookEventThatFailedBeforeARestartIsDeliveredOnceByTheNextEngineWithTheSameId() {
        consumer.then(503);
        OutgoingEvent event = new OutgoingEvent("evt-restart-1", OutgoingEvent.RESPONSE_CREATED, clock.instant(),
                Map.of("responseId", "r-1", "score", 3));
        try (NpsEngine first = engine()) {
            AlertRelay relay = relay(first);
            assertThat(relay.outbox()).as("the engine took the store's durable outbox").isSameAs(((JdbcStore) first.store()).alertOutbox());
            relay.publish(event);
            assertThat(relay.deliverDue()).isZero();
            OutboxEntry waiting = relay.outbox().list(OutboxEntry.State.PENDING).get(0);
            assertThat(waiting.attempts()).isEqualTo(1);
            assertThat(waiting.lastError()).hasValueSatisfying(e -> assertThat(e).contains("503"));
        }

        clock.advance(Duration.ofSeconds(30));
        try (NpsEngine second = engine()) {
            AlertRelay relay = relay(second);
            relay.publish(event); // republishing after the restart must not make a second delivery
            assertThat(relay.deliverDue()).isEqualTo(1);
            clock.advance(Duration.ofHours(2));
            assertThat(relay.deliverDue()).isZero();
            assertThat(relay.outbox().list(OutboxEntry.State.DELIVERED)).singleElement()
                    .satisfies(e -> assertThat(e.attempts()).isEqualTo(2));
        }
        assertThat(consumer.requests()).extracting(WebhookConsumer.Request::eventId).containsExactly("evt-restart-1", "evt-restart-1");
        assertThat(consumer.requests()).extracting(WebhookConsumer.Request::status).containsExactly(503, 200);
        assertThat(consumer.acceptedCounts()).isEqualTo(Map.of("evt-restart-1", 1));
    }

    @Test
    void casesKeepTheirNotesHistoryAndMetricsAcrossARestart() {
        String caseId;
        Instant opened = clock.instant();
        try (NpsEngine first = engine()) {
            first.surveys().define("s").save();
            first.contacts().upsert(Contact.of("c-1").build());
            Cases cases = Cases.of(first, EventPublisher.NONE);
            first.responses().addListener(Workflow.builder().cases(cases).roundRobin("ann").sla(Duration.ofHours(24)).build());
            first.responses().record(Response.builder("s", 2).id("r-1").contact("c-1").comment("Too slow").build(clock.instant()));
            caseId = cases.forResponse("r-1").orElseThrow().id();
            clock.advance(Duration.ofHours(3));
            cases.contacted(caseId, "ann", "Called; a fix ships Friday 🚀");
        }

        clock.advance(Duration.ofHours(1));
        try (NpsEngine second = engine()) {
            Cases cases = Cases.of(second, EventPublisher.NONE);
            FollowUpCase c = cases.find(caseId).orElseThrow();
            assertThat(c.status()).isEqualTo(CaseStatus.CONTACTED);
            assertThat(c.owner()).isEqualTo("ann");
            assertThat(c.history()).extracting(e -> e.action()).containsExactly("opened", "contacted");
            assertThat(c.notes()).containsExactly("Called; a fix ships Friday 🚀");
            assertThat(c.timeToFirstContact()).contains(Duration.ofHours(3));

            assertThatThrownBy(() -> cases.note(caseId, "ann", "  ")).isInstanceOfSatisfying(NpsException.class,
                    e -> assertThat(e.getMessage()).contains("note"));
            assertThatThrownBy(() -> cases.note(caseId, "ann", "x".repeat(10_001))).isInstanceOfSatisfying(NpsException.class,
                    e -> assertThat(e.getMessage()).contains("note"));
            assertThatThrownBy(() -> cases.note(caseId, "ann", "bad \u0000 byte")).isInstanceOfSatisfying(NpsException.class,
                    e -> assertThat(e.getMessage()).contains("note"));
            cases.resolve(caseId, "ann", "Refunded");
            assertThatThrownBy(() -> cases.wontFix(caseId, "ann", "late")).isInstanceOfSatisfying(NpsException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
                assertThat(e.getMessage()).contains("closed");
            });
            assertThat(cases.find(caseId).orElseThrow().history()).as("rejected changes wrote nothing").hasSize(3);
            clock.advance(Duration.ofDays(7));
            second.responses().record(Response.builder("s", 9).id("r-2").contact("c-1").build(clock.instant()));
        }

        try (NpsEngine third = engine()) {
            Cases cases = Cases.of(third, EventPublisher.NONE);
            assertThat(cases.forResponse("r-1").orElseThrow().history()).extracting(e -> e.action())
                    .containsExactly("opened", "contacted", "resolved");
            assertThat(cases.forResponse("r-2")).as("the promoter opened no case").isEmpty();
            CaseMetrics m = cases.metrics(opened.minusSeconds(1), clock.instant(), 0.05);
            assertThat(m.cases()).isEqualTo(1);
            assertThat(m.resolved()).isEqualTo(1);
            assertThat(m.medianTimeToFirstContact()).contains(Duration.ofHours(3));
            assertThat(m.contactedWithinSlaShare()).isEqualTo(1.0);
            assertThat(m.closedWithinSlaShare()).isEqualTo(1.0);
            assertThat(m.laterResolved().total()).as("the contact's later answer").isEqualTo(1);
            assertThat(m.laterResolved().promoters()).isEqualTo(1);
        }
    }

    @Test
    void aCoolDownRunningWhenTheEngineStopsStillHoldsAfterTheRestart() {
        List<Alert> raised = new ArrayList<>();
        DetractorRule rule = DetractorRule.named("detractors").coolDown(Duration.ofHours(12)).build();
        try (NpsEngine first = engine()) {
            first.surveys().define("s").save();
            first.responses().addListener(AlertMonitor.builder().engine(first).publisher(raised::add).rule(rule).build());
            first.responses().record(Response.builder("s", 1).id("r-1").contact("c-1").build(clock.instant()));
        }
        assertThat(raised).hasSize(1);

        clock.advance(Duration.ofHours(6));
        try (NpsEngine second = engine()) {
            AlertMonitor monitor = AlertMonitor.builder().engine(second).publisher(raised::add).rule(rule).build();
            assertThat(monitor.state()).isSameAs(((JdbcStore) second.store()).alertState());
            second.responses().addListener(monitor);
            second.responses().edit("r-1", Score.of(0), Optional.empty()); // the same alert key: never twice
            second.responses().record(Response.builder("s", 2).id("r-2").contact("c-1").build(clock.instant())); // cool-down
            second.responses().record(Response.builder("s", 3).id("r-3").contact("c-2").build(clock.instant())); // another contact
            assertThat(raised).extracting(a -> a.facts().get("responseId")).containsExactly("r-1", "r-3");

            clock.advance(Duration.ofHours(6));
            second.responses().record(Response.builder("s", 2).id("r-4").contact("c-1").build(clock.instant()));
            assertThat(raised).extracting(a -> a.facts().get("responseId")).containsExactly("r-1", "r-3", "r-4");
        }
    }
}
