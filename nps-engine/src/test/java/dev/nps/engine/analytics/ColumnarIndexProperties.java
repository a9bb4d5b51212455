package dev.nps.engine.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nps.api.Category;
import dev.nps.api.ChannelName;
import dev.nps.api.Contact;
import dev.nps.api.Response;
import dev.nps.api.analytics.IntervalMethod;
import dev.nps.api.analytics.NpsQuery;
import dev.nps.api.analytics.ResponseFilter;
import dev.nps.api.analytics.TimeBucket;
import dev.nps.engine.store.InMemoryStore;
import dev.nps.testkit.SettableClock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

class ColumnarIndexProperties {
    private static final long START = Instant.parse("2024-01-01T00:00:00Z").getEpochSecond();
    private static final long SPAN = 3L * 365 * 86_400;
    private static final ExecutorService POOL = Executors.newFixedThreadPool(3);
    private static final List<String> KEYS = List.of("plan", "region", NpsQuery.CHANNEL, NpsQuery.SURVEY);

    @AfterContainer
    static void stopPool() {
        POOL.shutdownNow();
    }

    record Row(int score, long second, String survey, String channel, String plan, String region, String contact) {}

    @Provide
    Arbitrary<List<Row>> rows() {
        Arbitrary<Long> seconds = Arbitraries.oneOf(
                Arbitraries.longs().between(START, START + SPAN),
                // bunch rows around the new-year and DST nights, where periods change
                Arbitraries.of(START + 365 * 86_400L, 1_711_846_800L, 1_729_990_800L, 1_710_054_000L)
                        .flatMap(t -> Arbitraries.longs().between(t - 7_200, t + 7_200)));
        Arbitrary<Row> row = Combinators.combine(
                Arbitraries.integers().between(0, 10), seconds,
                Arbitraries.of("s1", "s2", "s3"), Arbitraries.of("email", "sms", "web"),
                Arbitraries.of("pro", "free", "team", "", null), Arbitraries.of("eu", "us", null),
                Arbitraries.of("c1", "c2", null)).as(Row::new);
        return row.list().ofMaxSize(300);
    }

    @Provide
    Arbitrary<NpsQuery> queries() {
        Arbitrary<List<String>> groupBy = Arbitraries.subsetOf(KEYS).map(s -> {
            List<String> l = new ArrayList<>(s);
            Collections.sort(l);
            return l;
        });
        Arbitrary<ResponseFilter> filter = Combinators.combine(
                Arbitraries.of("s1", "s2", "none").optional(),
                Arbitraries.longs().between(START - 86_400, START + SPAN).optional(),
                Arbitraries.longs().between(0, SPAN).optional(),
                Arbitraries.subsetOf("email", "sms", "web"),
                Arbitraries.subsetOf("pro", "free", "", "enterprise").optional(),
                Arbitraries.subsetOf(Category.values()),
                Arbitraries.integers().between(0, 999_999_999)).as((survey, from, length, channels, plans, categories, nanos) -> {
            ResponseFilter.Builder b = ResponseFilter.builder();
            survey.ifPresent(b::survey);
            from.ifPresent(f -> {
                b.from(Instant.ofEpochSecond(f, nanos));
                length.ifPresent(l -> b.to(Instant.ofEpochSecond(f + l + 1)));
            });
            channels.forEach(c -> b.channel(ChannelName.of(c)));
            plans.filter(p -> !p.isEmpty()).ifPresent(p -> b.attribute("plan", p.toArray(new String[0])));
            categories.forEach(b::category);
            return b.build();
        });
        return Combinators.combine(filter, groupBy, Arbitraries.of(TimeBucket.class).optional(),
                Arbitraries.of("UTC", "Europe/Berlin", "America/New_York", "Asia/Kathmandu", "Australia/Lord_Howe").map(ZoneId::of),
                Arbitraries.doubles().between(0.5, 0.999).ofScale(3), Arbitraries.of(IntervalMethod.class),
                Arbitraries.integers().between(0, 40)).as((f, g, bucket, zone, confidence, method, minSample) -> {
            NpsQuery.Builder q = NpsQuery.builder().filter(f).groupBy(g.toArray(new String[0])).zone(zone)
                    .confidence(confidence).method(method).minSample(minSample);
            bucket.ifPresent(q::bucket);
            return q.build();
        });
    }

    /** The single-pass path: every response, one segment, a time bucket. */
    @Provide
    Arbitrary<NpsQuery> segmentByPeriodQueries() {
        return Combinators.combine(Arbitraries.of(KEYS), Arbitraries.of(TimeBucket.class),
                Arbitraries.of("UTC", "Europe/Berlin", "Asia/Kathmandu").map(ZoneId::of))
                .as((key, bucket, zone) -> NpsQuery.builder().groupBy(key).bucket(bucket).zone(zone).build());
    }

    @Property(tries = 150)
    void indexAnswersSegmentByPeriodExactlyAsTheStoreDoes(@ForAll("rows") List<Row> rows,
            @ForAll("segmentByPeriodQueries") NpsQuery query, @ForAll("tunings") int[] tuning) {
        indexAnswersExactlyAsTheStoreDoes(rows, query, tuning);
    }

    @Property(tries = 300)
    void indexAnswersExactlyAsTheStoreDoes(@ForAll("rows") List<Row> rows, @ForAll("queries") NpsQuery query,
                                           @ForAll("tunings") int[] tuning) {
        SettableClock clock = SettableClock.startingMonday();
        InMemoryStore store = new InMemoryStore();
        store.upsertContact(Contact.of("c1").attribute("plan", "enterprise").attribute("region", "apac").build());
        store.upsertContact(Contact.of("c2").build());
        ColumnarIndex index = ColumnarIndex.create(clock, POOL, 3, "plan", "region").tuned(tuning[0], tuning[1], tuning[2]);
        int id = 0;
        for (Row r : rows) {
            Response.Builder b = Response.builder(r.survey(), r.score()).id("r" + id++).channel(ChannelName.of(r.channel()))
                    .answeredAt(Instant.ofEpochSecond(r.second()));
            if (r.plan() != null) {
                b.attribute("plan", r.plan());
            }
            if (r.region() != null) {
                b.attribute("region", r.region());
            }
            if (r.contact() != null) {
                b.contact(r.contact());
            }
            Response response = b.build(Instant.EPOCH);
            store.insertResponse(response);
            index.append(response, response.contactId().flatMap(store::findContact).map(Contact::attributes).orElse(java.util.Map.of()));
        }
        assertThat(index.run(query)).isEqualTo(new NpsAnalytics(store, clock).run(query));
    }

    /** Default sizes, tiny tasks (parallel split), tiny dense limit (sparse path), tiny slot tables (per-row periods). */
    @Provide
    Arbitrary<int[]> tunings() {
        return Arbitraries.of(new int[] {1 << 18, 1 << 22, 4_000_000}, new int[] {7, 1 << 22, 4_000_000},
                new int[] {7, 50, 4_000_000}, new int[] {1 << 18, 1 << 22, 10});
    }
}
