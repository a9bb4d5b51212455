package dev.nps.engine.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nps.api.ChannelName;
import dev.nps.api.Contact;
import dev.nps.api.ErrorCode;
import dev.nps.api.NpsException;
import dev.nps.api.Response;
import dev.nps.engine.NpsEngine;
import dev.nps.engine.dispatch.Invitations;
import dev.nps.engine.dispatch.PipelineFollowUps;
import dev.nps.engine.workflow.Cases;
import dev.nps.engine.workflow.FollowUpRequest;
import dev.nps.engine.workflow.InMemoryCaseStore;
import dev.nps.engine.workflow.Workflow;
import dev.nps.spi.Invitation;
import dev.nps.spi.InvitationStatus;
import dev.nps.spi.SkipReason;
import dev.nps.testkit.RecordingChannel;
import dev.nps.testkit.SettableClock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PipelineFollowUpsTest {
    private final SettableClock clock = new SettableClock(Instant.parse("2026-01-06T10:00:00Z"));
    private final RecordingChannel email = RecordingChannel.email();
    private final NpsEngine nps = NpsEngine.builder().inMemoryStore().channel(email).clock(clock).discoverProviders(false).build();
    private final PipelineFollowUps followUps = nps.dispatch().followUps(Map.of(FollowUpRequest.Kind.REFERRAL_REQUEST, "referral"));

    PipelineFollowUpsTest() {
        nps.surveys().define("post-purchase").sendVia(ChannelName.EMAIL).save();
        nps.surveys().define("referral").question("Thanks! Would you tell a friend about us? Reply with a name and we send them a voucher.")
                .sendVia(ChannelName.EMAIL).save();
        nps.contacts().upsert(Contact.of("c-1").email("ann@example.com").zone("Europe/Berlin"));
        nps.responses().addListener(Workflow.builder().cases(new Cases(new InMemoryCaseStore(), nps.store(), clock, e -> { }))
                .roundRobin("bob").promoterFollowUp(followUps, FollowUpRequest.Kind.REFERRAL_REQUEST).build());
    }

    @AfterEach
    void close() {
        nps.close();
    }

    private Response answer(String contactId, int score) {
        String invitation = nps.invite("post-purchase", contactId).invitation().id();
        nps.dispatch().runOnce();
        return nps.responses().record(Response.builder("post-purchase", score).id("inv-" + invitation).invitation(invitation)
                .contact(contactId).channel(ChannelName.EMAIL).build(clock.instant())).response();
    }

    private List<Invitation> followUpRows(String contactId) {
        return nps.dispatch().outbox().findInvitationsByContact(contactId).stream()
                .filter(i -> i.source().startsWith(Invitations.FOLLOW_UP_SOURCE)).toList();
    }

    @Test
    void aPromoterGetsTheReferralRequestThroughTheChannelDespiteTheFatigueWindowAndOnlyOnce() {
        String responseId = answer("c-1", 10).id();
        assertThat(followUpRows("c-1")).singleElement().satisfies(i -> assertThat(i.source()).isEqualTo("follow-up:REFERRAL_REQUEST"));

        assertThat(nps.dispatch().runOnce()).isEqualTo(1);
        assertThat(email.deliveriesTo("c-1")).extracting(d -> d.survey().id()).containsExactly("post-purchase", "referral");
        assertThat(followUpRows("c-1")).singleElement().extracting(Invitation::status).isEqualTo(InvitationStatus.SENT);

        // The same request again (a retried listener) queues nothing new.
        followUps.send(new FollowUpRequest(responseId + "#REFERRAL_REQUEST", FollowUpRequest.Kind.REFERRAL_REQUEST, responseId,
                "post-purchase", "c-1", 10));
        assertThat(followUpRows("c-1")).hasSize(1);
        // A detractor gets none.
        nps.contacts().upsert(Contact.of("c-2").email("bob@example.com"));
        answer("c-2", 3);
        assertThat(followUpRows("c-2")).isEmpty();
    }

    @Test
    void theFollowUpWaitsForTheEndOfTheRecipientsQuietHours() {
        clock.set(Instant.parse("2026-01-06T20:30:00Z")); // 21:30 in Berlin, still allowed in UTC
        nps.contacts().upsert(Contact.of("c-1").email("ann@example.com").zone("UTC"));
        String inv = nps.invite("post-purchase", "c-1").invitation().id();
        nps.dispatch().runOnce();
        nps.contacts().upsert(Contact.of("c-1").email("ann@example.com").zone("Europe/Berlin"));
        nps.responses().record(Response.builder("post-purchase", 9).id("inv-" + inv).invitation(inv).contact("c-1")
                .build(clock.instant()));
        nps.dispatch().runOnce();
        assertThat(email.deliveriesTo("c-1")).extracting(d -> d.survey().id()).containsExactly("post-purchase");
        assertThat(followUpRows("c-1")).singleElement().extracting(Invitation::dueAt).isEqualTo(Instant.parse("2026-01-07T07:00:00Z"));

        clock.set(Instant.parse("2026-01-07T07:00:00Z"));
        assertThat(nps.dispatch().runOnce()).isEqualTo(1);
        assertThat(email.deliveriesTo("c-1")).extracting(d -> d.survey().id()).endsWith("referral");
    }

    @Test
    void withdrawnConsentOrASuppressedAddressStopsTheFollowUpWithTheReason() {
        nps.contacts().upsert(Contact.of("c-2").email("bob@example.com"));
        String inv = nps.invite("post-purchase", "c-2").invitation().id();
        nps.dispatch().runOnce();
        nps.dispatch().rules().consent("c-2", ChannelName.EMAIL, false);
        nps.responses().record(Response.builder("post-purchase", 10).id("inv-" + inv).invitation(inv).contact("c-2")
                .build(clock.instant()));
        assertThat(followUpRows("c-2")).singleElement().extracting(Invitation::status).isEqualTo(InvitationStatus.SKIPPED);
        assertThat(nps.dispatch().rules().skips("c-2")).extracting(s -> s.reason()).containsExactly(SkipReason.NO_CONSENT);

        answer("c-1", 10);
        nps.dispatch().rules().suppress("ann@example.com", "complaint");
        nps.dispatch().runOnce();
        assertThat(followUpRows("c-1")).singleElement().extracting(Invitation::status).isEqualTo(InvitationStatus.SKIPPED);
        assertThat(nps.dispatch().rules().skips("c-1")).extracting(s -> s.reason()).containsExactly(SkipReason.SUPPRESSED);
        assertThat(email.deliveriesTo("c-1")).extracting(d -> d.survey().id()).containsExactly("post-purchase");
    }

    @Test
    void aKindWithoutASurveyIsAConfigurationError() {
        assertThatThrownBy(() -> followUps.send(new FollowUpRequest("k", FollowUpRequest.Kind.THANK_YOU, "r-1", "post-purchase", "c-1", 10)))
                .isInstanceOf(NpsException.class).hasMessageContaining("THANK_YOU")
                .satisfies(e -> assertThat(((NpsException) e).code()).isEqualTo(ErrorCode.CONFIGURATION));
        assertThatThrownBy(() -> new PipelineFollowUps(nps.dispatch().invitations(), Map.of())).isInstanceOf(NpsException.class);
    }
}
