package dev.nps.engine.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nps.api.Contact;
import dev.nps.api.ErrorCode;
import dev.nps.api.NpsException;
import dev.nps.api.Response;
import dev.nps.api.Score;
import dev.nps.engine.NpsEngine;
import dev.nps.spi.Alert;
import dev.nps.spi.CaseEvent;
import dev.nps.spi.CaseStatus;
import dev.nps.spi.FollowUpCase;
import dev.nps.spi.OutgoingEvent;
import dev.nps.testkit.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WorkflowTest {
    private final SettableClock clock = SettableClock.startingMonday();
    private final NpsEngine engine = NpsEngine.builder().inMemoryStore().clock(clock).discoverProviders(false).build();
    private final List<OutgoingEvent> events = new ArrayList<>();
    private final List<Alert> notifications = new ArrayList<>();
    private final List<FollowUpRequest> followUps = new ArrayList<>();
    private final InMemoryResponseTags tags = new InMemoryResponseTags();
    private final Cases cases = new Cases(new InMemoryCaseStore(), engine.store(), clock, events::add);

    WorkflowTest() {
        engine.surveys().define("s").save();
        engine.contacts().upsert(Contact.of("c-owned").attribute("owner", "ann@example.com").build());
        engine.contacts().upsert(Contact.of("c-1").build());
        engine.contacts().upsert(Contact.of("c-2").build());
    }

    @AfterEach
    void close() {
        engine.close();
    }

    private Workflow.Builder workflow() {
        return Workflow.builder().cases(cases).attributes(r -> r.contactId().flatMap(engine.contacts()::find).map(Contact::attributes)
                        .orElse(r.attributes()))
                .ownerAttribute("owner").roundRobin("bob", "carol").sla(Duration.ofHours(48))
                .notifyOwners(notifications::add).promoterFollowUp(followUps::add, FollowUpRequest.Kind.REVIEW_REQUEST).tagger(tags);
    }

    private Response record(String id, String contact, int score) {
        return engine.responses().record(Response.builder("s", score).id(id).contact(contact).build(clock.instant())).response();
    }

    @Test
    void detractorOpensACaseOwnedByTheContactsOwnerAndNotifiesThem() {
        engine.responses().addListener(workflow().build());
        record("r-1", "c-owned", 2);

        FollowUpCase c = cases.forResponse("r-1").orElseThrow();
        assertThat(c.owner()).isEqualTo("ann@example.com");
        assertThat(c.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(c.dueAt()).isEqualTo(clock.instant().plus(Duration.ofHours(48)));
        assertThat(c.history()).singleElement().satisfies(e -> assertThat(e.actor()).isEqualTo(Cases.SYSTEM));
        assertThat(notifications).singleElement().satisfies(a -> {
            assertThat(a.facts()).containsEntry("notifyEmail", "ann@example.com").containsEntry("caseId", c.id());
            assertThat(a.ruleId()).isEqualTo(Workflow.CASE_RULE);
        });
        assertThat(events).extracting(OutgoingEvent::type).containsExactly(OutgoingEvent.CASE_OPENED);
        assertThat(tags.tagsOf("r-1")).containsExactly(Workflow.TAG_CASE);
        assertThat(followUps).isEmpty();
    }

    @Test
    void ownersWithoutTheAttributeAreTakenInTurn() {
        engine.responses().addListener(workflow().build());
        record("r-1", "c-1", 1);
        record("r-2", "c-2", 1);
        record("r-3", "c-1", 1);
        assertThat(cases.list()).extracting(FollowUpCase::owner).containsExactly("bob", "carol", "bob");
    }

    @Test
    void casesMoveOpenContactedResolvedAndRejectOtherMoves() {
        engine.responses().addListener(workflow().build());
        record("r-1", "c-1", 3);
        String id = cases.forResponse("r-1").orElseThrow().id();

        assertThatThrownBy(() -> cases.resolve(id, "bob", "done"))
                .isInstanceOfSatisfying(NpsException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
                    assertThat(e.getMessage()).contains("cannot move from OPEN to RESOLVED", "allowed: [CONTACTED, WONT_FIX]");
                });
        clock.advance(Duration.ofHours(5));
        cases.contacted(id, "bob", "called, shipping was late");
        clock.advance(Duration.ofHours(1));
        cases.note(id, "carol", "sent a voucher");
        FollowUpCase resolved = cases.resolve(id, "bob", "customer happy");

        assertThat(resolved.status()).isEqualTo(CaseStatus.RESOLVED);
        assertThat(resolved.timeToFirstContact()).contains(Duration.ofHours(5));
        assertThat(resolved.notes()).containsExactly("called, shipping was late", "sent a voucher", "customer happy");
        assertThat(resolved.history()).extracting(CaseEvent::action).containsExactly("opened", "contacted", "note", "resolved");
        assertThat(resolved.history()).extracting(CaseEvent::actor).containsExactly("system", "bob", "carol", "bob");
        assertThat(resolved.history().get(1).at()).isEqualTo(Instant.parse("2026-01-05T14:00:00Z"));
        assertThat(events).extracting(OutgoingEvent::type).containsExactly(OutgoingEvent.CASE_OPENED, OutgoingEvent.CASE_RESOLVED);
        assertThatThrownBy(() -> cases.wontFix(id, "bob", "x")).hasMessageContaining("the case is closed");
        assertThatThrownBy(() -> cases.contacted("nope", "bob", null)).isInstanceOfSatisfying(NpsException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
    }

    @Test
    void promotersGetTheFollowUpAndEditsAreFollowed() {
        engine.responses().addListener(workflow().build());
        record("r-1", "c-1", 10);
        assertThat(followUps).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FollowUpRequest.Kind.REVIEW_REQUEST);
            assertThat(f.contactId()).isEqualTo("c-1");
        });
        assertThat(tags.tagsOf("r-1")).containsExactly("promoter-review-request");

        engine.responses().edit("r-1", Score.of(4), Optional.empty());
        FollowUpCase c = cases.forResponse("r-1").orElseThrow();
        engine.responses().edit("r-1", Score.of(6), Optional.empty());
        assertThat(cases.find(c.id()).orElseThrow().history()).extracting(CaseEvent::action).containsExactly("opened", "response_edited");
        assertThat(followUps).hasSize(1);
    }

    @Test
    void metricsShowSpeedSlaAndWhetherClosingTheLoopWorks() {
        engine.responses().addListener(workflow().sla(Duration.ofHours(24)).build());
        Instant start = clock.instant();
        for (int i = 0; i < 40; i++) {
            engine.contacts().upsert(Contact.of("m-" + i).build());
            record("first-" + i, "m-" + i, 3);
        }
        for (int i = 0; i < 40; i++) {
            String id = cases.forResponse("first-" + i).orElseThrow().id();
            if (i < 30) {
                clock.set(start.plus(Duration.ofHours(i < 20 ? 2 : 30)));
                cases.contacted(id, "bob", null);
                if (i < 20) {
                    cases.resolve(id, "bob", null);
                } else {
                    cases.wontFix(id, "bob", "cannot help");
                }
            }
        }
        clock.set(start.plus(Duration.ofDays(30)));
        for (int i = 0; i < 40; i++) {
            // Resolved contacts answer 9-10 mostly; the others stay detractors.
            record("later-" + i, "m-" + i, i < 20 ? (i % 4 == 0 ? 7 : 10) : 3);
        }
        CaseMetrics m = cases.metrics(start, start.plus(Duration.ofDays(1)), 0.05);
        assertThat(m.cases()).isEqualTo(40);
        assertThat(m.resolved()).isEqualTo(20);
        assertThat(m.wontFix()).isEqualTo(10);
        assertThat(m.open()).isEqualTo(10);
        assertThat(m.medianTimeToFirstContact()).contains(Duration.ofHours(2));
        assertThat(m.contactedWithinSlaShare()).isEqualTo(0.5);
        assertThat(m.closedWithinSlaShare()).isEqualTo(0.5);
        assertThat(m.laterResolved().total()).isEqualTo(20);
        assertThat(m.laterNotResolved().total()).isEqualTo(20);
        assertThat(m.resolvedVsNot().difference()).isEqualTo(175.0);
        assertThat(m.resolvedVsNot().significant()).isTrue();
    }

    @Test
    void rejectsABadWorkflowListingEveryProblem() {
        assertThatThrownBy(() -> Workflow.builder().sla(Duration.ZERO).ownerAttribute("1x").build())
                .isInstanceOfSatisfying(NpsException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION);
                    assertThat(e.getMessage()).startsWith("3 problems").contains("cases: not set", "ownerAttribute", "sla: must be");
                });
        assertThatThrownBy(() -> Workflow.builder().cases(cases).build()).hasMessageContaining("owners: none");
    }
}
