package dev.nps.engine.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nps.api.ChannelName;
import dev.nps.api.Contact;
import dev.nps.api.ErrorCode;
import dev.nps.api.Event;
import dev.nps.api.NpsException;
import dev.nps.api.ReminderPolicy;
import dev.nps.api.Response;
import dev.nps.api.Survey;
import dev.nps.engine.links.ResponseLinks;
import dev.nps.engine.links.TokenCheck;
import dev.nps.spi.Delivery;
import dev.nps.spi.Invitation;
import dev.nps.spi.InvitationSkip;
import dev.nps.spi.InvitationStatus;
import dev.nps.spi.SendOutcome;
import dev.nps.spi.SkipReason;
import dev.nps.spi.Unsubscribe;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DispatcherTest {
    private final Fixture f = new Fixture();
    private final Invitations invitations = f.invitations();

    private Invitation invite(String contact) {
        return invitations.publish(Event.of("order.completed", "o-" + contact, contact, f.clock.instant())).get(0).invitation();
    }

    private Invitation row(String id) {
        return f.outbox.findInvitation(id).orElseThrow();
    }

    @Test
    void sendsADueInvitationOnceWithElevenScoreLinksAndAnUnsubscribeLink() {
        f.survey("s");
        f.contact("c-1");
        Invitation inv = invite("c-1");
        ResponseLinks links = new ResponseLinks(URI.create("https://acme.example/nps"), f.outbox, f.clock, new SecureRandom(),
                ResponseLinks.DEFAULT_EXPIRY);
        Dispatcher d = f.dispatcher("a").responseLinks(links).build();

        assertThat(d.runOnce()).isEqualTo(1);
        assertThat(d.runOnce()).isZero();

        Delivery delivery = f.email.deliveries().get(0);
        assertThat(f.email.deliveries()).hasSize(1);
        assertThat(delivery.attempt()).isEqualTo(1);
        assertThat(delivery.scoreLinks()).hasSize(11);
        assertThat(delivery.scoreLinks().get(7).toString()).startsWith("https://acme.example/nps/r/").endsWith("?score=7");
        String token = delivery.unsubscribeLink().orElseThrow().getPath().substring("/nps/u/".length());
        assertThat(links.check(token)).isInstanceOf(TokenCheck.Valid.class);
        assertThat(row(inv.id()).status()).isEqualTo(InvitationStatus.SENT);
        assertThat(row(inv.id()).sentAt()).contains(f.clock.instant());
        assertThat(d.stats().sent()).isEqualTo(1);
    }

    @Test
    void waitsForTheTriggersDelay() {
        f.save(Survey.builder("s").trigger(new dev.nps.api.Trigger.OnEvent("order.completed", Duration.ofDays(3), java.util.Map.of())).build());
        f.contact("c-1");
        invite("c-1");
        Dispatcher d = f.dispatcher("a").build();
        assertThat(d.runOnce()).isZero();
        f.clock.advance(Duration.ofDays(3));
        assertThat(d.runOnce()).isEqualTo(1);
        assertThat(f.email.deliveries()).hasSize(1);
    }

    @Test
    void unsubscribeBetweenCreationAndSendingSkipsAndRecordsIt() {
        f.survey("s");
        f.contact("c-1");
        Invitation inv = invite("c-1");
        f.outbox.unsubscribe(new Unsubscribe("c-1", Optional.of("s"), f.clock.instant()));

        f.dispatcher("a").build().runOnce();

        assertThat(f.email.deliveries()).isEmpty();
        assertThat(row(inv.id()).status()).isEqualTo(InvitationStatus.SKIPPED);
        assertThat(f.outbox.findSkips("c-1")).singleElement().satisfies(s -> {
            assertThat(s.reason()).isEqualTo(SkipReason.UNSUBSCRIBED);
            assertThat(s.stage()).isEqualTo(InvitationSkip.Stage.SEND);
            assertThat(s.invitationId()).isEqualTo(inv.id());
        });
    }

    @Test
    void consentWithdrawnBeforeSendingFallsBackToAnotherChannel() {
        f.survey("s");
        f.save(Contact.of("c-1").email("a@example.com").phone("+4915112345678").build());
        Invitation inv = invite("c-1");
        f.save(f.store.findContact("c-1").get().toBuilder().consent(ChannelName.EMAIL, false).build());

        f.dispatcher("a").build().runOnce();

        assertThat(f.email.deliveries()).isEmpty();
        assertThat(f.sms.deliveries()).hasSize(1);
        assertThat(row(inv.id()).channel()).isEqualTo(ChannelName.SMS);
    }

    @Test
    void aMessageThatBecameDueInsideQuietHoursIsDeferredNotDropped() {
        f.survey("s");
        f.save(Contact.of("c-1").email("a@example.com").zone("Europe/Berlin").build());
        f.clock.set(Instant.parse("2026-03-28T12:00:00Z"));
        Invitation inv = invite("c-1"); // 13:00 Berlin: due now
        f.clock.set(Instant.parse("2026-03-28T21:30:00Z")); // 22:30 CET, the night before spring-forward
        Dispatcher d = f.dispatcher("a").build();

        d.runOnce();
        assertThat(f.email.deliveries()).isEmpty();
        assertThat(row(inv.id()).status()).isEqualTo(InvitationStatus.PENDING);
        assertThat(row(inv.id()).dueAt()).isEqualTo(Instant.parse("2026-03-29T06:00:00Z")); // 08:00 CEST
        assertThat(row(inv.id()).attempts()).isZero();

        f.clock.set(Instant.parse("2026-03-29T05:59:00Z"));
        d.runOnce();
        assertThat(f.email.deliveries()).isEmpty();
        f.clock.set(Instant.parse("2026-03-29T06:00:00Z"));
        d.runOnce();
        assertThat(f.email.deliveries()).hasSize(1);
    }

    @Test
    void aCrashAfterClaimingBeforeSendingSendsAfterTheLeaseRunsOut() {
        f.survey("s");
        f.contact("c-1");
        Invitation inv = invite("c-1");
        f.email.then(RecordingChannel.CRASH_BEFORE_SEND);
        Dispatcher crashing = f.dispatcher("a").lease(Duration.ofMinutes(2)).build();
        Dispatcher survivor = f.dispatcher("b").build();

        assertThatThrownBy(crashing::runOnce).isInstanceOf(RecordingChannel.SimulatedCrash.class);
        assertThat(row(inv.id()).status()).isEqualTo(InvitationStatus.CLAIMED);
        assertThat(survivor.runOnce()).as("the lease still holds").isZero();

        f.clock.advance(Duration.ofMinutes(2).plusSeconds(1));
        assertThat(survivor.runOnce()).isEqualTo(1);
        assertThat(f.email.sentTo(inv.id())).isEqualTo(1);
        assertThat(row(inv.id()).status()).isEqualTo(InvitationStatus.SENT);
        assertThat(row(inv.id()).recoveredClaims()).isEqualTo(1);
    }

    @Test
    void aCrashAfterAcceptBeforeRecordingSendsAtMostOneDuplicateAndCountsIt() {
        f.survey("s");
        f.contact("c-1");
        Invitation inv = invite("c-1");
        f.email.then(RecordingChannel.CRASH_AFTER_ACCEPT);
        Dispatcher crashing = f.dispatcher("a").build();
        Dispatcher survivor = f.dispatcher("b").build();

        assertThatThrownBy(crashing::runOnce).isInstanceOf(RecordingChannel.SimulatedCrash.class);
        f.clock.advance(Dispatcher.DEFAULT_LEASE.plusSeconds(1));
        survivor.runOnce();
        f.clock.advance(Duration.ofDays(1));
        survivor.runOnce();

        // Documented outcome: the channel saw the invitation twice, both with the same invitation id; the take-over
        // is counted on the row; nothing is sent a third time.
        assertThat(f.email.sentTo(inv.id())).isEqualTo(2);
        assertThat(f.email.deliveries()).extracting(Delivery::attempt).containsExactly(1, 1);
        assertThat(row(inv.id()).recoveredClaims()).isEqualTo(1);
        assertThat(row(inv.id()).status()).isEqualTo(InvitationStatus.SENT);
        assertThat(survivor.stats().takenOver()).isEqualTo(1);
        assertThat(survivor.stats().sent()).isEqualTo(1);
    }

    @Test
    void aZombieWorkerCannotOverwriteTheNewerResult() {
        f.survey("s");
        f.contact("c-1");
        Invitation inv = invite("c-1");
        Dispatcher survivor = f.dispatcher("b").build();
        List<Integer> survivorHandled = new ArrayList<>();
        // The zombie's send hangs past its lease; meanwhile the survivor takes the row over and sends it.
        f.email.then(d -> {
            f.clock.advance(Dispatcher.DEFAULT_LEASE.plusSeconds(1));
            survivorHandled.add(survivor.runOnce());
            return new SendOutcome.Permanent("mailbox unknown", true);
        });
        Dispatcher zombie = f.dispatcher("a").build();

        zombie.runOnce();

        assertThat(survivorHandled).containsExactly(1);
        Invitation stored = row(inv.id());
        assertThat(stored.status()).as("the survivor's result stands").isEqualTo(InvitationStatus.SENT);
        assertThat(stored.fence()).isEqualTo(2);
        assertThat(zombie.stats().fencedOut()).isEqualTo(1);
        assertThat(zombie.stats().failed()).isZero();
        assertThat(f.outbox.findSuppression("c-1@example.com")).as("a fenced-out outcome has no side effects").isEmpty();
    }

    @Test
    void retryableOutcomesBackOffWithFullJitterAndHonourRetryAfter() {
        f.survey("s");
        f.contact("c-1");
        Invitation inv = invite("c-1");
        f.email.thenAnswer(new SendOutcome.Retryable(Optional.empty(), "451 try later", false),
                new SendOutcome.Retryable(Optional.of(Duration.ofHours(2)), "429", false));
        Random seeded = new Random(7);
        Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofHours(1), new Random(7));
        Dispatcher d = f.dispatcher("a").backoff(backoff).build();

        Instant t0 = f.clock.instant();
        d.runOnce();
        long expectedMillis = (long) (seeded.nextDouble() * (30_000 + 1));
        assertThat(row(inv.id()).dueAt()).isEqualTo(t0.plusMillis(expectedMillis));
        assertThat(row(inv.id()).attempts()).isEqualTo(1);
        assertThat(row(inv.id()).lastOutcome()).contains("retryable: 451 try later");

        f.clock.set(row(inv.id()).dueAt());
        Instant t1 = f.clock.instant();
        d.runOnce();
        assertThat(row(inv.id()).dueAt()).as("retry-after beats the jitter").isEqualTo(t1.plus(Duration.ofHours(2)));

        f.clock.set(row(inv.id()).dueAt());
        d.runOnce();
        assertThat(row(inv.id()).status()).isEqualTo(InvitationStatus.SENT);
        assertThat(f.email.deliveries()).extracting(Delivery::attempt).containsExactly(1, 2, 3);
        assertThat(d.stats().retried()).isEqualTo(2);
    }

    @Test
    void aChannelThatIsDownIsPausedWithoutBurningAttempts() {
        f.survey("s");
        f.contact("c-1");
        f.contact("c-2");
        Invitation a = invite("c-1");
        Invitation b = invite("c-2");
        f.email.thenAnswer(new SendOutcome.Retryable(Optional.empty(), "connection refused", true));
        Dispatcher d = f.dispatcher("a").channelPolicy(ChannelName.EMAIL, ChannelPolicy.DEFAULT).build();

        d.runOnce();
        assertThat(f.email.deliveries()).as("the second message is not tried against a down channel").hasSize(1);
        assertThat(row(a.id()).attempts()).isZero();
        assertThat(row(b.id()).attempts()).isZero();
        assertThat(row(a.id()).status()).isEqualTo(InvitationStatus.PENDING);

        f.clock.advance(Duration.ofSeconds(10));
        assertThat(d.runOnce()).as("paused channel rows are not even claimed").isZero();
        f.clock.advance(Duration.ofSeconds(21));
        d.runOnce();
        assertThat(row(a.id()).status()).isEqualTo(InvitationStatus.SENT);
        assertThat(row(b.id()).status()).isEqualTo(InvitationStatus.SENT);
    }

    @Test
    void aProbeThatFindsTheChannelStillDownDoublesThePause() {
        f.survey("s");
        f.contact("c-1");
        Invitation inv = invite("c-1");
        SendOutcome down = new SendOutcome.Retryable(Optional.empty(), "connection refused", true);
        f.email.thenAnswer(down, down);
        Dispatcher d = f.dispatcher("a").build();
        Instant t0 = f.clock.instant();

        d.runOnce();
        assertThat(row(inv.id()).dueAt()).isEqualTo(t0.plusSeconds(30));
        f.clock.set(t0.plusSeconds(30));
        d.runOnce();
        assertThat(row(inv.id()).dueAt()).as("second pause: 60 s").isEqualTo(t0.plusSeconds(90));
        f.clock.set(t0.plusSeconds(90));
        d.runOnce();
        assertThat(row(inv.id()).status()).isEqualTo(InvitationStatus.SENT);
        assertThat(row(inv.id()).attempts()).as("only the accepted send counts").isEqualTo(1);
    }

    @Test
    void aPermanentFailureIsRecordedAndSuppressesTheAddressWhenTheChannelSaysSo() {
        f.survey("s");
        f.contact("c-1");
        Invitation inv = invite("c-1");
        f.email.thenAnswer(new SendOutcome.Permanent("550 no such user", true));
        Dispatcher d = f.dispatcher("a").build();

        d.runOnce();

        assertThat(row(inv.id()).status()).isEqualTo(InvitationStatus.FAILED);
        assertThat(row(inv.id()).lastOutcome()).contains("permanent: 550 no such user");
        assertThat(f.outbox.findSuppression("C-1@example.com")).get().satisfies(s -> assertThat(s.reason()).contains("550"));
    }

    @Test
    void aSecondInvitationToTheSameContactInTheSameBatchIsSkippedForFatigue() {
        f.survey("s");
        f.survey("t");
        f.contact("c-1");
        Instant now = f.clock.instant();
        // Both rows are due at once (inserted without the creation-time guard), so one round claims both.
        f.outbox.insertInvitation(Invitation.pending("i-1", "k-1", "s", "c-1", ChannelName.EMAIL, "test", now, now), Optional.empty());
        f.outbox.insertInvitation(Invitation.pending("i-2", "k-2", "t", "c-1", ChannelName.EMAIL, "test", now, now), Optional.empty());
        Dispatcher d = f.dispatcher("a").build();

        assertThat(d.runOnce()).isEqualTo(2);

        assertThat(f.email.deliveries()).extracting(Delivery::invitationId).containsExactly("i-1");
        assertThat(row("i-1").status()).isEqualTo(InvitationStatus.SENT);
        assertThat(row("i-2").status()).isEqualTo(InvitationStatus.SKIPPED);
        assertThat(f.outbox.findSkips("c-1")).extracting(InvitationSkip::reason).containsExactly(SkipReason.FATIGUE);
        assertThat(d.stats().sent()).isEqualTo(1);
        assertThat(d.stats().skipped()).isEqualTo(1);
    }

    @Test
    void aSuppressionFromAPermanentFailureSkipsTheSameBatchsLaterRowToThatAddress() {
        f.survey("s");
        f.survey("t");
        f.contact("c-1");
        Instant now = f.clock.instant();
        f.outbox.insertInvitation(Invitation.pending("i-1", "k-1", "s", "c-1", ChannelName.EMAIL, "test", now, now), Optional.empty());
        // A reminder is never fatigued, so only the suppression can stop it.
        f.outbox.insertInvitation(new Invitation("i-2", "root-2", "k-2", "t", "c-1", ChannelName.EMAIL, 1, "reminder",
                InvitationStatus.PENDING, now, now, 0, Optional.empty(), Optional.empty(), 0, 0, Optional.empty(), Optional.empty(),
                Optional.empty()), Optional.empty());
        f.email.thenAnswer(new SendOutcome.Permanent("550 no such user", true));
        Dispatcher d = f.dispatcher("a").build();

        assertThat(d.runOnce()).isEqualTo(2);

        assertThat(row("i-1").status()).isEqualTo(InvitationStatus.FAILED);
        assertThat(f.email.deliveries()).extracting(Delivery::invitationId).containsExactly("i-1");
        assertThat(row("i-2").status()).as("the address was suppressed before its turn; no phone to fall back to").isEqualTo(InvitationStatus.SKIPPED);
        assertThat(f.outbox.findSkips("c-1")).extracting(InvitationSkip::reason).containsExactly(SkipReason.SUPPRESSED);
    }

    @Test
    void ambiguousOutcomesFollowTheChannelsPolicy() {
        f.survey("s");
        f.contact("c-1");
        f.contact("c-2");
        Invitation inv = invite("c-1");
        f.email.thenAnswer(new SendOutcome.Ambiguous("timeout after DATA"));
        f.dispatcher("a").build().runOnce();
        assertThat(row(inv.id()).status()).isEqualTo(InvitationStatus.SENT);

        Fixture g = new Fixture();
        g.survey("s");
        g.contact("c-2");
        Invitation other = g.invitations().publish(Event.of("order.completed", "o", "c-2", g.clock.instant())).get(0).invitation();
        g.email.thenAnswer(new SendOutcome.Ambiguous("timeout"));
        g.dispatcher("a").channelPolicy(ChannelName.EMAIL, ChannelPolicy.DEFAULT.withAmbiguous(ChannelPolicy.AmbiguousPolicy.RETRY))
                .build().runOnce();
        assertThat(g.outbox.findInvitation(other.id()).get().status()).isEqualTo(InvitationStatus.PENDING);
        assertThat(g.outbox.findInvitation(other.id()).get().attempts()).isEqualTo(1);
    }

    @Test
    void outOfAttemptsGoesToTheDeadLetterListAndCanBeRequeued() {
        f.survey("s");
        f.contact("c-1");
        Invitation inv = invite("c-1");
        f.email.otherwise(d -> new SendOutcome.Retryable(Optional.empty(), "busy", false));
        List<Invitation> dead = new ArrayList<>();
        Dispatcher d = f.dispatcher("a").maxAttempts(3).deadLetterListener(dead::add).build();

        for (int i = 0; i < 3; i++) {
            d.runOnce();
            f.clock.advance(Duration.ofHours(1));
        }

        assertThat(row(inv.id()).status()).isEqualTo(InvitationStatus.DEAD);
        assertThat(dead).singleElement().satisfies(x -> assertThat(x.lastOutcome().get()).contains("after 3 attempts"));
        assertThat(d.deadLetters(10)).extracting(Invitation::id).containsExactly(inv.id());

        f.email.otherwise(x -> SendOutcome.accepted());
        assertThat(d.requeue(inv.id())).isTrue();
        assertThat(d.requeue(inv.id())).as("only dead or failed rows").isFalse();
        d.runOnce();
        assertThat(row(inv.id()).status()).isEqualTo(InvitationStatus.SENT);
    }

    @Test
    void anInvitationOlderThanTheMaximumAgeIsDead() {
        f.survey("s");
        f.contact("c-1");
        Invitation inv = invite("c-1");
        f.clock.advance(Duration.ofDays(4));
        f.dispatcher("a").build().runOnce();
        assertThat(row(inv.id()).status()).isEqualTo(InvitationStatus.DEAD);
        assertThat(f.email.deliveries()).isEmpty();
    }

    @Test
    void theRateLimitDefersWithoutBurningAttempts() {
        f.fatigue = new dev.nps.engine.rules.FatiguePolicy(Duration.ofSeconds(1), dev.nps.engine.rules.FatiguePolicy.Scope.PER_SURVEY);
        Invitations inv = f.invitations();
        f.survey("s");
        for (int i = 0; i < 5; i++) {
            f.contact("c-" + i);
            inv.publish(Event.of("order.completed", "o-" + i, "c-" + i, f.clock.instant()));
        }
        Dispatcher d = f.dispatcher("a").channelPolicy(ChannelName.EMAIL, ChannelPolicy.DEFAULT.withRate(1, 2)).build();

        d.runOnce();
        assertThat(f.email.deliveries()).as("burst of two").hasSize(2);
        assertThat(d.stats().deferred()).isEqualTo(3);
        f.clock.advance(Duration.ofSeconds(1));
        d.runOnce();
        assertThat(f.email.deliveries()).hasSize(3);
        f.clock.advance(Duration.ofSeconds(2));
        d.runOnce();
        assertThat(f.email.deliveries()).hasSize(5);
        assertThat(f.outbox.findInvitations(InvitationStatus.SENT, 10)).allSatisfy(x -> assertThat(x.attempts()).isEqualTo(1));
    }

    @Test
    void remindersGoToNonRespondersOnlyAfterTheDelayAtMostN() {
        f.save(Survey.builder("s").triggeredBy("order.completed").reminders(new ReminderPolicy(Duration.ofDays(3), 2)).build());
        f.contact("silent");
        f.contact("answers");
        Invitation silent = invite("silent");
        Invitation answers = invite("answers");
        Dispatcher d = f.dispatcher("a").build();
        d.runOnce();
        assertThat(f.email.deliveries()).hasSize(2);

        f.store.insertResponse(Response.builder("s", 9).invitation(answers.id()).contact("answers").build(f.clock.instant()));
        f.clock.advance(Duration.ofDays(2));
        d.runOnce();
        assertThat(f.email.deliveries()).as("not before the delay").hasSize(2);

        for (int i = 0; i < 4; i++) {
            f.clock.advance(Duration.ofDays(3));
            d.runOnce();
        }
        assertThat(f.email.deliveries()).filteredOn(x -> x.contact().id().equals("silent"))
                .extracting(Delivery::reminder).containsExactly(0, 1, 2);
        assertThat(f.email.deliveries()).filteredOn(x -> x.contact().id().equals("answers")).hasSize(1);
        assertThat(f.outbox.findInvitationsByContact("silent")).allSatisfy(x -> assertThat(x.rootId()).isEqualTo(silent.id()));
        assertThat(d.stats().remindersCreated()).isEqualTo(2);
    }

    @Test
    void aReminderDueAfterAResponseIsSkipped() {
        f.save(Survey.builder("s").triggeredBy("order.completed").reminders(new ReminderPolicy(Duration.ofDays(3), 1)).build());
        f.contact("c-1");
        Invitation inv = invite("c-1");
        Dispatcher d = f.dispatcher("a").build();
        d.runOnce();
        f.clock.advance(Duration.ofDays(3));
        // The reminder row is created in the night (quiet hours) and the contact answers before it goes out.
        f.clock.set(Instant.parse("2026-01-09T22:00:00Z"));
        d.runOnce();
        f.store.insertResponse(Response.builder("s", 3).invitation(inv.id()).contact("c-1").build(f.clock.instant()));
        f.clock.set(Instant.parse("2026-01-10T09:00:00Z"));
        d.runOnce();

        assertThat(f.email.deliveries()).hasSize(1);
        assertThat(f.outbox.findSkips("c-1")).singleElement().satisfies(s -> assertThat(s.reason()).isEqualTo(SkipReason.ALREADY_RESPONDED));
    }

    @Test
    void aChannelThatThrowsIsRetriedNotLost() {
        f.survey("s");
        f.contact("c-1");
        Invitation inv = invite("c-1");
        f.email.then(x -> {
            throw new IllegalStateException("bug in plug-in");
        });
        f.dispatcher("a").build().runOnce();
        assertThat(row(inv.id()).status()).isEqualTo(InvitationStatus.PENDING);
        assertThat(row(inv.id()).lastOutcome()).contains("retryable: channel threw IllegalStateException");
    }

    @Test
    void buildReportsEveryMissingPieceAtOnce() {
        assertThatThrownBy(() -> Dispatcher.builder().build()).isInstanceOf(NpsException.class)
                .hasMessageContaining("store").hasMessageContaining("dispatchStore").hasMessageContaining("channel")
                .hasMessageContaining("clock")
                .satisfies(e -> assertThat(((NpsException) e).code()).isEqualTo(ErrorCode.CONFIGURATION));
    }

    @Test
    void aClosedDispatcherRefusesRounds() {
        Dispatcher d = f.dispatcher("a").build();
        d.close();
        assertThatThrownBy(d::runOnce).isInstanceOf(NpsException.class)
                .satisfies(e -> assertThat(((NpsException) e).code()).isEqualTo(ErrorCode.CLOSED));
    }
}
