package dev.nps.engine.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nps.api.Contact;
import dev.nps.api.Response;
import dev.nps.engine.NpsEngine;
import dev.nps.engine.integrations.EventPublisher;
import dev.nps.testkit.SettableClock;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which tags and round-robin position a workflow uses: the engine's over cases of the engine, else its own or none. */
class WorkflowStorageWiringTest {
    private final SettableClock clock = SettableClock.startingMonday();
    private final NpsEngine engine = NpsEngine.builder().inMemoryStore().clock(clock).discoverProviders(false).build();

    WorkflowStorageWiringTest() {
        engine.surveys().define("s").save();
    }

    @AfterEach
    void close() {
        engine.close();
    }

    private void record(String id, int score) {
        engine.responses().record(Response.builder("s", score).id(id).build(clock.instant()));
    }

    @Test
    void overCasesOfTheEngineTheWorkflowTagsInTheEngineAndTakesTurnsFromItsSequence() {
        Cases cases = Cases.of(engine, EventPublisher.NONE);
        engine.responses().addListener(Workflow.builder().cases(cases).roundRobin("ann", "bob").build());
        engine.sequences().next("workflow.round-robin/all"); // someone else's turn was taken: ann is skipped

        record("r-1", 2);
        record("r-2", 2);

        assertThat(engine.responseTags()).isSameAs(engine.responseTags());
        assertThat(engine.responseTags().tagsOf("r-1")).containsExactly(Workflow.TAG_CASE);
        assertThat(List.of(cases.forResponse("r-1").orElseThrow().owner(), cases.forResponse("r-2").orElseThrow().owner()))
                .containsExactly("bob", "ann");
        assertThat(engine.sequences().next("workflow.round-robin/all")).isEqualTo(3);
    }

    @Test
    void aWorkflowOfOneSurveyKeepsItsOwnTurnAndAnExplicitTaggerWins() {
        InMemoryResponseTags mine = new InMemoryResponseTags();
        Cases cases = Cases.of(engine, EventPublisher.NONE);
        engine.responses().addListener(Workflow.builder().cases(cases).survey("s").roundRobin("ann", "bob").tagger(mine).build());
        engine.sequences().next("workflow.round-robin/all");

        record("r-1", 2);

        assertThat(cases.forResponse("r-1").orElseThrow().owner()).isEqualTo("ann");
        assertThat(mine.tagsOf("r-1")).containsExactly(Workflow.TAG_CASE);
        assertThat(engine.responseTags().tagsOf("r-1")).isEmpty();
    }

    @Test
    void withoutAnEngineNothingIsTaggedAndTheTurnIsKeptInMemory() {
        Cases cases = new Cases(new InMemoryCaseStore(), engine.store(), clock, EventPublisher.NONE);
        engine.responses().addListener(Workflow.builder().cases(cases).roundRobin("ann", "bob").build());

        record("r-1", 2);
        record("r-2", 2);

        assertThat(engine.responseTags().tagsOf("r-1")).isEmpty();
        assertThat(List.of(cases.forResponse("r-1").orElseThrow().owner(), cases.forResponse("r-2").orElseThrow().owner()))
                .containsExactly("ann", "bob");
        assertThat(engine.responseTags().add("r-1", Set.of("manual"))).isEqualTo(1);
    }

    @Test
    void erasingAContactRemovesTheTagsOfItsResponsesFromTheInMemoryStore() {
        engine.contacts().upsert(Contact.of("c-1").build());
        engine.responses().record(Response.builder("s", 9).id("r-1").contact("c-1").build(clock.instant()));
        engine.responses().record(Response.builder("s", 9).id("r-2").build(clock.instant()));
        engine.responseTags().add("r-1", Set.of("vip"));
        engine.responseTags().add("r-2", Set.of("vip"));

        assertThat(engine.contacts().erase("c-1")).isTrue();

        assertThat(engine.responseTags().tagsOf("r-1")).isEmpty();
        assertThat(engine.responseTags().tagsOf("r-2")).containsExactly("vip");
    }
}
