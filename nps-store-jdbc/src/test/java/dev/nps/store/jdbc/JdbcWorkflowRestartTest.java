package dev.nps.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nps.api.Contact;
import dev.nps.api.Response;
import dev.nps.engine.NpsEngine;
import dev.nps.engine.integrations.EventPublisher;
import dev.nps.engine.workflow.Cases;
import dev.nps.engine.workflow.Workflow;
import dev.nps.testkit.SettableClock;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the workflow keeps across a restart: an engine on an embedded H2 file is closed and a new engine on the same
 * file sees the response tags and continues the round-robin with the next owner, not the first.
 */
class JdbcWorkflowRestartTest {
    @TempDir
    Path dir;
    private final SettableClock clock = SettableClock.startingMonday();

    /** A new engine (new store and pool) on the same database file, as after a process restart. */
    private NpsEngine engine() {
        JdbcStore store = JdbcStore.builder().url("jdbc:h2:file:" + dir.resolve("nps").toAbsolutePath()).clock(clock).build();
        return NpsEngine.builder().store(store).clock(clock).discoverProviders(false).build();
    }

    private static Cases workflow(NpsEngine engine) {
        Cases cases = Cases.of(engine, EventPublisher.NONE);
        engine.responses().addListener(Workflow.builder().cases(cases).roundRobin("ann", "bob", "chen").build());
        return cases;
    }

    @Test
    void tagsSurviveARestartAndTheRoundRobinContinuesWithTheNextOwner() {
        try (NpsEngine first = engine()) {
            first.surveys().define("s").save();
            Cases cases = workflow(first);
            first.responses().record(Response.builder("s", 2).id("r-1").build(clock.instant()));
            first.responses().record(Response.builder("s", 3).id("r-2").build(clock.instant()));
            first.responseTags().add("r-1", Set.of("billing"));
            assertThat(cases.forResponse("r-1").orElseThrow().owner()).isEqualTo("ann");
            assertThat(cases.forResponse("r-2").orElseThrow().owner()).isEqualTo("bob");
        }

        try (NpsEngine second = engine()) {
            assertThat(second.responseTags()).isSameAs(((JdbcStore) second.store()).responseTags());
            assertThat(second.responseTags().tagsOf("r-1")).containsExactly("billing", Workflow.TAG_CASE);
            assertThat(second.responseTags().tagsOf("r-2")).containsExactly(Workflow.TAG_CASE);
            Cases cases = workflow(second);
            second.responses().record(Response.builder("s", 1).id("r-3").build(clock.instant()));
            second.responses().record(Response.builder("s", 0).id("r-4").build(clock.instant()));
            assertThat(cases.forResponse("r-3").orElseThrow().owner()).as("the turn after bob").isEqualTo("chen");
            assertThat(cases.forResponse("r-4").orElseThrow().owner()).isEqualTo("ann");
        }
    }

    @Test
    void erasingAContactRemovesTheTagsOfItsResponsesAndKeepsOthers() {
        try (NpsEngine engine = engine()) {
            engine.surveys().define("s").save();
            engine.contacts().upsert(Contact.of("c-1").build());
            engine.contacts().upsert(Contact.of("c-2").build());
            workflow(engine);
            engine.responses().record(Response.builder("s", 2).id("r-1").contact("c-1").build(clock.instant()));
            engine.responses().record(Response.builder("s", 2).id("r-2").contact("c-2").build(clock.instant()));
            engine.responseTags().add("r-1", Set.of("vip"));

            assertThat(engine.contacts().erase("c-1")).isTrue();

            assertThat(engine.responseTags().tagsOf("r-1")).isEmpty();
            assertThat(engine.responseTags().tagsOf("r-2")).containsExactly(Workflow.TAG_CASE);
        }
    }
}
