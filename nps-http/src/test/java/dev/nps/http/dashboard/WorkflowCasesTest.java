package dev.nps.http.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nps.api.PageRequest;
import dev.nps.api.Response;
import dev.nps.api.analytics.ResponseFilter;
import dev.nps.engine.NpsEngine;
import dev.nps.engine.integrations.EventPublisher;
import dev.nps.engine.workflow.Cases;
import dev.nps.engine.workflow.InMemoryCaseStore;
import dev.nps.testkit.SettableClock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WorkflowCasesTest {
    @Test
    void listsTheEnginesCasesNewestFirstWithoutComments() {
        SettableClock clock = new SettableClock(DashboardFixture.NOW);
        try (NpsEngine engine = DashboardFixture.engine(clock)) {
            Cases cases = new Cases(new InMemoryCaseStore(), engine.store(), clock, EventPublisher.NONE);
            List<Response> detractors = engine.responses().list(ResponseFilter.builder()
                    .category(dev.nps.api.Category.DETRACTOR).survey("post-purchase").build(), PageRequest.first(3)).items();
            for (Response r : detractors) {
                cases.open(r, "ann", Duration.ofDays(2));
                clock.advance(Duration.ofMinutes(5));
            }
            List<CaseSource.CaseRow> rows = WorkflowCases.source(cases).cases(Optional.of("post-purchase"), 2);

            assertThat(rows).hasSize(2);
            assertThat(rows.get(0).openedAt()).isAfter(rows.get(1).openedAt());
            assertThat(rows.get(0).responseId()).isEqualTo(detractors.get(2).id());
            assertThat(rows.get(0).status()).isEqualTo("open");
            assertThat(rows.get(0).owner()).contains("ann");
            assertThat(rows).allSatisfy(r -> assertThat(r.summary()).doesNotContain("comment").startsWith("score "));
            assertThat(WorkflowCases.source(cases).cases(Optional.of("support"), 10)).isEmpty();
        }
    }
}
