package dev.nps.engine.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nps.api.Category;
import dev.nps.api.Contact;
import dev.nps.api.ErrorCode;
import dev.nps.api.Event;
import dev.nps.api.NpsException;
import dev.nps.api.Score;
import dev.nps.engine.NpsEngine;
import dev.nps.engine.links.LinkResponses;
import dev.nps.spi.Delivery;
import dev.nps.spi.InvitationStatus;
import dev.nps.spi.SkipReason;
import dev.nps.testkit.SettableClock;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EngineDispatchTest {
    private final SettableClock clock = new SettableClock(Instant.parse("2026-01-06T10:00:00Z"));

    @Test
    void fromEventToSentInvitationToRecordedAnswerThroughTheEngine() {
        RecordingChannel email = RecordingChannel.email();
        List<String> heard = new ArrayList<>();
        try (NpsEngine nps = NpsEngine.builder().inMemoryStore().channel(email).clock(clock).discoverProviders(false)
                .responseLinks(URI.create("https://acme.example/nps"))
                .responseListener(new dev.nps.engine.ResponseListener() {
                    @Override
                    public void recorded(dev.nps.api.Response response) {
                        heard.add(response.id());
                    }
                })
                .build()) {
            nps.surveys().define("post-purchase").followUp(Category.DETRACTOR, "What should we fix first?")
                    .triggeredBy("order.completed").save();
            nps.contacts().upsert(Contact.of("c-42").email("ann@example.com").zone("Europe/Berlin"));

            List<InvitationResult> created = nps.events().publish(Event.of("order.completed", "order-1", "c-42", clock.instant()));
            assertThat(created).singleElement().extracting(InvitationResult::outcome).isEqualTo(InvitationResult.Outcome.CREATED);
            assertThat(nps.events().publish(Event.of("order.completed", "order-1", "c-42", clock.instant())))
                    .singleElement().extracting(InvitationResult::outcome).isEqualTo(InvitationResult.Outcome.DUPLICATE);

            assertThat(nps.dispatch().runOnce()).isEqualTo(1);
            Delivery d = email.deliveries().get(0);
            String token = d.unsubscribeLink().orElseThrow().getPath().replace("/nps/u/", "");
            LinkResponses links = nps.dispatch().linkResponses().orElseThrow();
            assertThat(links.answer(token, Score.of(3), Optional.of("late")).orElseThrow().edited()).isFalse();

            assertThat(heard).hasSize(1);
            assertThat(nps.store().findResponseByInvitation(d.invitationId())).isPresent();
            assertThat(nps.dispatch().outbox().findInvitation(d.invitationId()).get().status()).isEqualTo(InvitationStatus.SENT);

            assertThat(nps.invite("post-purchase", "c-42").skip()).get().extracting(s -> s.reason()).isEqualTo(SkipReason.FATIGUE);
            assertThat(nps.dispatch().rules().skips("c-42")).hasSize(1);
        }
    }

    @Test
    void aPersistentStoreWithoutAnOutboxIsNeverPairedWithAnInMemoryOne() {
        try (NpsEngine nps = NpsEngine.builder().store(new TestNpsStore()).channel(RecordingChannel.email()).clock(clock)
                .discoverProviders(false).build()) {
            assertThatThrownBy(nps::dispatch).isInstanceOf(NpsException.class)
                    .hasMessageContaining("dispatchStore(...)")
                    .satisfies(e -> assertThat(((NpsException) e).code()).isEqualTo(ErrorCode.CONFIGURATION));
        }
        try (NpsEngine nps = NpsEngine.builder().store(new TestNpsStore()).dispatchStore(new InMemoryDispatchStore())
                .channel(RecordingChannel.email()).clock(clock).discoverProviders(false).build()) {
            assertThat(nps.dispatch().outbox()).isInstanceOf(InMemoryDispatchStore.class);
        }
    }

    @Test
    void fatigueAndZoneAreConfiguredByKeys() {
        try (NpsEngine nps = NpsEngine.builder().inMemoryStore().channel(RecordingChannel.email()).clock(clock).discoverProviders(false)
                .config(java.util.Map.of("nps.dispatch.fatigue-window", "7d", "nps.dispatch.fatigue-scope", "per-survey",
                        "nps.dispatch.default-zone", "America/New_York"))
                .build()) {
            nps.surveys().define("a").save();
            nps.surveys().define("b").save();
            nps.contacts().upsert(Contact.of("c").email("c@example.com"));
            InvitationResult first = nps.invite("a", "c");
            // 10:00 UTC is 05:00 in New York, inside the quiet hours: due at 08:00 EST.
            assertThat(first.invitation().dueAt()).isEqualTo(Instant.parse("2026-01-06T13:00:00Z"));
            assertThat(nps.invite("b", "c").outcome()).as("per survey").isEqualTo(InvitationResult.Outcome.CREATED);
            assertThat(nps.invite("a", "c").outcome()).isEqualTo(InvitationResult.Outcome.SKIPPED);
            clock.advance(java.time.Duration.ofDays(8));
            assertThat(nps.invite("a", "c").outcome()).isEqualTo(InvitationResult.Outcome.CREATED);
        }
        try (NpsEngine nps = NpsEngine.builder().inMemoryStore().clock(clock).discoverProviders(false)
                .config(java.util.Map.of("nps.dispatch.fatigue-scope", "sometimes")).build()) {
            assertThatThrownBy(nps::dispatch).isInstanceOf(NpsException.class).hasMessageContaining("nps.dispatch.fatigue-scope");
        }
    }

    @Test
    void theDispatcherNeedsAChannelAndTheLinksBaseIsCheckedAtOnce() {
        try (NpsEngine nps = NpsEngine.builder().inMemoryStore().clock(clock).discoverProviders(false).build()) {
            assertThat(nps.dispatch().links()).isEmpty();
            assertThatThrownBy(() -> nps.dispatch().runOnce()).isInstanceOf(NpsException.class).hasMessageContaining("no channel");
        }
        assertThatThrownBy(() -> NpsEngine.builder().responseLinks(URI.create("nps"))).isInstanceOf(NpsException.class)
                .hasMessageContaining("responseLinks.base");
    }

    @Test
    void startedDispatchingStopsWithTheEngine() throws Exception {
        RecordingChannel email = RecordingChannel.email();
        java.util.concurrent.CountDownLatch sent = new java.util.concurrent.CountDownLatch(1);
        email.otherwise(d -> {
            sent.countDown();
            return dev.nps.spi.SendOutcome.accepted();
        });
        java.util.concurrent.ScheduledThreadPoolExecutor scheduler = new java.util.concurrent.ScheduledThreadPoolExecutor(1);
        try {
            NpsEngine nps = NpsEngine.builder().inMemoryStore().channel(email).clock(clock).discoverProviders(false).build();
            nps.surveys().define("s").triggeredBy("e").save();
            nps.contacts().upsert(Contact.of("c").email("c@example.com"));
            nps.events().publish(Event.of("e", "1", "c", clock.instant()));
            nps.dispatch().start(scheduler);
            // The first round runs at once on the scheduler thread.
            assertThat(sent.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            nps.close();
            assertThat(email.deliveries()).hasSize(1);
            assertThatThrownBy(nps::dispatch).isInstanceOf(NpsException.class);
        } finally {
            scheduler.shutdownNow();
        }
    }
}
