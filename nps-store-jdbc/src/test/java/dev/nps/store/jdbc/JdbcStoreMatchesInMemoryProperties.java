package dev.nps.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nps.api.Category;
import dev.nps.api.ChannelName;
import dev.nps.api.Contact;
import dev.nps.api.PageRequest;
import dev.nps.api.Response;
import dev.nps.api.analytics.NpsQuery;
import dev.nps.api.analytics.ResponseFilter;
import dev.nps.api.analytics.TimeBucket;
import dev.nps.engine.analytics.NpsAnalytics;
import dev.nps.engine.store.InMemoryStore;
import dev.nps.spi.InsertResult;
import dev.nps.spi.NpsStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.BeforeTry;

/**
 * Random histories of contacts and responses (duplicate ids, answered invitations, contact fallbacks, erasure)
 * written to this store and to the engine's {@link InMemoryStore}: every listing, count, scan and grouped NPS
 * query must give the same answer from both.
 */
class JdbcStoreMatchesInMemoryProperties {
    private static final Instant T0 = Instant.parse("2026-04-01T00:00:00Z");
    private static final String[] VALUES = {"a", "b", "", "ä 😀", "x'; --"};
    private static final String[] COMMENTS = {"great", "slow 🐢", "שירות מצוין", "it's; -- fine"};
    private static final ChannelName[] CHANNELS = {ChannelName.EMAIL, ChannelName.SMS, ChannelName.WEB};
    private static final String[] KEYS = {"plan", "region", "channel", "survey"};

    private static Path dir;
    private static TestDatabase db;
    private static JdbcStore jdbc;
    private InMemoryStore memory;

    @BeforeContainer
    static void open() throws Exception {
        dir = Files.createTempDirectory("nps-property");
        db = TestDatabase.create(TestDatabase.Kind.H2, dir);
        jdbc = db.store().build();
    }

    @AfterContainer
    static void close() {
        jdbc.close();
        db.close();
    }

