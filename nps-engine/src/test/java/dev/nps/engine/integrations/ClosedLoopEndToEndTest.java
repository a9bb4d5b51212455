package dev.nps.engine.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nps.api.Contact;
import dev.nps.api.Response;
import dev.nps.engine.NpsEngine;
import dev.nps.engine.alerts.AlertMonitor;
import dev.nps.engine.alerts.AlertRelay;
import dev.nps.engine.alerts.DetractorRule;
import dev.nps.engine.json.NpsJson;
import dev.nps.engine.workflow.Cases;
import dev.nps.engine.workflow.InMemoryCaseStore;
import dev.nps.engine.workflow.Workflow;
import dev.nps.spi.CustomerDirectory;
import dev.nps.spi.FollowUpCase;
import dev.nps.testkit.SettableClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The whole loop as a user wires it: sinks discovered from configuration, CRM attributes through the directory,
 * a detractor from an enterprise account alerts in Slack, opens a case for the CRM owner and reaches the
 * automation webhook as signed events.
 */
class ClosedLoopEndToEndTest {
    private static final String SECRET = "end-to-end-secret-0123";

    @Test
    void anEnterpriseDetractorAlertsOpensACaseAndEmitsEvents() throws Exception {
        SettableClock clock = SettableClock.startingMonday();
        CustomerDirectory crm = new CustomerDirectory() {
            @Override
            public String name() {
                return "crm";
            }

            @Override
            public Optional<Map<String, String>> attributes(String contactId) {
                return Optional.of(Map.of("plan", contactId.startsWith("ent") ? "enterprise" : "free", "owner", "dana"));
            }
        };
        try (ScriptedHttpServer server = new ScriptedHttpServer();
             NpsEngine engine = NpsEngine.builder().inMemoryStore().clock(clock).config(Map.of(
                     "nps.alert.slack.url", server.url("/slack"),
                     "nps.alert.webhook.url", server.url("/hook"),
                     "nps.alert.webhook.secret", SECRET)).build()) {
            engine.surveys().define("s").save();
            engine.contacts().upsert(Contact.of("ent-1").build());
            engine.contacts().upsert(Contact.of("free-1").build());

            AlertRelay relay = AlertRelay.builder().engine(engine).build();
            ContactEnricher enricher = ContactEnricher.of(engine.store(), crm, clock);
            AlertMonitor monitor = AlertMonitor.builder().engine(engine).attributes(enricher).publisher(relay)
                    .rule(DetractorRule.named("enterprise-detractor").inSegment("plan", "enterprise").build()).build();
            Cases cases = new Cases(new InMemoryCaseStore(), engine.store(), clock, relay);
            engine.responses().addListener(monitor);
            engine.responses().addListener(Workflow.builder().cases(cases).attributes(enricher).ownerAttribute("owner").roundRobin("ops")
                    .sla(Duration.ofDays(1)).build());
            engine.responses().addListener(new ResponseEvents(relay, clock, false));

            engine.responses().record(Response.builder("s", 2).id("r-ent").contact("ent-1").build(clock.instant()));
            engine.responses().record(Response.builder("s", 2).id("r-free").contact("free-1").build(clock.instant()));
            // Slack: the alert. Webhook (an alert sink and an event sink): the alert as alert.raised, 2 cases, 2 responses.
            assertThat(relay.deliverDue()).isEqualTo(6);

            List<ScriptedHttpServer.Received> slack = server.received().stream().filter(r -> r.path().equals("/slack")).toList();
            assertThat(slack).singleElement().satisfies(r -> assertThat(r.body()).contains("Detractor response"));
            List<String> hookTypes = server.received().stream().filter(r -> r.path().equals("/hook"))
                    .peek(r -> assertThat(WebhookSignature.verify(SECRET, r.header(WebhookSignature.HEADER), r.body(),
                            java.time.Instant.now(), Duration.ofMinutes(5))).as("a provider-made sink signs with the system clock, as the consumer checks").isTrue())
                    .map(r -> NpsJson.read(r.body(), JsonNode.class).get("type").asText()).sorted().toList();
            assertThat(hookTypes).containsExactly("alert.raised", "case.opened", "case.opened", "response.created", "response.created");
            assertThat(cases.list()).extracting(FollowUpCase::owner).containsOnly("dana");
        }
    }
}
