package dev.nps.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nps.api.Category;
import dev.nps.api.ChannelName;
import dev.nps.api.Contact;
import dev.nps.api.ErrorCode;
import dev.nps.api.NpsException;
import dev.nps.api.Page;
import dev.nps.api.PageRequest;
import dev.nps.api.QuietHours;
import dev.nps.api.ReminderPolicy;
import dev.nps.api.Response;
import dev.nps.api.Score;
import dev.nps.api.Survey;
import dev.nps.api.Trigger;
import dev.nps.api.analytics.ResponseFilter;
import dev.nps.spi.InsertResult;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the JDBC store does beyond the common store contract, run against every database: schema and views,
 * exact round trips of awkward text, privacy erase, batches, migrations and prefixes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JdbcStoreBehaviour {
    static final Instant T0 = Instant.parse("2026-03-02T10:15:30.123456789Z");
    /** The store's clock (created and edited times); whole seconds, as every database keeps them exactly. */
    static final Instant NOW = Instant.parse("2026-03-05T08:00:00Z");
    private static final AtomicInteger PREFIXES = new AtomicInteger();

    @TempDir
    static Path tempDir;
    TestDatabase db;
    JdbcStore store;
    String prefix;

    abstract TestDatabase.Kind kind();


    @AfterAll
    void dropDatabase() {
        if (db != null) {
            db.close();
        }
    }

    @BeforeEach
    void openStore() {
        if (db == null) {
            // Created here rather than in @BeforeAll so that a missing server skips every test with its reason.
            db = TestDatabase.create(kind(), tempDir);
        }
        prefix = "t" + PREFIXES.incrementAndGet() + "_";
        store = db.store().tablePrefix(prefix).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    static Response.Builder response(String id, int score) {
        return Response.builder("s1", score).id(id).answeredAt(T0);
    }

    @Test
    void roundTripsASurveyWithEveryOption() {
        Survey survey = Survey.builder("post-purchase")
                .question("Wie wahrscheinlich ist es, dass Sie uns weiterempfehlen?")
                .followUp(Category.DETRACTOR, "Was sollen wir zuerst ändern?")
                .followUp(Category.PROMOTER, "Was gefällt Ihnen?")
                .language(Locale.GERMANY)
                .channels(List.of(ChannelName.EMAIL, ChannelName.SMS, new ChannelName("in-app")))
                .trigger(new Trigger.OnEvent("order.completed", Duration.ofDays(3), Map.of("plan", "pro & more=yes", "region", "eu")))
                .trigger(new Trigger.OnSchedule("quarterly"))
                .throttlePerContact(Duration.ofDays(90))
                .quietHours(new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0)))
                .reminders(new ReminderPolicy(Duration.ofHours(36), 2))
                .build();
        store.saveSurvey(survey);
        store.saveSurvey(Survey.builder("a-first").build());

        assertThat(store.findSurvey("post-purchase")).contains(survey);
        assertThat(store.listSurveys()).extracting(Survey::id).containsExactly("a-first", "post-purchase");

        Survey edited = survey.toBuilder().question("Neue Frage?").build();
        store.saveSurvey(edited);
        assertThat(store.findSurvey("post-purchase")).contains(edited);
        assertThat(store.findSurvey("missing")).isEmpty();
    }

    @Test
    void roundTripsAContactAndReplacesItsAttributesOnUpsert() {
        Contact contact = Contact.of("c-42").email("ann@example.com").phone("+4915112345678").locale("de-DE").zone("Europe/Berlin")
                .attribute("plan", "pro").attribute("region", "eu").consent(ChannelName.SMS, false)
                .preferChannels(List.of(ChannelName.EMAIL, ChannelName.IN_APP)).build();
        store.upsertContact(contact);
        assertThat(store.findContact("c-42")).contains(contact);

        Contact changed = Contact.of("c-42").attribute("plan", "free").build();
        store.upsertContact(changed);
        assertThat(store.findContact("c-42")).contains(changed);
        assertThat(store.findContact("nobody")).isEmpty();
    }

    @Test
    void readsBackAResponseExactlyIncludingNanosecondsAndAwkwardText() {
        String comment = "Great 👍🏽 service — שירות מצוין, خدمة ممتازة 😀 \t\n 'quoted' \"double\" ; -- DROP TABLE x; /* */ \\ %_";
        Response r = Response.builder("s1", 9).id("r-1").contact("c-1").invitation("inv-1").comment(comment)
                .channel(ChannelName.EMAIL).answeredAt(T0)
                .attribute("plan", "it's; --pro").attribute("emoji", "🎉").attribute("rtl", "עברית").attribute("empty", "")
                .build(T0);

        assertThat(store.insertResponse(r)).isEqualTo(new InsertResult(InsertResult.Status.INSERTED, r));
        assertThat(store.findResponse("r-1")).contains(r);
        assertThat(store.findResponseByInvitation("inv-1")).contains(r);
        assertThat(store.countResponses(ResponseFilter.builder().attribute("plan", "it's; --pro").build())).isEqualTo(1);
        assertThat(store.countResponses(ResponseFilter.builder().attribute("plan", "x' OR '1'='1").build())).isZero();
    }

    @Test
    void keepsTheFirstResponseForAnIdAndForAnInvitation() {
        Response first = response("r-1", 9).invitation("inv-1").build(T0);
        store.insertResponse(first);

        InsertResult sameId = store.insertResponse(response("r-1", 3).invitation("inv-9").build(T0));
        InsertResult sameInvitation = store.insertResponse(response("r-2", 3).invitation("inv-1").build(T0));

        assertThat(sameId).isEqualTo(new InsertResult(InsertResult.Status.SAME_ID_EXISTS, first));
        assertThat(sameInvitation).isEqualTo(new InsertResult(InsertResult.Status.INVITATION_ANSWERED, first));
        assertThat(store.countResponses(ResponseFilter.ALL)).isEqualTo(1);
        assertThat(rows("SELECT COUNT(*) FROM " + prefix + "responses")).containsExactly(List.of(1L));
    }

    @Test
    void editsScoreAndCommentAndRecordsWhen() throws SQLException {
        store.insertResponse(response("r-1", 4).comment("slow").attribute("plan", "pro").build(T0));

        Response edited = store.updateResponse("r-1", Score.of(8), Optional.of("better now"));

        assertThat(edited.score()).isEqualTo(Score.of(8));
        assertThat(edited.comment()).contains("better now");
        assertThat(edited.attributes()).containsEntry("plan", "pro");
        assertThat(store.findResponse("r-1")).contains(edited);
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT edited_at FROM " + prefix + "responses WHERE id = 'r-1'"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            assertThat(rs.getObject(1, java.time.LocalDateTime.class)).isEqualTo(java.time.LocalDateTime.ofInstant(NOW, ZoneOffset.UTC));
        }
    }

    @Test
    void editingAMissingResponseIsNotFound() {
        assertThatThrownBy(() -> store.updateResponse("nope", Score.of(5), Optional.empty()))
                .isInstanceOf(NpsException.class).extracting(e -> ((NpsException) e).code()).isEqualTo(ErrorCode.NOT_FOUND);
    }

    @Test
    void listsNewestFirstWithFiltersAndPages() {
        for (int i = 0; i < 25; i++) {
            store.insertResponse(Response.builder(i % 2 == 0 ? "even" : "odd", i % 11).id(String.format("r-%02d", i))
                    .channel(i % 3 == 0 ? ChannelName.SMS : ChannelName.EMAIL)
                    .answeredAt(T0.plusSeconds(i / 2)).build(T0));
        }
        Page<Response> page = store.findResponses(ResponseFilter.ALL, new PageRequest(0, 4));
        assertThat(page.total()).isEqualTo(25);
        assertThat(page.items()).extracting(Response::id).containsExactly("r-24", "r-22", "r-23", "r-20");
        assertThat(page.hasNext()).isTrue();

        ResponseFilter filter = ResponseFilter.builder().survey("even").channel(ChannelName.SMS)
                .from(T0.plusSeconds(1)).to(T0.plusSeconds(12)).category(Category.DETRACTOR).build();
        List<String> ids = new ArrayList<>();
        store.findResponses(filter, PageRequest.first(100)).items().forEach(r -> ids.add(r.id()));
        // even surveys, sms (i % 3 == 0): 6, 12, 18, 24; in window i/2 in [1, 12): 6, 12, 18; detractor (i % 11 <= 6): 12 -> 1, 18 -> 7 no, 6 -> 6
        assertThat(ids).containsExactly("r-12", "r-06");
        assertThat(store.countResponses(filter)).isEqualTo(2);
        assertThat(store.findResponses(ResponseFilter.ALL, new PageRequest(100, 10)).items()).isEmpty();
    }

    @Test
    void fromIsInclusiveAndToExclusiveToTheNanosecond() {
        store.insertResponse(response("a", 9).answeredAt(T0).build(T0));
        store.insertResponse(response("b", 9).answeredAt(T0.plusNanos(1)).build(T0));
        store.insertResponse(response("c", 9).answeredAt(T0.plusSeconds(1)).build(T0));

        assertThat(store.countResponses(ResponseFilter.builder().from(T0.plusNanos(1)).build())).isEqualTo(2);
        assertThat(store.countResponses(ResponseFilter.builder().to(T0.plusNanos(1)).build())).isEqualTo(1);
        assertThat(store.countResponses(ResponseFilter.builder().between(T0, T0.plusSeconds(1)).build())).isEqualTo(2);
    }

    @Test
    void scansGroupValuesFromTheResponseElseTheContact() {
        store.upsertContact(Contact.of("c-1").attribute("plan", "pro").attribute("region", "eu").build());
        store.insertResponse(response("r-1", 10).contact("c-1").build(T0));
        store.insertResponse(response("r-2", 3).contact("c-1").attribute("plan", "trial").build(T0));
        store.insertResponse(response("r-3", 7).channel(ChannelName.SMS).answeredAt(T0.plusSeconds(5)).build(T0));

        List<String> rows = new ArrayList<>();
        store.scan(ResponseFilter.ALL, List.of("plan", "region", "channel", "survey"),
                (score, at, values) -> rows.add(score + "@" + (at - T0.getEpochSecond()) + ":" + String.join("|", values)));

        assertThat(rows).containsExactlyInAnyOrder("10@0:pro|eu|api|s1", "3@0:trial|eu|api|s1", "7@5:||sms|s1");

        List<Integer> pro = new ArrayList<>();
        store.scan(ResponseFilter.builder().attribute("plan", "pro").build(), List.of(), (s, at, v) -> pro.add(s));
        assertThat(pro).containsExactly(10);
    }

    @Test
    void erasesAContactsPersonalDataButKeepsItsScores() {
        store.upsertContact(Contact.of("c-1").email("ann@example.com").attribute("plan", "pro").build());
        store.upsertContact(Contact.of("c-2").email("bob@example.com").build());
        store.insertResponse(response("r-1", 2).contact("c-1").invitation("inv-1").comment("Ann here, call me").attribute("city", "Berlin").build(T0));
        store.insertResponse(response("r-2", 10).contact("c-1").build(T0));
        store.insertResponse(response("r-3", 9).contact("c-2").comment("fine").build(T0));

        assertThat(store.eraseContact("c-1")).isTrue();

        assertThat(store.findContact("c-1")).isEmpty();
        Response r1 = store.findResponse("r-1").orElseThrow();
        assertThat(r1.contactId()).isEmpty();
        assertThat(r1.comment()).isEmpty();
        assertThat(r1.attributes()).isEmpty();
        assertThat(r1.score()).isEqualTo(Score.of(2));
        assertThat(store.countResponses(ResponseFilter.ALL)).isEqualTo(3);
        assertThat(store.findResponse("r-3").orElseThrow().comment()).contains("fine");
        assertThat(rows("SELECT COUNT(*) FROM " + prefix + "contact_attributes WHERE contact_id = 'c-1'")).containsExactly(List.of(0L));
        assertThat(rows("SELECT COUNT(*) FROM " + prefix + "response_attributes")).containsExactly(List.of(0L));
        assertThat(rows("SELECT COUNT(*) FROM " + prefix + "responses WHERE contact_id = 'c-1' OR comment LIKE '%Ann%'")).containsExactly(List.of(0L));
        // the invitation stays answered: erasing must not let it be answered twice
        assertThat(store.insertResponse(response("r-9", 5).invitation("inv-1").build(T0)).status())
                .isEqualTo(InsertResult.Status.INVITATION_ANSWERED);

        assertThat(store.eraseContact("c-1")).isFalse();
    }

    @Test
    void viewsShowCategoriesAndDailyNps() {
        Instant day1 = Instant.parse("2026-03-01T23:59:59Z");
        Instant day2 = Instant.parse("2026-03-02T00:00:00Z");
        store.insertResponse(response("a", 10).answeredAt(day1).channel(ChannelName.EMAIL).build(T0));
        store.insertResponse(response("b", 9).answeredAt(day1).channel(ChannelName.EMAIL).build(T0));
        store.insertResponse(response("c", 8).answeredAt(day1).channel(ChannelName.EMAIL).build(T0));
        store.insertResponse(response("d", 0).answeredAt(day1).channel(ChannelName.EMAIL).build(T0));
        store.insertResponse(response("e", 6).answeredAt(day2).channel(ChannelName.EMAIL).build(T0));

        assertThat(rows("SELECT id, category FROM " + prefix + "v_responses ORDER BY id")).containsExactly(
                List.of("a", "PROMOTER"), List.of("b", "PROMOTER"), List.of("c", "PASSIVE"), List.of("d", "DETRACTOR"), List.of("e", "DETRACTOR"));
        assertThat(rows("SELECT answered_at FROM " + prefix + "v_responses WHERE id = 'a'").get(0).get(0).toString())
                .startsWith("2026-03-01").contains("23:59:59");
        List<List<Object>> daily = rows("SELECT " + (kind() == TestDatabase.Kind.H2 ? "\"DAY\"" : "day") + ", survey, channel, promoters, passives, detractors, responses, nps FROM "
                + prefix + "v_daily_nps ORDER BY 1");
        assertThat(daily).hasSize(2);
        assertThat(daily.get(0)).containsExactly(LocalDate.of(2026, 3, 1), "s1", "email", 2L, 1L, 1L, 4L, new BigDecimal("25.00"));
        assertThat(daily.get(1)).containsExactly(LocalDate.of(2026, 3, 2), "s1", "email", 0L, 0L, 1L, 1L, new BigDecimal("-100.00"));
    }

    @Test
    void batchInsertGivesTheSameResultsAsOneByOne() {
        store.insertResponse(response("old", 9).invitation("inv-old").build(T0));
        List<Response> batch = List.of(
                response("n1", 9).invitation("inv-1").attribute("plan", "pro").build(T0),
                response("old", 9).invitation("inv-old").build(T0),
                response("n2", 4).invitation("inv-old").build(T0),
                response("n1", 3).build(T0),
                response("n3", 7).build(T0));

        List<InsertResult> results = store.insertResponses(batch);

        assertThat(results).extracting(InsertResult::status).containsExactly(InsertResult.Status.INSERTED,
                InsertResult.Status.SAME_ID_EXISTS, InsertResult.Status.INVITATION_ANSWERED, InsertResult.Status.SAME_ID_EXISTS,
                InsertResult.Status.INSERTED);
        assertThat(results.get(3).stored()).isEqualTo(batch.get(0));
        assertThat(store.countResponses(ResponseFilter.ALL)).isEqualTo(3);
        assertThat(store.findResponse("n1")).contains(batch.get(0));
    }

    @Test
    void aCleanBatchIsStoredWhole() {
        List<Response> batch = new ArrayList<>();
        for (int i = 0; i < 1234; i++) {
            batch.add(response("b-" + i, i % 11).attribute("k", "v" + (i % 5)).build(T0));
        }
        assertThat(store.insertResponses(batch)).allMatch(r -> r.status() == InsertResult.Status.INSERTED).hasSize(1234);
        assertThat(store.countResponses(ResponseFilter.builder().attribute("k", "v1").build())).isEqualTo(247);
    }

    @Test
    void textTheApiRejectsNeverReachesTheDatabase() {
        assertThatThrownBy(() -> response("x", 5).comment("nul \u0000 inside").build(T0))
                .isInstanceOf(NpsException.class).hasMessageContaining("NUL");
        assertThatThrownBy(() -> response("x", 5).comment("lone \uD800 surrogate").build(T0))
                .isInstanceOf(NpsException.class).hasMessageContaining("surrogate");
        assertThatThrownBy(() -> response("x", 5).attribute("k", "\uDC00").build(T0))
                .isInstanceOf(NpsException.class).hasMessageContaining("surrogate");
        assertThat(store.countResponses(ResponseFilter.ALL)).isZero();
    }

    @Test
    void aDriverFailureBecomesAStoreFailureWithoutTheData() throws SQLException {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("DROP TABLE " + prefix + "response_attributes")) {
            ps.execute();
        }
        Response r = response("r-1", 9).comment("secret comment").attribute("plan", "confidential-plan").build(T0);

        assertThatThrownBy(() -> store.insertResponse(r))
                .isInstanceOf(NpsException.class)
                .satisfies(e -> {
                    assertThat(((NpsException) e).code()).isEqualTo(ErrorCode.STORE_FAILURE);
                    assertThat(e.getMessage()).contains("insertResponse").doesNotContain("secret comment").doesNotContain("confidential");
                    assertThat(e.getCause().getMessage()).doesNotContain("confidential");
                });
        // never half-written: the response row went back with the failed attributes
        assertThat(rows("SELECT COUNT(*) FROM " + prefix + "responses")).containsExactly(List.of(0L));
    }

    @Test
    void withMigrationsOffAnEmptyDatabaseIsAClearError() {
        assertThatThrownBy(() -> db.store().tablePrefix("never_").migrate(false).build())
                .isInstanceOf(NpsException.class)
                .hasMessageContaining("never_responses").hasMessageContaining("migrate")
                .extracting(e -> ((NpsException) e).code()).isEqualTo(ErrorCode.STORE_FAILURE);
    }

    @Test
    void withMigrationsOffAnUpToDateSchemaIsUsedAsIs() {
        store.insertResponse(response("r-1", 9).build(T0));
        try (JdbcStore again = db.store().tablePrefix(prefix).migrate(false).build()) {
            assertThat(again.findResponse("r-1")).isPresent();
        }
    }

    @Test
    void twoPrefixesAreTwoIndependentStoresInOneDatabase() {
        try (JdbcStore other = db.store().tablePrefix(prefix + "x_").build()) {
            store.insertResponse(response("r-1", 9).invitation("inv").build(T0));
            assertThat(other.insertResponse(response("r-1", 3).invitation("inv").build(T0)).status()).isEqualTo(InsertResult.Status.INSERTED);
            assertThat(other.findResponse("r-1").orElseThrow().score()).isEqualTo(Score.of(3));
        }
    }

    @Test
    void aClosedStoreSaysSo() {
        store.close();
        assertThatThrownBy(() -> store.countResponses(ResponseFilter.ALL))
                .isInstanceOf(NpsException.class).extracting(e -> ((NpsException) e).code()).isEqualTo(ErrorCode.CLOSED);
    }

    @Test
    void describesItselfWithoutPassword() {
        assertThat(store.describe()).doesNotContain("password=").isNotBlank();
    }

    /** @return every row of a query, values as the driver returns them (longs for counts) */
    List<List<Object>> rows(String sql) {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            List<List<Object>> out = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    Object o = rs.getObject(i);
                    if (o instanceof Number num && !(o instanceof BigDecimal)) {
                        o = num.longValue();
                    } else if (o instanceof java.sql.Date d) {
                        o = d.toLocalDate();
                    }
                    row.add(o);
                }
                out.add(row);
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
