package dev.nps.engine.integrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nps.api.Category;
import dev.nps.api.ChannelName;
import dev.nps.api.Response;
import dev.nps.api.Score;
import dev.nps.engine.NpsEngine;
import dev.nps.engine.alerts.AlertRelay;
import dev.nps.engine.json.NpsJson;
import dev.nps.engine.workflow.Cases;
import dev.nps.engine.workflow.InMemoryCaseStore;
import dev.nps.engine.workflow.Workflow;
import dev.nps.spi.CrmUpdate;
import dev.nps.spi.OutboxEntry;
import dev.nps.spi.SendOutcome;
import dev.nps.testkit.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CrmAndEventsTest {
    private static final String SECRET = "0123456789abcdef0123";
    private final SettableClock clock = SettableClock.startingMonday();
    private final ScriptedHttpServer server;

    CrmAndEventsTest() throws Exception {
        server = new ScriptedHttpServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HubSpotCrmWriter.Builder hubspot() {
        return HubSpotCrmWriter.builder().baseUrl(server.url("")).token("pat-na1-secret").sleeper(Sleeper.NONE)
                .requestTimeout(Duration.ofSeconds(2));
    }

    @Test
    void hubSpotWriterPatchesTheContactsPropertiesWithABearerToken() {
        CrmUpdate u = new CrmUpdate("c:42@x", "s", "r-1", 3, Category.DETRACTOR, Optional.of("too slow"), Instant.parse("2026-01-05T09:00:00Z"));
        assertThat(hubspot().build().write(u)).isInstanceOf(SendOutcome.Accepted.class);
        ScriptedHttpServer.Received r = server.received().get(0);
        assertThat(r.method()).isEqualTo("PATCH");
        assertThat(r.path()).isEqualTo("/crm/v3/objects/contacts/c:42@x");
        assertThat(r.header("Authorization")).isEqualTo("Bearer pat-na1-secret");
        JsonNode props = NpsJson.read(r.body(), JsonNode.class).get("properties");
        assertThat(props.get("nps_score").asText()).isEqualTo("3");
        assertThat(props.get("nps_category").asText()).isEqualTo("detractor");
        assertThat(props.get("nps_comment").asText()).isEqualTo("too slow");
        assertThat(props.get("nps_answered_at").asText()).isEqualTo("2026-01-05T09:00:00Z");

        server.then(404);
        assertThat(hubspot().idProperty("external_id").build().write(u)).isInstanceOf(SendOutcome.Permanent.class);
        assertThatThrownBy(() -> HubSpotCrmWriter.builder().baseUrl("http://api.example.com").properties("Score", "nps_category", null, "x y").build())
                .hasMessageContaining("4 problems").hasMessageContaining("baseUrl: must use https").hasMessageContaining("token: missing")
                .hasMessageContaining("scoreProperty").hasMessageContaining("answeredAtProperty");
    }

    @Test
    void writeBackEventsAndCasesFlowThroughTheRelayToCrmAndWebhook() {
        AlertRelay relay = AlertRelay.builder().clock(clock).crmWriter(hubspot().build())
                .eventSink(WebhookSink.builder().url(server.url("/hook")).secret(SECRET).clock(clock).sleeper(Sleeper.NONE).build())
                .build();
        try (NpsEngine engine = NpsEngine.builder().inMemoryStore().clock(clock).discoverProviders(false).build()) {
            engine.surveys().define("s").save();
            Cases cases = new Cases(new InMemoryCaseStore(), engine.store(), clock, relay);
            ResponseEvents events = new ResponseEvents(relay, clock, false);
            engine.responses().addListener(events);
            engine.responses().addListener(new CrmWriteBack(engine.store(), relay));
            engine.responses().addListener(Workflow.builder().cases(cases).roundRobin("bob").build());

            server.then(500); // the first delivery fails once and is retried
            engine.responses().record(Response.builder("s", 2).id("r-1").contact("c-1").comment("secret words").build(clock.instant()));
            engine.responses().edit("r-1", Score.of(5), Optional.empty());
            events.contactUnsubscribed("c-1", ChannelName.EMAIL, clock.instant());
            relay.deliverDue();
            clock.advance(Duration.ofMinutes(1));
            relay.deliverDue();

            assertThat(relay.outbox().list(OutboxEntry.State.PENDING)).isEmpty();
            assertThat(relay.deadLetters()).isEmpty();
            // The consumer de-duplicates on the event id: one of each type, though one was delivered twice.
            List<JsonNode> hooks = server.received().stream().filter(r -> r.path().equals("/hook"))
                    .map(r -> NpsJson.read(r.body(), JsonNode.class)).toList();
            assertThat(hooks).hasSize(5);
            assertThat(hooks.stream().collect(java.util.stream.Collectors.toMap(j -> j.get("id").asText(), j -> j.get("type").asText(), (a, b) -> a))
                    .values()).containsExactlyInAnyOrder("response.created", "case.opened", "response.updated", "contact.unsubscribed");
            assertThat(server.received()).filteredOn(r -> r.path().startsWith("/crm")).hasSize(2);
            assertThat(server.received()).noneMatch(r -> r.path().equals("/hook") && r.body().contains("secret words"));
        }
    }
}
