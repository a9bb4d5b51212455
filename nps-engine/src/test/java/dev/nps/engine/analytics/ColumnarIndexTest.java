package dev.nps.engine.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nps.api.ChannelName;
import dev.nps.api.ErrorCode;
import dev.nps.api.NpsException;
import dev.nps.api.Response;
import dev.nps.api.analytics.NpsQuery;
import dev.nps.api.analytics.NpsResult;
import dev.nps.api.analytics.ResponseFilter;
import dev.nps.api.analytics.TimeBucket;
import dev.nps.engine.store.InMemoryStore;
import dev.nps.testkit.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ColumnarIndexTest {
    private static final Instant T = Instant.parse("2026-01-01T10:00:00Z");
    private final SettableClock clock = SettableClock.startingMonday();
    private final ColumnarIndex index = ColumnarIndex.create(clock, "plan");

    @Test
    void keepsAboutEightBytesPerResponseWithOneSmallAttribute() {
        for (int i = 0; i < 100_000; i++) {
            index.append("post-purchase", ChannelName.EMAIL, i % 11, T.plusSeconds(i * 600L), "segment-" + i % 20);
        }
        index.trimToSize();
        double perResponse = (double) index.memoryBytes() / index.size();
        assertThat(perResponse).isLessThanOrEqualTo(8.1);
    }

    @Test
    void widensCodesPastTwoHundredFiftyFiveAndSixtyFiveThousandValues() {
        for (int i = 0; i < 70_000; i++) {
            index.append("s", ChannelName.WEB, i % 2 == 0 ? 10 : 0, T, "v" + i);
        }
        index.append("s", ChannelName.WEB, 7, T, "v69999");
        NpsResult result = index.run(NpsQuery.builder().groupBy("plan").build());
        assertThat(result.groups()).hasSize(70_000);
        assertThat(result.groups()).filteredOn(g -> g.segment().get("plan").equals("v69999"))
                .singleElement().satisfies(g -> assertThat(g.summary().responses()).isEqualTo(2));
        assertThat(result.overall().responses()).isEqualTo(70_001);
    }

    @Test
    void answersTheFluentQueryWithTheClock() {
        index.append("post-purchase", ChannelName.EMAIL, 10, clock.instant().minus(Duration.ofDays(1)), "pro");
        index.append("post-purchase", ChannelName.EMAIL, 0, clock.instant().minus(Duration.ofDays(9)), "pro");
        NpsResult result = index.nps().survey("post-purchase").last(Duration.ofDays(7)).where("plan", "pro")
                .groupBy("plan").by(TimeBucket.WEEK).run();
        assertThat(result.overall().responses()).isEqualTo(1);
        assertThat(result.groups()).singleElement().satisfies(g -> assertThat(g.period()).hasValue(LocalDate.parse("2025-12-29")));
    }

    @Test
    void emptyIndexAnswersWithAnEmptySummary() {
        NpsResult result = index.run(NpsQuery.builder().groupBy("plan").bucket(TimeBucket.DAY).build());
        assertThat(result.overall().responses()).isZero();
        assertThat(result.groups()).isEmpty();
    }

    @Test
    void loadsEveryResponseOfAStore() {
        InMemoryStore store = new InMemoryStore();
        store.insertResponse(Response.builder("s", 9).id("a").attribute("plan", "pro").answeredAt(T).build(T));
        store.insertResponse(Response.builder("s", 3).id("b").channel(ChannelName.SMS).answeredAt(T).build(T));
        ColumnarIndex loaded = ColumnarIndex.load(store, clock, "plan");
        NpsQuery query = NpsQuery.builder().groupBy("plan", "channel").build();
        assertThat(loaded.size()).isEqualTo(2);
        assertThat(loaded.run(query)).isEqualTo(new NpsAnalytics(store, clock).run(query));
    }

    @Test
    void rejectsAQueryOnAKeyItDoesNotKeep() {
        assertThatThrownBy(() -> index.run(NpsQuery.builder().groupBy("region").build()))
                .isInstanceOfSatisfying(NpsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessageContaining("'region' is not kept").hasMessageContaining("NpsAnalytics");
        assertThatThrownBy(() -> index.run(NpsQuery.builder().filter(ResponseFilter.builder().attribute("region", "eu").build()).build()))
                .hasMessageContaining("filter.attributes");
    }

    @Test
    void rejectsAContactFilter() {
        assertThatThrownBy(() -> index.run(NpsQuery.builder().filter(ResponseFilter.builder().contact("c-1").build()).build()))
                .isInstanceOf(NpsException.class).hasMessageContaining("filter.contactId");
    }

    @Test
    void rejectsBuiltInOrRepeatedAttributeKeys() {
        assertThatThrownBy(() -> ColumnarIndex.create(clock, "channel")).hasMessageContaining("built in");
        assertThatThrownBy(() -> ColumnarIndex.create(clock, "plan", "plan")).hasMessageContaining("twice");
        assertThatThrownBy(() -> ColumnarIndex.create(clock, Runnable::run, 0, "plan")).hasMessageContaining("parallelism");
    }

    @Test
    void rejectsABadRowWithoutStoringAnything() {
        assertThatThrownBy(() -> index.append("s", ChannelName.EMAIL, 11, T, "pro"))
                .isInstanceOfSatisfying(NpsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SCORE));
        assertThatThrownBy(() -> index.append("s", ChannelName.EMAIL, 5, T)).hasMessageContaining("attributeValues");
        assertThatThrownBy(() -> index.append("s", ChannelName.EMAIL, 5, Instant.parse("2100-01-01T00:00:00Z"), "pro"))
                .hasMessageContaining("answeredAt");
        assertThatThrownBy(() -> index.append("bad id!", ChannelName.EMAIL, 5, T, "pro")).hasMessageContaining("surveyId");
        assertThat(index.size()).isZero();
    }

    @Test
    void queriesWhileAppendingSeeAConsistentPrefix() throws Exception {
        ColumnarIndex shared = ColumnarIndex.create(clock, java.util.concurrent.ForkJoinPool.commonPool(), 2, "plan")
                .tuned(1_000, 1 << 22, 2_000_000);
        int rows = 300_000;
        Thread writer = new Thread(() -> {
            for (int i = 0; i < rows; i++) {
                // every row a promoter, plans past 255 values so the codes widen while queries run
                shared.append("s", ChannelName.EMAIL, 10, T.plusSeconds(i), "p" + i % 400);
            }
        });
        writer.start();
        long seen = 0;
        NpsQuery query = NpsQuery.builder().groupBy("plan").bucket(TimeBucket.DAY).build();
        while (writer.isAlive()) {
            NpsResult result = shared.run(query);
            long responses = result.overall().responses();
            assertThat(responses).isGreaterThanOrEqualTo(seen);
            assertThat(result.overall().promoters()).isEqualTo(responses);
            assertThat(result.groups().stream().mapToLong(g -> g.summary().responses()).sum()).isEqualTo(responses);
            seen = responses;
        }
        writer.join();
        assertThat(shared.run(query).overall().responses()).isEqualTo(rows);
    }
}
