package dev.nps.testkit;

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
import dev.nps.spi.NpsStore;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link NpsStore}: every store passes this kit. A backend's test is a small subclass that
 * returns a fresh, empty store from {@link #createStore()}; the kit closes it after each test.
 *
 * <p>Beyond what the {@link NpsStore} javadoc says, the kit fixes these choices:
 * <ul>
 *   <li>instants keep at least millisecond precision;</li>
 *   <li>responses are ordered by answered-at descending, ties by id ascending;</li>
 *   <li>a response may name a contact the store has never seen (contact ids belong to the host application);</li>
 *   <li>an attribute filter or group key reads the response's attribute, else the stored contact's
 *       attribute at query time; the built-in keys {@code channel} and {@code survey} read those columns;</li>
 *   <li>comments up to {@link Response#MAX_COMMENT_LENGTH} characters, emoji and right-to-left text
 *       round-trip exactly.</li>
 * </ul>
 */
public abstract class StoreCompatibilityKit {

    /** A Monday, 09:00 UTC: every test's responses are placed relative to it. */
    protected static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    /** The store under test, fresh and empty for each test. */
    protected NpsStore store;

    /**
     * Creates the store under test.
     *
     * @return a new, empty store; the kit closes it after the test
     */
    protected abstract NpsStore createStore();

    @BeforeEach
    void openStore() {
        store = createStore();
        assertThat(store).as("createStore() returned null").isNotNull();
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    // ---------------------------------------------------------------------------------------------- data

    /** @return a survey using every field */
    protected static Survey fullSurvey(String id) {
        return Survey.builder(id)
                .question("Wie wahrscheinlich ist es, dass Sie uns weiterempfehlen? 😀")
                .followUp(Category.DETRACTOR, "Was sollen wir zuerst verbessern?")
                .followUp(Category.PROMOTER, "ما الذي أعجبك أكثر؟")
                .language(Locale.GERMANY)
                .sendVia(ChannelName.SMS).fallbackTo(ChannelName.EMAIL).fallbackTo(ChannelName.of("push-x"))
                .trigger(new Trigger.OnEvent("order.completed", Duration.ofDays(3), Map.of("plan", "pro", "region", "emea")))
                .trigger(new Trigger.OnEvent("ticket.closed", Duration.ZERO, Map.of()))
                .trigger(new Trigger.OnSchedule("quarterly"))
                .throttlePerContact(Duration.ofDays(90))
                .quietHours(new QuietHours(LocalTime.of(21, 30), LocalTime.of(8, 15)))
                .reminders(new ReminderPolicy(Duration.ofHours(60), 2))
                .build();
    }

    /** @return a contact using every field, with emoji and right-to-left attribute values */
    protected static Contact fullContact(String id) {
        return Contact.of(id)
                .email("ännchen@exämple.de")
                .phone("+4915112345678")
                .locale("ar-EG")
                .zone("Europe/Berlin")
                .attribute("plan", "pro")
                .attribute("city", "القاهرة")
                .attribute("mood", "🙂👍🏽")
                .consent(ChannelName.IN_APP, true)
                .preferChannels(List.of(ChannelName.IN_APP, ChannelName.SMS, ChannelName.EMAIL))
                .build();
    }

    /** @return a response builder with id, survey, score and time set (seconds after {@link #T0}) */
    protected static Response.Builder response(String id, String surveyId, int score, long secondsAfterT0) {
        return Response.builder(surveyId, score).id(id).answeredAt(T0.plusSeconds(secondsAfterT0));
    }

    private void insertAll(Response... responses) {
        for (Response r : responses) {
            assertThat(store.insertResponse(r).status()).as("insert %s", r.id()).isEqualTo(InsertResult.Status.INSERTED);
        }
    }

    private static List<String> ids(Page<Response> page) {
        return page.items().stream().map(Response::id).toList();
    }

    private List<String> find(ResponseFilter filter) {
        Page<Response> page = store.findResponses(filter, PageRequest.first(PageRequest.MAX_LIMIT));
        assertThat(page.total()).as("total of %s", filter).isEqualTo(page.items().size());
        assertThat(store.countResponses(filter)).as("count of %s", filter).isEqualTo(page.total());
        return ids(page);
    }

    /** @return exactly {@code length} chars of the pattern repeated, cut between code points (padded with 'x') */
    protected static String text(int length, String pattern) {
        StringBuilder sb = new StringBuilder(length);
        int i = 0;
        while (true) {
            int cp = pattern.codePointAt(i % pattern.length());
            int n = Character.charCount(cp);
            if (sb.length() + n > length) {
                break;
            }
            sb.appendCodePoint(cp);
            i = (i + n) % pattern.length();
        }
        while (sb.length() < length) {
            sb.append('x');
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------------------------------------- tests

    @Test
    @DisplayName("describe() gives a non-blank description")
    void describesItself() {
        assertThat(store.describe()).isNotBlank();
    }

    @Test
    @DisplayName("contacts are found by their exact phone number (skipped for stores without the lookup: no SMS replies)")
    void findsContactsByPhone() {
        store.upsertContact(Contact.of("c-1").phone("+4915112345678").build());
        store.upsertContact(Contact.of("c-2").phone("+4915112345678").email("ann@example.com").build());
        store.upsertContact(Contact.of("c-3").phone("+4915199999999").build());
        store.upsertContact(Contact.of("c-4").email("bob@example.com").build());
        List<Contact> found;
        try {
            found = store.findContactsByPhone("+4915112345678");
        } catch (NpsException e) {
            org.junit.jupiter.api.Assumptions.assumeTrue(e.code() != ErrorCode.CONFIGURATION,
                    "the store does not implement NpsStore.findContactsByPhone: SMS replies cannot find their sender");
            throw e;
        }
        assertThat(found).extracting(Contact::id).containsExactlyInAnyOrder("c-1", "c-2");
        assertThat(store.findContactsByPhone("+4915100000000")).isEmpty();
        store.upsertContact(Contact.of("c-1").phone("+4915100000000").build());
        assertThat(store.findContactsByPhone("+4915112345678")).extracting(Contact::id).containsExactly("c-2");
        store.eraseContact("c-2");
        assertThat(store.findContactsByPhone("+4915112345678")).isEmpty();
    }

    @Nested
    @DisplayName("surveys")
    class Surveys {

        @Test
        @DisplayName("a saved survey loads back equal, with follow-ups, channels, triggers, throttle, quiet hours and reminders")
        void savedSurveyRoundTrips() {
            Survey survey = fullSurvey("post-purchase");
            store.saveSurvey(survey);
            assertThat(store.findSurvey("post-purchase")).contains(survey);
        }

        @Test
        @DisplayName("a minimal survey loads back equal, with its empty optional parts still empty")
        void minimalSurveyRoundTrips() {
            Survey survey = Survey.builder("minimal").build();
            store.saveSurvey(survey);
            assertThat(store.findSurvey("minimal")).contains(survey);
        }

        @Test
        @DisplayName("saving a survey with an existing id replaces it")
        void savingAgainReplaces() {
            store.saveSurvey(fullSurvey("s"));
            Survey changed = Survey.builder("s").question("Would you recommend us?").build();
            store.saveSurvey(changed);
            assertThat(store.findSurvey("s")).contains(changed);
            assertThat(store.listSurveys()).containsExactly(changed);
        }

        @Test
        @DisplayName("an unknown survey id finds nothing")
        void unknownSurveyIsEmpty() {
            assertThat(store.findSurvey("nope")).isEmpty();
            assertThat(store.listSurveys()).isEmpty();
        }

        @Test
        @DisplayName("surveys are listed ordered by id")
        void listsSurveysById() {
            store.saveSurvey(Survey.builder("b").build());
            store.saveSurvey(Survey.builder("c").build());
            store.saveSurvey(Survey.builder("a").build());
            assertThat(store.listSurveys()).extracting(Survey::id).containsExactly("a", "b", "c");
        }
    }

    @Nested
    @DisplayName("contacts")
    class Contacts {

        @Test
        @DisplayName("an upserted contact loads back equal, every field, emoji and right-to-left attributes included")
        void contactRoundTrips() {
            Contact contact = fullContact("c-1");
            store.upsertContact(contact);
            assertThat(store.findContact("c-1")).contains(contact);
        }

        @Test
        @DisplayName("a contact with only an id loads back equal")
        void minimalContactRoundTrips() {
            Contact contact = Contact.of("c-min").build();
            store.upsertContact(contact);
            assertThat(store.findContact("c-min")).contains(contact);
        }

        @Test
        @DisplayName("upserting an existing contact replaces every field, removed attributes included")
        void upsertReplaces() {
            store.upsertContact(fullContact("c-1"));
            Contact changed = Contact.of("c-1").email("new@example.com").attribute("plan", "free").build();
            store.upsertContact(changed);
            assertThat(store.findContact("c-1")).contains(changed);
        }

        @Test
        @DisplayName("an attribute value of 1000 characters with emoji and right-to-left text round-trips exactly")
        void longAttributeValueRoundTrips() {
            String value = text(1000, "שלום 👋🏽 مرحبا ");
            Contact contact = Contact.of("c-long").attribute("note", value).build();
            store.upsertContact(contact);
            assertThat(store.findContact("c-long").orElseThrow().attributes().get("note")).isEqualTo(value);
        }

        @Test
        @DisplayName("an unknown contact id finds nothing")
        void unknownContactIsEmpty() {
            assertThat(store.findContact("nobody")).isEmpty();
        }

        @Test
        @DisplayName("several contacts are found at once exactly as one by one; unknown ids are absent")
        void findsContactsAtOnce() {
            Contact full = fullContact("c-1");
            Contact minimal = Contact.of("c-2").build();
            Contact other = Contact.of("c-3").email("c3@example.com").attribute("plan", "free").build();
            store.upsertContact(full);
            store.upsertContact(minimal);
            store.upsertContact(other);
            assertThat(store.findContacts(List.of("c-1", "c-2", "nobody", "c-1")))
                    .isEqualTo(Map.of("c-1", full, "c-2", minimal));
            assertThat(store.findContacts(List.of())).isEmpty();
        }

        @Test
        @DisplayName("finding more contacts at once than one query takes (1,200) finds every one")
        void findsManyContactsAtOnce() {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 1200; i++) {
                ids.add("c-" + i);
            }
            ids.forEach(id -> store.upsertContact(Contact.of(id).attribute("n", id).build()));
            Map<String, Contact> found = store.findContacts(ids);
            assertThat(found).hasSize(1200);
            assertThat(found.get("c-1199").attributes()).containsEntry("n", "c-1199");
        }
    }

    @Nested
    @DisplayName("inserting responses")
    class Inserting {

        @BeforeEach
        void surveys() {
            store.saveSurvey(Survey.builder("s1").build());
        }

        @Test
        @DisplayName("a new response is INSERTED and loads back equal, by id and by invitation")
        void insertsAndLoads() {
            store.upsertContact(fullContact("c-1"));
            Response r = response("r-1", "s1", 9, 0).contact("c-1").invitation("inv-1").comment("Great 👍")
                    .channel(ChannelName.EMAIL).attribute("plan", "pro").attribute("store", "Zürich").build(T0);
            InsertResult result = store.insertResponse(r);
            assertThat(result.status()).isEqualTo(InsertResult.Status.INSERTED);
            assertThat(result.stored()).isEqualTo(r);
            assertThat(store.findResponse("r-1")).contains(r);
            assertThat(store.findResponseByInvitation("inv-1")).contains(r);
        }

        @Test
        @DisplayName("instants keep millisecond precision")
        void keepsMilliseconds() {
            Response r = Response.builder("s1", 7).id("r-ms").answeredAt(T0.plusMillis(123)).build(T0);
            store.insertResponse(r);
            assertThat(store.findResponse("r-ms").orElseThrow().answeredAt().truncatedTo(ChronoUnit.MILLIS))
                    .isEqualTo(T0.plusMillis(123));
        }

        @Test
        @DisplayName("a score of 0 is stored as 0, not as a blank")
        void zeroIsAScore() {
            insertAll(response("r-0", "s1", 0, 0).build(T0));
            assertThat(store.findResponse("r-0").orElseThrow().score()).isEqualTo(Score.of(0));
        }

        @Test
        @DisplayName("a second insert with the same id is SAME_ID_EXISTS, returns the stored response and writes nothing")
        void sameIdExists() {
            Response first = response("r-1", "s1", 9, 0).comment("first").build(T0);
            store.insertResponse(first);
            Response second = response("r-1", "s1", 3, 60).comment("second").build(T0);
            InsertResult result = store.insertResponse(second);
            assertThat(result.status()).isEqualTo(InsertResult.Status.SAME_ID_EXISTS);
            assertThat(result.stored()).isEqualTo(first);
            assertThat(store.findResponse("r-1")).contains(first);
            assertThat(store.countResponses(ResponseFilter.ALL)).isEqualTo(1);
        }

        @Test
        @DisplayName("one response per invitation: another id for an answered invitation is INVITATION_ANSWERED and writes nothing")
        void oneResponsePerInvitation() {
            Response first = response("r-1", "s1", 9, 0).invitation("inv-1").build(T0);
            store.insertResponse(first);
            InsertResult result = store.insertResponse(response("r-2", "s1", 2, 60).invitation("inv-1").build(T0));
            assertThat(result.status()).isEqualTo(InsertResult.Status.INVITATION_ANSWERED);
            assertThat(result.stored()).isEqualTo(first);
            assertThat(store.findResponse("r-2")).isEmpty();
            assertThat(store.findResponseByInvitation("inv-1")).contains(first);
            assertThat(store.countResponses(ResponseFilter.ALL)).isEqualTo(1);
        }

        @Test
        @DisplayName("responses without an invitation never conflict with each other")
        void responsesWithoutInvitationCoexist() {
            insertAll(response("r-1", "s1", 9, 0).build(T0), response("r-2", "s1", 9, 0).build(T0));
            assertThat(store.countResponses(ResponseFilter.ALL)).isEqualTo(2);
        }

        @Test
        @DisplayName("an anonymous response is stored with no contact")
        void anonymousResponse() {
            Response r = response("anon", "s1", 6, 0).comment("meh").attribute("plan", "free").build(T0);
            insertAll(r);
            Response loaded = store.findResponse("anon").orElseThrow();
            assertThat(loaded).isEqualTo(r);
            assertThat(loaded.anonymous()).isTrue();
        }

        @Test
        @DisplayName("a response may name a contact the store has never seen")
        void unknownContactIsAccepted() {
            Response r = response("r-x", "s1", 8, 0).contact("host-only-contact").build(T0);
            insertAll(r);
            assertThat(store.findResponse("r-x")).contains(r);
        }

        @Test
        @DisplayName("comments with emoji, right-to-left text and combining marks round-trip exactly")
        void commentsRoundTripExactly() {
            List<String> comments = List.of(
                    "Love it 😍🔥 but 👨‍👩‍👧‍👦 plan is pricey",
                    "الخدمة ممتازة جداً، شكراً لكم",
                    "שירות מעולה! 10/10",
                    "Café naïve e\u0301 — “quotes” ‘single’ \t tab\nnew line\r\nwindows",
                    "'; DROP TABLE responses; -- \\ % _ \"",
                    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𝟙𝟚𝟛 𠜎𠜱");
            for (int i = 0; i < comments.size(); i++) {
                insertAll(response("r-" + i, "s1", 5, i).comment(comments.get(i)).build(T0));
            }
            for (int i = 0; i < comments.size(); i++) {
                assertThat(store.findResponse("r-" + i).orElseThrow().comment()).contains(comments.get(i));
            }
        }

        @Test
        @DisplayName("a comment of the maximum length, multi-byte characters included, round-trips exactly")
        void longestCommentRoundTrips() {
            String comment = text(Response.MAX_COMMENT_LENGTH, "Ok 👍 جيد ");
            insertAll(response("r-long", "s1", 7, 0).comment(comment).build(T0));
            assertThat(store.findResponse("r-long").orElseThrow().comment()).contains(comment);
        }

        @Test
        @DisplayName("the answered invitations among several are found at once")
        void findsAnsweredInvitations() {
            insertAll(response("r-1", "s1", 9, 0).invitation("inv-1").build(T0),
                    response("r-2", "s1", 3, 1).invitation("inv-2").build(T0),
                    response("r-3", "s1", 5, 2).build(T0));
            assertThat(store.findAnsweredInvitations(List.of("inv-1", "inv-2", "inv-9"))).containsExactlyInAnyOrder("inv-1", "inv-2");
            assertThat(store.findAnsweredInvitations(List.of("inv-9"))).isEmpty();
            assertThat(store.findAnsweredInvitations(List.of())).isEmpty();
        }

        @Test
        @DisplayName("unknown response ids and invitations find nothing")
        void unknownResponse() {
            assertThat(store.findResponse("nope")).isEmpty();
            assertThat(store.findResponseByInvitation("nope")).isEmpty();
        }
    }

    @Nested
    @DisplayName("editing responses")
    class Editing {

        @BeforeEach
        void surveys() {
            store.saveSurvey(Survey.builder("s1").build());
        }

        @Test
        @DisplayName("updateResponse replaces score and comment, keeps everything else, and the edit is what later reads see")
        void editIsKept() {
            Response original = response("r-1", "s1", 3, 0).contact("c-1").invitation("inv-1").comment("bad")
                    .channel(ChannelName.SMS).attribute("plan", "pro").build(T0);
            store.insertResponse(original);
            Response edited = store.updateResponse("r-1", Score.of(9), Optional.of("actually great 🎉"));
            Response expected = original.withAnswer(Score.of(9), Optional.of("actually great 🎉"));
            assertThat(edited).isEqualTo(expected);
            assertThat(store.findResponse("r-1")).contains(expected);
            assertThat(store.findResponseByInvitation("inv-1")).contains(expected);
            assertThat(find(ResponseFilter.builder().category(Category.PROMOTER).build())).containsExactly("r-1");
            assertThat(find(ResponseFilter.builder().category(Category.DETRACTOR).build())).isEmpty();
        }

        @Test
        @DisplayName("an edit with no comment removes the comment")
        void editRemovesComment() {
            store.insertResponse(response("r-1", "s1", 3, 0).comment("bad").build(T0));
            store.updateResponse("r-1", Score.of(4), Optional.empty());
            assertThat(store.findResponse("r-1").orElseThrow().comment()).isEmpty();
        }

        @Test
        @DisplayName("updating an unknown response fails with NOT_FOUND and stores nothing")
        void updateUnknownIsNotFound() {
            assertThatThrownBy(() -> store.updateResponse("missing", Score.of(5), Optional.empty()))
                    .isInstanceOfSatisfying(NpsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
            assertThat(store.countResponses(ResponseFilter.ALL)).isZero();
        }
    }

    @Nested
    @DisplayName("finding responses")
    class Finding {

        @BeforeEach
        void data() {
            store.saveSurvey(Survey.builder("s1").build());
            store.saveSurvey(Survey.builder("s2").build());
            store.upsertContact(Contact.of("c-pro").attribute("plan", "pro").attribute("region", "emea").build());
            store.upsertContact(Contact.of("c-free").attribute("plan", "free").attribute("region", "amer").build());
            insertAll(
                    // c-pro's plan comes from the contact
                    response("a", "s1", 10, 0).contact("c-pro").channel(ChannelName.EMAIL).build(T0),
                    // the response's own attribute overrides the contact's
                    response("b", "s1", 2, 100).contact("c-pro").channel(ChannelName.SMS).attribute("plan", "free").build(T0),
                    response("c", "s2", 8, 200).contact("c-free").channel(ChannelName.EMAIL).build(T0),
                    // anonymous, attribute only on the response
                    response("d", "s2", 6, 300).channel(ChannelName.IN_APP).attribute("plan", "pro").build(T0),
                    // anonymous, no attributes at all
                    response("e", "s1", 9, 400).channel(ChannelName.WEB).build(T0));
        }

        @Test
        @DisplayName("the empty filter matches everything, newest first")
        void allNewestFirst() {
            assertThat(find(ResponseFilter.ALL)).containsExactly("e", "d", "c", "b", "a");
        }

        @Test
        @DisplayName("responses answered at the same instant are ordered by id")
        void tiesBrokenById() {
            insertAll(response("z2", "s1", 5, 1000).build(T0), response("z1", "s1", 5, 1000).build(T0),
                    response("z3", "s1", 5, 1000).build(T0));
            assertThat(find(ResponseFilter.ALL)).startsWith("z1", "z2", "z3", "e");
        }

        @Test
        @DisplayName("filter by survey")
        void bySurvey() {
            assertThat(find(ResponseFilter.builder().survey("s1").build())).containsExactly("e", "b", "a");
            assertThat(find(ResponseFilter.builder().survey("unknown").build())).isEmpty();
        }

        @Test
        @DisplayName("the time window is half-open: from is included, to is excluded")
        void halfOpenWindow() {
            assertThat(find(ResponseFilter.builder().between(T0.plusSeconds(100), T0.plusSeconds(300)).build()))
                    .containsExactly("c", "b");
            assertThat(find(ResponseFilter.builder().from(T0.plusSeconds(300)).build())).containsExactly("e", "d");
            assertThat(find(ResponseFilter.builder().to(T0.plusSeconds(100)).build())).containsExactly("a");
            assertThat(find(ResponseFilter.builder().to(T0.plusSeconds(100).plusMillis(1)).build())).containsExactly("b", "a");
        }

        @Test
        @DisplayName("filter by one or several channels")
        void byChannels() {
            assertThat(find(ResponseFilter.builder().channel(ChannelName.EMAIL).build())).containsExactly("c", "a");
            assertThat(find(ResponseFilter.builder().channel(ChannelName.SMS).channel(ChannelName.WEB).build()))
                    .containsExactly("e", "b");
        }

        @Test
        @DisplayName("an attribute filter reads the response's attribute, else the contact's")
        void byAttributeWithContactFallback() {
            assertThat(find(ResponseFilter.builder().attribute("plan", "pro").build())).containsExactly("d", "a");
            assertThat(find(ResponseFilter.builder().attribute("plan", "free").build())).containsExactly("c", "b");
            assertThat(find(ResponseFilter.builder().attribute("plan", "pro", "free").build())).containsExactly("d", "c", "b", "a");
            assertThat(find(ResponseFilter.builder().attribute("region", "emea").build())).containsExactly("b", "a");
        }

        @Test
        @DisplayName("several attribute keys must all match")
        void attributesAllMatch() {
            assertThat(find(ResponseFilter.builder().attribute("plan", "free").attribute("region", "emea").build()))
                    .containsExactly("b");
        }

        @Test
        @DisplayName("the contact fallback follows the contact's current attributes")
        void fallbackFollowsContactChanges() {
            store.upsertContact(Contact.of("c-free").attribute("plan", "pro").build());
            assertThat(find(ResponseFilter.builder().attribute("plan", "pro").build())).containsExactly("d", "c", "a");
        }

        @Test
        @DisplayName("filter by contact")
        void byContact() {
            assertThat(find(ResponseFilter.builder().contact("c-pro").build())).containsExactly("b", "a");
            assertThat(find(ResponseFilter.builder().contact("nobody").build())).isEmpty();
        }

        @Test
        @DisplayName("filter by categories")
        void byCategories() {
            assertThat(find(ResponseFilter.builder().category(Category.PROMOTER).build())).containsExactly("e", "a");
            assertThat(find(ResponseFilter.builder().category(Category.PASSIVE).build())).containsExactly("c");
            assertThat(find(ResponseFilter.builder().category(Category.DETRACTOR).category(Category.PASSIVE).build()))
                    .containsExactly("d", "c", "b");
        }

        @Test
        @DisplayName("all filter fields combine with AND")
        void combined() {
            ResponseFilter f = ResponseFilter.builder().survey("s1").from(T0).to(T0.plusSeconds(450))
                    .channel(ChannelName.EMAIL).channel(ChannelName.SMS).attribute("plan", "free")
                    .contact("c-pro").category(Category.DETRACTOR).build();
            assertThat(find(f)).containsExactly("b");
        }

        @Test
        @DisplayName("pages give offset and limit of the ordered list with the total of all pages")
        void paging() {
            Page<Response> first = store.findResponses(ResponseFilter.ALL, PageRequest.first(2));
            assertThat(ids(first)).containsExactly("e", "d");
            assertThat(first.total()).isEqualTo(5);
            assertThat(first.hasNext()).isTrue();
            Page<Response> second = store.findResponses(ResponseFilter.ALL, first.request().next());
            assertThat(ids(second)).containsExactly("c", "b");
            Page<Response> third = store.findResponses(ResponseFilter.ALL, second.request().next());
            assertThat(ids(third)).containsExactly("a");
            assertThat(third.hasNext()).isFalse();
            Page<Response> beyond = store.findResponses(ResponseFilter.ALL, new PageRequest(10, 5));
            assertThat(beyond.items()).isEmpty();
            assertThat(beyond.total()).isEqualTo(5);
        }

        @Test
        @DisplayName("countResponses counts what findResponses finds")
        void counts() {
            assertThat(store.countResponses(ResponseFilter.ALL)).isEqualTo(5);
            assertThat(store.countResponses(ResponseFilter.builder().survey("s2").build())).isEqualTo(2);
            assertThat(store.countResponses(ResponseFilter.builder().attribute("plan", "none").build())).isZero();
        }

        @Test
        @DisplayName("scan visits every matching row with its score, time and group values in order, \"\" when missing")
        void scanGroupValues() {
            List<String> rows = scan(ResponseFilter.ALL, List.of("plan", "channel", "survey", "region", "missing"));
            assertThat(rows).containsExactlyInAnyOrder(
                    "10@" + T0.getEpochSecond() + "[pro, email, s1, emea, ]",
                    "2@" + (T0.getEpochSecond() + 100) + "[free, sms, s1, emea, ]",
                    "8@" + (T0.getEpochSecond() + 200) + "[free, email, s2, amer, ]",
                    "6@" + (T0.getEpochSecond() + 300) + "[pro, in-app, s2, , ]",
                    "9@" + (T0.getEpochSecond() + 400) + "[, web, s1, , ]");
        }

        @Test
        @DisplayName("scan applies the filter and works without group keys")
        void scanFiltered() {
            assertThat(scan(ResponseFilter.builder().survey("s1").category(Category.PROMOTER).build(), List.of()))
                    .containsExactlyInAnyOrder("10@" + T0.getEpochSecond() + "[]", "9@" + (T0.getEpochSecond() + 400) + "[]");
            assertThat(scan(ResponseFilter.builder().attribute("plan", "pro").build(), List.of("survey")))
                    .containsExactlyInAnyOrder("10@" + T0.getEpochSecond() + "[s1]", "6@" + (T0.getEpochSecond() + 300) + "[s2]");
        }

        private List<String> scan(ResponseFilter filter, List<String> keys) {
            List<String> rows = Collections.synchronizedList(new ArrayList<>());
            store.scan(filter, keys, (score, at, values) -> {
                assertThat(values).hasSize(keys.size());
                rows.add(score + "@" + at + List.of(values.clone()));
            });
            return rows;
        }
    }

    @Nested
    @DisplayName("erasing a contact")
    class Erasing {

        @BeforeEach
        void data() {
            store.saveSurvey(Survey.builder("s1").build());
            store.upsertContact(fullContact("c-1"));
            store.upsertContact(Contact.of("c-2").attribute("plan", "free").build());
            insertAll(
                    response("r-1", "s1", 2, 0).contact("c-1").invitation("inv-1").comment("my name is Ann")
                            .attribute("plan", "pro").channel(ChannelName.EMAIL).build(T0),
                    response("r-2", "s1", 10, 10).contact("c-1").comment("great").build(T0),
                    response("r-3", "s1", 9, 20).contact("c-2").comment("fine").attribute("plan", "free").build(T0));
        }

        @Test
        @DisplayName("the contact is gone and its responses lose comment, attributes and contact link")
        void erasesPersonalData() {
            assertThat(store.eraseContact("c-1")).isTrue();
            assertThat(store.findContact("c-1")).isEmpty();
            Response r1 = store.findResponse("r-1").orElseThrow();
            assertThat(r1.contactId()).isEmpty();
            assertThat(r1.comment()).isEmpty();
            assertThat(r1.attributes()).isEmpty();
            Response r2 = store.findResponse("r-2").orElseThrow();
            assertThat(r2.contactId()).isEmpty();
            assertThat(r2.comment()).isEmpty();
            assertThat(find(ResponseFilter.builder().contact("c-1").build())).isEmpty();
            assertThat(find(ResponseFilter.builder().attribute("plan", "pro").build())).isEmpty();
        }

        @Test
        @DisplayName("scores, survey, channel and time stay, so counts still add up")
        void scoresStillCounted() {
            store.eraseContact("c-1");
            Response r1 = store.findResponse("r-1").orElseThrow();
            assertThat(r1.score()).isEqualTo(Score.of(2));
            assertThat(r1.surveyId()).isEqualTo("s1");
            assertThat(r1.channel()).isEqualTo(ChannelName.EMAIL);
            assertThat(r1.answeredAt()).isEqualTo(T0);
            assertThat(store.countResponses(ResponseFilter.ALL)).isEqualTo(3);
            assertThat(find(ResponseFilter.builder().category(Category.DETRACTOR).build())).containsExactly("r-1");
            List<Integer> scores = Collections.synchronizedList(new ArrayList<>());
            store.scan(ResponseFilter.ALL, List.of("plan"), (score, at, values) -> scores.add(score));
            assertThat(scores).containsExactlyInAnyOrder(2, 10, 9);
        }

        @Test
        @DisplayName("other contacts and their responses are untouched")
        void othersUntouched() {
            store.eraseContact("c-1");
            assertThat(store.findContact("c-2")).isPresent();
            Response r3 = store.findResponse("r-3").orElseThrow();
            assertThat(r3.contactId()).contains("c-2");
            assertThat(r3.comment()).contains("fine");
            assertThat(r3.attributes()).containsEntry("plan", "free");
        }

        @Test
        @DisplayName("erasing an unknown contact erases nothing")
        void unknownContact() {
            assertThat(store.eraseContact("nobody")).isFalse();
            assertThat(store.countResponses(ResponseFilter.builder().contact("c-1").build())).isEqualTo(2);
        }

        @Test
        @DisplayName("responses of a contact that was never stored are erased too")
        void responsesOfUnstoredContact() {
            insertAll(response("r-9", "s1", 4, 30).contact("ghost").comment("secret").build(T0));
            assertThat(store.eraseContact("ghost")).isTrue();
            Response r9 = store.findResponse("r-9").orElseThrow();
            assertThat(r9.contactId()).isEmpty();
            assertThat(r9.comment()).isEmpty();
        }
    }

    @Nested
    @DisplayName("concurrency")
    class Concurrency {

        private static final int THREADS = 8;
        private static final int ROUNDS = 5;

        @Test
        @DisplayName("concurrent inserts of the same id from several threads store exactly one")
        void concurrentSameId() throws Exception {
            store.saveSurvey(Survey.builder("s1").build());
            for (int round = 0; round < ROUNDS; round++) {
                String id = "same-" + round;
                List<InsertResult> results = race(i -> response(id, "s1", i % 11, i).build(T0));
                assertThat(results.stream().filter(r -> r.status() == InsertResult.Status.INSERTED)).as("round %d", round).hasSize(1);
                assertThat(results.stream().filter(r -> r.status() == InsertResult.Status.SAME_ID_EXISTS)).hasSize(THREADS - 1);
                Response stored = store.findResponse(id).orElseThrow();
                assertThat(results).allSatisfy(r -> assertThat(r.stored()).isEqualTo(stored));
            }
            assertThat(store.countResponses(ResponseFilter.ALL)).isEqualTo(ROUNDS);
        }

        @Test
        @DisplayName("concurrent answers to one invitation from several threads store exactly one")
        void concurrentSameInvitation() throws Exception {
            store.saveSurvey(Survey.builder("s1").build());
            for (int round = 0; round < ROUNDS; round++) {
                String invitation = "inv-" + round;
                String prefix = "r-" + round + "-";
                List<InsertResult> results = race(i -> response(prefix + i, "s1", i % 11, i).invitation(invitation).build(T0));
                assertThat(results.stream().filter(r -> r.status() == InsertResult.Status.INSERTED)).as("round %d", round).hasSize(1);
                assertThat(results.stream().filter(r -> r.status() == InsertResult.Status.INVITATION_ANSWERED)).hasSize(THREADS - 1);
                Response stored = store.findResponseByInvitation(invitation).orElseThrow();
                assertThat(results).allSatisfy(r -> assertThat(r.stored()).isEqualTo(stored));
            }
            assertThat(store.countResponses(ResponseFilter.ALL)).isEqualTo(ROUNDS);
        }

        private List<InsertResult> race(java.util.function.IntFunction<Response> responses) throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<InsertResult>> futures = new ArrayList<>();
                for (int i = 0; i < THREADS; i++) {
                    Response r = responses.apply(i);
                    Callable<InsertResult> task = () -> {
                        start.await();
                        return store.insertResponse(r);
                    };
                    futures.add(pool.submit(task));
                }
                start.countDown();
                List<InsertResult> results = new ArrayList<>();
                for (Future<InsertResult> f : futures) {
                    results.add(f.get(60, TimeUnit.SECONDS));
                }
                return results;
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
