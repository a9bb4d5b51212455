package dev.nps.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nps.api.Response;
import dev.nps.engine.NpsEngine;
import dev.nps.engine.integrations.EventPublisher;
import dev.nps.engine.workflow.Cases;
import dev.nps.engine.workflow.Workflow;
import dev.nps.spi.FollowUpCase;
import dev.nps.testkit.SettableClock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two engines, each on its own {@link JdbcStore} and pool as two application instances would be, share one
 * database and run the same workflow while detractors arrive at both at once: the round-robin turn is the
 * database's, so the owners get the cases evenly, and every case's response carries the case tag.
 */
abstract class WorkflowAcrossInstances {
    private static final int DETRACTORS = 100;
    private static final List<String> OWNERS = List.of("ann", "bob", "chen");

    @TempDir
    Path dir;

    abstract TestDatabase.Kind kind();

    private static NpsEngine engine(TestDatabase db, SettableClock clock) {
        return NpsEngine.builder().store(db.store().clock(clock).poolSize(4).build()).clock(clock).discoverProviders(false).build();
    }

    @Test
    void twoInstancesAssignOneHundredDetractorCasesEvenlyOverThreeOwners() throws Exception {
        SettableClock clock = SettableClock.startingMonday();
        try (TestDatabase db = TestDatabase.create(kind(), dir);
             NpsEngine a = engine(db, clock);
             NpsEngine b = engine(db, clock)) {
            a.surveys().define("s").save();
            for (NpsEngine e : List.of(a, b)) {
                e.responses().addListener(Workflow.builder().cases(Cases.of(e, EventPublisher.NONE)).roundRobin(OWNERS.toArray(String[]::new)).build());
            }
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> writers = new ArrayList<>();
                for (int w = 0; w < 4; w++) {
                    NpsEngine engine = w % 2 == 0 ? a : b;
                    int writer = w;
                    writers.add(pool.submit(() -> {
                        for (int i = writer; i < DETRACTORS; i += 4) {
                            engine.responses().record(Response.builder("s", i % 7).id("r-" + i).build(clock.instant()));
                        }
                    }));
                }
                for (Future<?> f : writers) {
                    f.get(120, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }

            Cases cases = Cases.of(a, EventPublisher.NONE);
            Map<String, Integer> perOwner = new TreeMap<>();
            for (int i = 0; i < DETRACTORS; i++) {
                FollowUpCase c = cases.forResponse("r-" + i).orElseThrow(() -> new AssertionError("no case"));
                perOwner.merge(c.owner(), 1, Integer::sum);
                assertThat(b.responseTags().tagsOf("r-" + i)).containsExactly(Workflow.TAG_CASE);
            }
            assertThat(perOwner.keySet()).containsExactlyElementsOf(OWNERS);
            assertThat(perOwner.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(DETRACTORS);
            int min = perOwner.values().stream().mapToInt(Integer::intValue).min().orElseThrow();
            int max = perOwner.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
            assertThat(max - min).as("cases per owner %s", perOwner).isLessThanOrEqualTo(1);
        }
    }
}
