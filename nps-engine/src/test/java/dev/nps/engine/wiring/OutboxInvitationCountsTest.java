package dev.nps.engine.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nps.api.ChannelName;
import dev.nps.api.Contact;
import dev.nps.api.NpsException;
import dev.nps.api.ReminderPolicy;
import dev.nps.api.Response;
import dev.nps.engine.NpsEngine;
import dev.nps.engine.alerts.AlertMonitor;
import dev.nps.engine.alerts.AlertRelay;
import dev.nps.engine.alerts.ResponseRateRule;
import dev.nps.engine.dispatch.OutboxInvitationCounts;
import dev.nps.engine.dispatch.PipelineFollowUps;
import dev.nps.engine.workflow.FollowUpRequest;
import dev.nps.spi.Alert;
import dev.nps.testkit.RecordingAlertSink;
import dev.nps.testkit.RecordingChannel;
import dev.nps.testkit.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OutboxInvitationCountsTest {
    private static final Instant WEEK1 = Instant.parse("2026-01-05T10:00:00Z");
    private static final Instant WEEK2 = WEEK1.plus(Duration.ofDays(7));
    private final SettableClock clock = new SettableClock(WEEK1);
    private final RecordingChannel email = RecordingChannel.email();
    private final NpsEngine nps = NpsEngine.builder().inMemoryStore().channel(email).clock(clock).discoverProviders(false)
            .config(Map.of("nps.dispatch.fatigue-window", "1d")).build();
    private final OutboxInvitationCounts counts = nps.dispatch().invitationCounts();

    OutboxInvitationCountsTest() {
        nps.surveys().define("s").sendVia(ChannelName.EMAIL).reminders(ReminderPolicy.NONE).save();
        nps.surveys().define("other").sendVia(ChannelName.EMAIL).reminders(ReminderPolicy.NONE).save();
        nps.surveys().define("thanks").sendVia(ChannelName.EMAIL).save();
    }

    @AfterEach
    void close() {
        nps.close();
    }

    /** Invites {@code n} new contacts to survey s now, sends, and answers the first {@code answered}. */
    private void week(String prefix, int n, int answered) {
        for (int i = 0; i < n; i++) {
            nps.contacts().upsert(Contact.of(prefix + i).email(prefix + i + "@example.com"));
            nps.invite("s", prefix + i);
        }
        nps.dispatch().runOnce();
        for (int i = 0; i < answered; i++) {
            String inv = nps.dispatch().outbox().findInvitationsByContact(prefix + i).get(0).id();
            nps.responses().record(Response.builder("s", 8).id("inv-" + inv).invitation(inv).contact(prefix + i).build(clock.instant()));
        }
    }

    @Test
    void theFunnelCountsFirstInvitationsCreatedInThePeriodAndWhatBecameOfThem() {
        week("a", 10, 4);
        nps.contacts().upsert(Contact.of("x").email("x@example.com"));
        nps.dispatch().rules().suppress("x@example.com", "hard bounce");
        nps.invite("s", "x");
        nps.invite("other", "a0");
        nps.dispatch().runOnce();
        // A follow-up message is not an invitation to count.
        new PipelineFollowUps(nps.dispatch().invitations(), Map.of(FollowUpRequest.Kind.THANK_YOU, "thanks"))
                .send(new FollowUpRequest("k-1", FollowUpRequest.Kind.THANK_YOU, "inv-1", "s", "a1", 10));
        nps.dispatch().runOnce();

        Instant to = WEEK1.plus(Duration.ofDays(1));
        assertThat(counts.funnel(Optional.of("s"), WEEK1, to)).isEqualTo(new OutboxInvitationCounts.Funnel(11, 1, 10, 4));
        assertThat(counts.funnel(Optional.of("s"), WEEK1, to).responseRate()).isEqualTo(0.4);
        // The invitation to the other survey is inside a0's fatigue window: created and skipped.
        assertThat(counts.funnel(Optional.empty(), WEEK1, to)).isEqualTo(new OutboxInvitationCounts.Funnel(12, 2, 10, 4));
        assertThat(counts.sent(Optional.of("s"), WEEK1, to)).isEqualTo(10);
        assertThat(counts.sent(Optional.empty(), WEEK1, to)).isEqualTo(10);
        assertThat(counts.sent(Optional.of("s"), to, to.plus(Duration.ofDays(1)))).isZero();
        assertThat(counts.funnel(Optional.of("s"), to, to.plus(Duration.ofDays(1))).responseRate()).isNaN();
        assertThatThrownBy(() -> counts.sent(Optional.empty(), to, WEEK1)).isInstanceOf(NpsException.class).hasMessageContaining("to");
    }

    @Test
    void theResponseRateRuleRaisesAnAlertFromTheOutboxNumbers() {
        week("a", 60, 36);
        clock.set(WEEK2);
        week("b", 60, 9);
        clock.set(WEEK2.plus(Duration.ofDays(6)));

        RecordingAlertSink sink = new RecordingAlertSink("chat");
        AlertRelay relay = AlertRelay.builder().clock(clock).alertSink(sink).build();
        // engine(...) takes the counts from the engine's dispatch pipeline (the same as invitations(counts)).
        AlertMonitor monitor = AlertMonitor.builder().engine(nps).publisher(relay)
                .rule(ResponseRateRule.named("rate").survey("s").period(Duration.ofDays(7)).build()).build();

        assertThat(monitor.runOnce()).singleElement().satisfies(a -> {
            assertThat(a.ruleId()).isEqualTo("rate");
            assertThat(a.facts()).containsEntry("invitationsRecent", "60").containsEntry("invitationsBaseline", "60")
                    .containsEntry("rateRecent", "15.0").containsEntry("rateBaseline", "60.0");
        });
        relay.deliverDue();
        assertThat(sink.alerts()).extracting(Alert::ruleId).containsExactly("rate");
    }
}
