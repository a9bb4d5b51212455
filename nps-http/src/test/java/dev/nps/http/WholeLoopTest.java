package dev.nps.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nps.api.Category;
import dev.nps.api.ChannelName;
import dev.nps.api.Contact;
import dev.nps.api.Event;
import dev.nps.api.Response;
import dev.nps.api.analytics.NpsResult;
import dev.nps.engine.NpsEngine;
import dev.nps.engine.alerts.AlertMonitor;
import dev.nps.engine.alerts.AlertRelay;
import dev.nps.engine.alerts.DetractorRule;
import dev.nps.engine.dispatch.InvitationResult;
import dev.nps.engine.dispatch.OutboxInvitationCounts;
import dev.nps.engine.workflow.Cases;
import dev.nps.engine.workflow.InMemoryCaseStore;
import dev.nps.engine.workflow.Workflow;
import dev.nps.spi.Alert;
import dev.nps.spi.CaseStatus;
import dev.nps.spi.Delivery;
import dev.nps.spi.FollowUpCase;
import dev.nps.testkit.RecordingAlertSink;
import dev.nps.testkit.RecordingChannel;
import dev.nps.testkit.SettableClock;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The whole programme on the in-memory store: a host event creates an invitation, the dispatcher sends it, the
 * respondent answers through the link's POST, analytics count it, the detractor opens a case and alerts reach a sink.
 */
class WholeLoopTest {
    private final SettableClock clock = new SettableClock(Instant.parse("2026-01-06T10:00:00Z"));
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void eventToInvitationToLinkAnswerToAnalyticsToCaseToAlert() throws Exception {
        RecordingChannel email = RecordingChannel.email();
        RecordingAlertSink sink = new RecordingAlertSink("support-chat");
        try (NpsEngine nps = NpsEngine.builder().inMemoryStore().channel(email).clock(clock).discoverProviders(false)
                .responseLinks(URI.create("https://acme.example/nps")).build();
             AlertRelay relay = AlertRelay.builder().clock(clock).alertSink(sink).build()) {
            nps.surveys().define("post-purchase").followUp(Category.DETRACTOR, "What should we fix first?")
                    .sendVia(ChannelName.EMAIL).triggeredBy("order.completed").save();
            nps.contacts().upsert(Contact.of("c-42").email("ann@example.com").zone("Europe/Berlin").attribute("plan", "pro"));
            Cases cases = new Cases(new InMemoryCaseStore(), nps.store(), clock, relay);
            nps.responses().addListener(Workflow.builder().cases(cases).roundRobin("bob").sla(Duration.ofDays(1))
                    .notifyOwners(relay).build());
            nps.responses().addListener(AlertMonitor.builder().engine(nps).clock(clock).publisher(relay)
                    .rule(DetractorRule.named("every-detractor").build()).build());
            NpsHttpServer server = NpsHttpServer.builder().linkResponses(nps.dispatch().linkResponses().orElseThrow()).clock(clock)
                    .build().start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            try {
                // event -> invitation -> dispatch
                List<InvitationResult> created = nps.events().publish(Event.of("order.completed", "order-1", "c-42", clock.instant()));
                assertThat(created).singleElement().extracting(InvitationResult::outcome).isEqualTo(InvitationResult.Outcome.CREATED);
                assertThat(nps.dispatch().runOnce()).isEqualTo(1);
                Delivery delivery = email.deliveriesTo("c-42").get(0);
                URI scoreLink = delivery.scoreLinks().get(3);

                // GET shows the page and records nothing; POST records.
                String local = "http://127.0.0.1:" + server.port() + scoreLink.getPath().replaceFirst("^/nps", "");
                HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(local + "?" + scoreLink.getQuery())).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(page.statusCode()).isEqualTo(200);
                assertThat(page.body()).contains("What should we fix first?");
                assertThat(nps.store().findResponseByInvitation(delivery.invitationId())).isEmpty();
                String form = "score=3&comment=" + URLEncoder.encode("The parcel came late", StandardCharsets.UTF_8);
                HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(local))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(posted.statusCode()).isEqualTo(200);

                Response stored = nps.store().findResponseByInvitation(delivery.invitationId()).orElseThrow();
                assertThat(stored.score().value()).isEqualTo(3);
                assertThat(stored.comment()).contains("The parcel came late");
                assertThat(stored.channel()).isEqualTo(ChannelName.EMAIL);

                // analytics
                NpsResult week = nps.analytics().nps().survey("post-purchase").last(Duration.ofDays(7)).run();
                assertThat(week.overall().responses()).isEqualTo(1);
                assertThat(week.overall().detractors()).isEqualTo(1);
                assertThat(week.overall().nps()).isEqualTo(-100.0);
                assertThat(new OutboxInvitationCounts(nps.dispatch().outbox(), nps.store())
                        .funnel(Optional.of("post-purchase"), clock.instant().minus(Duration.ofDays(1)), clock.instant().plusSeconds(1)))
                        .isEqualTo(new OutboxInvitationCounts.Funnel(1, 0, 1, 1));

                // detractor -> case -> alerts delivered to the sink
                FollowUpCase c = cases.forResponse(stored.id()).orElseThrow();
                assertThat(c.owner()).isEqualTo("bob");
                assertThat(c.status()).isEqualTo(CaseStatus.OPEN);
                relay.deliverDue();
                assertThat(sink.alerts()).extracting(Alert::ruleId).containsExactlyInAnyOrder("every-detractor", Workflow.CASE_RULE);
                assertThat(sink.alerts()).allSatisfy(a -> assertThat(a.detail()).doesNotContain("ann@example.com"));
            } finally {
                server.close();
            }
        }
    }
}