    @BeforeTry
    void emptyStores() throws SQLException {
        memory = new InMemoryStore();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (String table : List.of("response_attributes", "responses", "contact_attributes", "contacts", "surveys")) {
                s.executeUpdate("DELETE FROM nps_" + table);
            }
        }
    }

    @Property(tries = 60)
    void bothStoresGiveTheSameAnswers(@ForAll long seed) {
        Random random = new Random(seed);
        for (int c = 0; c < 5; c++) {
            if (random.nextBoolean()) {
                Contact.Builder b = Contact.of("c" + c);
                maybeAttribute(random, b::attribute, "plan");
                maybeAttribute(random, b::attribute, "region");
                both(s -> s.upsertContact(b.build()));
            }
        }
        List<Response> submitted = new ArrayList<>();
        int n = random.nextInt(60);
        for (int i = 0; i < n; i++) {
            submitted.add(randomResponse(random));
        }
        if (random.nextBoolean()) {
            assertThat(jdbc.insertResponses(submitted)).isEqualTo(memory.insertResponses(submitted));
        } else {
            for (Response r : submitted) {
                InsertResult expected = memory.insertResponse(r);
                assertThat(jdbc.insertResponse(r)).as("insert %s", r).isEqualTo(expected);
            }
        }
        compare(random);
        if (random.nextBoolean()) {
            String contact = "c" + random.nextInt(5);
            assertThat(jdbc.eraseContact(contact)).isEqualTo(memory.eraseContact(contact));
            compare(random);
        }
    }

    private void compare(Random random) {
        for (int q = 0; q < 5; q++) {
            ResponseFilter filter = randomFilter(random);
            assertThat(jdbc.countResponses(filter)).as("count %s", filter).isEqualTo(memory.countResponses(filter));
            assertThat(jdbc.findResponses(filter, PageRequest.first(PageRequest.MAX_LIMIT)))
                    .as("find %s", filter).isEqualTo(memory.findResponses(filter, PageRequest.first(PageRequest.MAX_LIMIT)));
            List<String> keys = new ArrayList<>();
            for (String k : KEYS) {
                if (random.nextInt(3) == 0) {
                    keys.add(k);
                }
            }
            assertThat(scan(jdbc, filter, keys)).as("scan %s by %s", filter, keys)
                    .containsExactlyInAnyOrderElementsOf(scan(memory, filter, keys));
            NpsQuery.Builder query = NpsQuery.builder().filter(filter).groupBy(keys.toArray(String[]::new))
                    .zone(ZoneId.of("Europe/Berlin"));
            if (random.nextBoolean()) {
                query.bucket(TimeBucket.values()[random.nextInt(TimeBucket.values().length)]);
            }
            Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
            assertThat(new NpsAnalytics(jdbc, clock).run(query.build())).as("grouped NPS %s by %s", filter, keys)
                    .isEqualTo(new NpsAnalytics(memory, clock).run(query.build()));
        }
    }

    private static List<String> scan(NpsStore store, ResponseFilter filter, List<String> keys) {
        List<String> rows = new ArrayList<>();
        store.scan(filter, keys, (score, at, values) -> rows.add(score + "@" + at + List.of(values.clone())));
        return rows;
    }

    private void both(java.util.function.Consumer<NpsStore> action) {
        action.accept(jdbc);
        action.accept(memory);
    }

    private static Response randomResponse(Random random) {
        Response.Builder b = Response.builder("s" + random.nextInt(2), random.nextInt(11))
                .id("r" + random.nextInt(40))
                .channel(CHANNELS[random.nextInt(CHANNELS.length)])
                .answeredAt(T0.plusSeconds(random.nextInt(90 * 86_400)).plusNanos(random.nextInt(4) * 333_333_333L));
        if (random.nextInt(4) > 0) {
            b.contact("c" + random.nextInt(6));
        }
        if (random.nextBoolean()) {
            b.invitation("i" + random.nextInt(25));
        }
        if (random.nextBoolean()) {
            b.comment(COMMENTS[random.nextInt(COMMENTS.length)]);
        }
        maybeAttribute(random, b::attribute, "plan");
        maybeAttribute(random, b::attribute, "region");
        return b.build(T0);
    }

    private static void maybeAttribute(Random random, java.util.function.BiConsumer<String, String> put, String key) {
        if (random.nextInt(3) == 0) {
            put.accept(key, VALUES[random.nextInt(VALUES.length)]);
        }
    }

    private static ResponseFilter randomFilter(Random random) {
        ResponseFilter.Builder f = ResponseFilter.builder();
        if (random.nextInt(3) == 0) {
            f.survey("s" + random.nextInt(2));
        }
        if (random.nextInt(3) == 0) {
            Instant from = T0.plusSeconds(random.nextInt(60 * 86_400)).plusNanos(random.nextInt(4) * 333_333_333L);
            f.from(from);
            if (random.nextBoolean()) {
                f.to(from.plusSeconds(1 + random.nextInt(30 * 86_400)));
            }
        } else if (random.nextInt(4) == 0) {
            f.to(T0.plusSeconds(random.nextInt(90 * 86_400)));
        }
        for (ChannelName c : CHANNELS) {
            if (random.nextInt(4) == 0) {
                f.channel(c);
            }
        }
        if (random.nextInt(3) == 0) {
            int v = random.nextInt(VALUES.length);
            String key = random.nextBoolean() ? "plan" : "region";
            if (random.nextBoolean()) {
                f.attribute(key, VALUES[v]);
            } else {
                f.attribute(key, VALUES[v], VALUES[(v + 1 + random.nextInt(VALUES.length - 1)) % VALUES.length]);
            }
        }
        if (random.nextInt(5) == 0) {
            f.contact("c" + random.nextInt(6));
        }
        for (Category c : Category.values()) {
            if (random.nextInt(4) == 0) {
                f.category(c);
            }
        }
        return f.build();
    }
}
