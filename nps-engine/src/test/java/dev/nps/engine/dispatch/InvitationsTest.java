package dev.nps.engine.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nps.api.ChannelName;
import dev.nps.api.Contact;
import dev.nps.api.Event;
import dev.nps.api.Survey;
import dev.nps.api.Trigger;
import dev.nps.engine.rules.FatiguePolicy;
import dev.nps.spi.InvitationSkip;
import dev.nps.spi.InvitationStatus;
import dev.nps.spi.SkipReason;
import dev.nps.spi.Suppression;
import dev.nps.spi.Unsubscribe;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InvitationsTest {
    private final Fixture f = new Fixture();
    private final Invitations invitations = f.invitations();

    private Event order(String id, String contact) {
        return Event.of("order.completed", id, contact, f.clock.instant());
    }

    @Test
    void anEventCreatesOneInvitationPerMatchingSurvey() {
        f.survey("post-purchase");
        f.save(Survey.builder("support").triggeredBy("ticket.closed").build());
        f.contact("c-1");

        List<InvitationResult> results = invitations.publish(order("o-1", "c-1"));

        assertThat(results).hasSize(1);
        assertThat(results.get(0).outcome()).isEqualTo(InvitationResult.Outcome.CREATED);
        assertThat(results.get(0).invitation().surveyId()).isEqualTo("post-purchase");
        assertThat(results.get(0).invitation().channel()).isEqualTo(ChannelName.EMAIL);
    }

    @Test
    void theSameEventTwiceCreatesOneInvitation() {
        f.survey("post-purchase");
        f.contact("c-1");

        InvitationResult first = invitations.publish(order("o-1", "c-1")).get(0);
        InvitationResult second = invitations.publish(order("o-1", "c-1")).get(0);

        assertThat(second.outcome()).isEqualTo(InvitationResult.Outcome.DUPLICATE);
        assertThat(second.invitation().id()).isEqualTo(first.invitation().id());
        assertThat(f.outbox.findInvitationsByContact("c-1")).hasSize(1);
        assertThat(f.outbox.findSkips("c-1")).isEmpty();
    }

    @Test
    void aSecondEventInsideTheFatigueWindowIsSkippedWithItsReason() {
        f.survey("post-purchase");
        f.contact("c-1");
        invitations.publish(order("o-1", "c-1"));
        f.clock.advance(Duration.ofDays(30));

        InvitationResult r = invitations.publish(order("o-2", "c-1")).get(0);

        assertThat(r.outcome()).isEqualTo(InvitationResult.Outcome.SKIPPED);
        assertThat(r.skip()).get().extracting(InvitationSkip::reason).isEqualTo(SkipReason.FATIGUE);
        assertThat(r.invitation().status()).isEqualTo(InvitationStatus.SKIPPED);
        assertThat(f.outbox.findSkips("c-1")).singleElement().satisfies(s -> {
            assertThat(s.stage()).isEqualTo(InvitationSkip.Stage.CREATION);
            assertThat(s.detail()).contains("90-day window");
        });
    }

    @Test
    void afterTheFatigueWindowTheContactIsInvitedAgain() {
        f.survey("post-purchase");
        f.contact("c-1");
        invitations.publish(order("o-1", "c-1"));
        f.clock.advance(Duration.ofDays(91));

        assertThat(invitations.publish(order("o-2", "c-1")).get(0).outcome()).isEqualTo(InvitationResult.Outcome.CREATED);
    }

    @Test
    void fatigueAcrossSurveysByDefaultAndPerSurveyWhenConfigured() {
        f.survey("a");
        f.save(Survey.builder("b").triggeredBy("order.completed").build());
        f.contact("c-1");
        List<InvitationResult> across = invitations.publish(order("o-1", "c-1"));
        assertThat(across).extracting(InvitationResult::outcome)
                .containsExactly(InvitationResult.Outcome.CREATED, InvitationResult.Outcome.SKIPPED);

        Fixture g = new Fixture();
        g.fatigue = new FatiguePolicy(Duration.ofDays(90), FatiguePolicy.Scope.PER_SURVEY);
        g.survey("a");
        g.save(Survey.builder("b").triggeredBy("order.completed").build());
        g.contact("c-1");
        assertThat(g.invitations().publish(Event.of("order.completed", "o-1", "c-1", g.clock.instant())))
                .extracting(InvitationResult::outcome)
                .containsExactly(InvitationResult.Outcome.CREATED, InvitationResult.Outcome.CREATED);
    }

    @Test
    void aSurveysOwnThrottleReplacesTheDefaultWindow() {
        f.save(Survey.builder("s").triggeredBy("order.completed").throttlePerContact(Duration.ofDays(7)).build());
        f.contact("c-1");
        invitations.publish(order("o-1", "c-1"));
        f.clock.advance(Duration.ofDays(8));
        assertThat(invitations.publish(order("o-2", "c-1")).get(0).outcome()).isEqualTo(InvitationResult.Outcome.CREATED);
    }

    @Test
    void concurrentTriggersForOneContactCreateOneInvitation() throws Exception {
        f.survey("post-purchase");
        f.contact("c-1");
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<InvitationResult>>> futures = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            String eventId = "o-" + i;
            futures.add(pool.submit(() -> {
                start.await();
                return invitations.publish(order(eventId, "c-1"));
            }));
        }
        start.countDown();
        List<InvitationResult> all = new ArrayList<>();
        for (Future<List<InvitationResult>> fu : futures) {
            all.addAll(fu.get(10, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(all).filteredOn(r -> r.outcome() == InvitationResult.Outcome.CREATED).hasSize(1);
        assertThat(all).filteredOn(r -> r.outcome() == InvitationResult.Outcome.SKIPPED).hasSize(threads - 1)
                .allSatisfy(r -> assertThat(r.skip().get().reason()).isEqualTo(SkipReason.FATIGUE));
    }

    @Test
    void delayAndConditionsOnEventOrContactAttributes() {
        f.save(Survey.builder("s").trigger(new Trigger.OnEvent("order.completed", Duration.ofDays(3),
                Map.of("country", "DE", "plan", "pro"))).build());
        f.save(Contact.of("c-1").email("a@example.com").attribute("plan", "pro").build());
        f.save(Contact.of("c-2").email("b@example.com").attribute("plan", "free").build());

        Event de = order("o-1", "c-1").withAttribute("country", "DE");
        List<InvitationResult> r = invitations.publish(de);
        assertThat(r).singleElement().satisfies(x -> assertThat(x.invitation().dueAt())
                .isEqualTo(f.clock.instant().plus(Duration.ofDays(3))));

        assertThat(invitations.publish(order("o-2", "c-1").withAttribute("country", "FR"))).isEmpty();
        assertThat(invitations.publish(order("o-3", "c-2").withAttribute("country", "DE"))).isEmpty();
    }

    @Test
    void eventsOfAnotherTypeCreateNothing() {
        f.survey("post-purchase");
        f.contact("c-1");
        assertThat(invitations.publish(Event.of("order.cancelled", "o-1", "c-1", f.clock.instant()))).isEmpty();
    }

    @Test
    void unsubscribedSuppressedAndNonConsentingContactsAreSkippedWithReasons() {
        f.survey("s");
        f.contact("unsub");
        f.outbox.unsubscribe(new Unsubscribe("unsub", Optional.empty(), f.clock.instant()));
        f.contact("supp");
        f.outbox.suppress(new Suppression("SUPP@example.com", "hard bounce", f.clock.instant()));
        f.save(Contact.of("nocons").email("n@example.com").consent(ChannelName.EMAIL, false).build());
        f.save(Contact.of("noaddr").build());

        assertThat(invitations.publish(order("1", "unsub")).get(0).skip().get().reason()).isEqualTo(SkipReason.UNSUBSCRIBED);
        assertThat(invitations.publish(order("2", "supp")).get(0).skip().get().reason()).isEqualTo(SkipReason.SUPPRESSED);
        assertThat(invitations.publish(order("3", "nocons")).get(0).skip().get().reason()).isEqualTo(SkipReason.NO_CONSENT);
        InvitationSkip noAddress = invitations.publish(order("4", "noaddr")).get(0).skip().get();
        assertThat(noAddress.reason()).isEqualTo(SkipReason.NO_REACHABLE_CHANNEL);
        assertThat(noAddress.detail()).isEqualTo("email: no address for this channel; sms: no address for this channel");
        assertThat(f.outbox.recentSkips(10)).hasSize(4);
    }

    @Test
    void unsubscribingFromOneSurveyLeavesTheOthers() {
        f.survey("a");
        f.contact("c-1");
        f.outbox.unsubscribe(new Unsubscribe("c-1", Optional.of("other"), f.clock.instant()));
        assertThat(invitations.publish(order("o", "c-1")).get(0).outcome()).isEqualTo(InvitationResult.Outcome.CREATED);
    }

    @Test
    void fallsBackToSmsWhenThereIsNoEmailAddress() {
        f.survey("s");
        f.save(Contact.of("c-1").phone("+4915112345678").build());
        assertThat(invitations.publish(order("o", "c-1")).get(0).invitation().channel()).isEqualTo(ChannelName.SMS);
    }

    @Test
    void theContactsPreferenceWinsAmongTheSurveysChannels() {
        f.survey("s");
        f.save(Contact.of("c-1").email("a@example.com").phone("+4915112345678")
                .preferChannels(List.of(ChannelName.SMS)).build());
        assertThat(invitations.publish(order("o", "c-1")).get(0).invitation().channel()).isEqualTo(ChannelName.SMS);
    }

    @Test
    void aSuppressedEmailFallsBackToSms() {
        f.survey("s");
        f.save(Contact.of("c-1").email("a@example.com").phone("+4915112345678").build());
        f.outbox.suppress(new Suppression("a@example.com", "complaint", f.clock.instant()));
        assertThat(invitations.publish(order("o", "c-1")).get(0).invitation().channel()).isEqualTo(ChannelName.SMS);
    }

    @Test
    void anInvitationDueInTheQuietHoursIsDueAtTheirEnd() {
        f.survey("s");
        f.save(Contact.of("c-1").email("a@example.com").zone("America/New_York").build());
        // 10:00 UTC is 05:00 in New York: due at 08:00 EST = 13:00 UTC.
        assertThat(invitations.publish(order("o", "c-1")).get(0).invitation().dueAt())
                .isEqualTo(Instant.parse("2026-01-06T13:00:00Z"));
    }

    @Test
    void smsIsOnlySentBetweenEightAndNineInTheRecipientsZone() {
        f.survey("s");
        f.save(Contact.of("c-1").phone("+4915112345678").zone("Europe/Berlin").build());
        f.clock.set(Instant.parse("2026-07-01T19:30:00Z")); // 21:30 CEST
        InvitationResult r = invitations.publish(order("o", "c-1")).get(0);
        assertThat(r.invitation().channel()).isEqualTo(ChannelName.SMS);
        assertThat(r.invitation().dueAt()).isEqualTo(Instant.parse("2026-07-02T06:00:00Z")); // 08:00 CEST
    }

    @Test
    void manualInviteIsIdempotentOnTheCallersKey() {
        f.survey("s");
        f.contact("c-1");
        InvitationResult a = invitations.invite("s", "c-1", "crm-campaign-7");
        InvitationResult b = invitations.invite("s", "c-1", "crm-campaign-7");
        assertThat(a.outcome()).isEqualTo(InvitationResult.Outcome.CREATED);
        assertThat(b.outcome()).isEqualTo(InvitationResult.Outcome.DUPLICATE);
        assertThat(invitations.invite("s", "unknown").skip().get().reason()).isEqualTo(SkipReason.CONTACT_NOT_FOUND);
    }

    @Test
    void schedulesSendOncePerPeriodEvenWhenRunTwiceOrByTwoInstances() {
        f.fatigue = new FatiguePolicy(Duration.ofDays(1), FatiguePolicy.Scope.PER_SURVEY);
        f.save(Survey.builder("q").trigger(new Trigger.OnSchedule("quarterly")).build());
        f.contact("c-1");
        f.contact("c-2");
        ScheduleAudience audience = s -> List.of("c-1", "c-2");
        Invitations first = f.invitations();
        Invitations secondInstance = f.invitations();

        assertThat(first.runSchedules(audience)).extracting(InvitationResult::outcome)
                .containsOnly(InvitationResult.Outcome.CREATED).hasSize(2);
        f.clock.advance(Duration.ofDays(10));
        assertThat(secondInstance.runSchedules(audience)).extracting(InvitationResult::outcome)
                .containsOnly(InvitationResult.Outcome.DUPLICATE).hasSize(2);
        assertThat(f.outbox.findInvitationsByContact("c-1")).singleElement()
                .satisfies(i -> assertThat(i.source()).isEqualTo("schedule:2026-Q1"));

        f.clock.set(Instant.parse("2026-04-02T10:00:00Z"));
        assertThat(first.runSchedules(audience)).extracting(InvitationResult::outcome)
                .containsOnly(InvitationResult.Outcome.CREATED);
        List<String> sources = new ArrayList<>(f.outbox.findInvitationsByContact("c-1").stream().map(i -> i.source()).toList());
        Collections.sort(sources);
        assertThat(sources).containsExactly("schedule:2026-Q1", "schedule:2026-Q2");
    }
}
