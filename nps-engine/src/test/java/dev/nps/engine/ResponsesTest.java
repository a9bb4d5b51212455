package dev.nps.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nps.api.Category;
import dev.nps.api.ChannelName;
import dev.nps.api.ErrorCode;
import dev.nps.api.NpsException;
import dev.nps.api.Page;
import dev.nps.api.PageRequest;
import dev.nps.api.Response;
import dev.nps.api.Score;
import dev.nps.api.analytics.ResponseFilter;
import dev.nps.testkit.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResponsesTest {

    private final SettableClock clock = SettableClock.startingMonday();
    private final List<String> heard = java.util.Collections.synchronizedList(new ArrayList<>());
    private NpsEngine engine;
    private Responses responses;

    @BeforeEach
    void start() {
        engine = NpsEngine.builder().inMemoryStore().discoverProviders(false).clock(clock)
                .responseListener(new ResponseListener() {
                    @Override
                    public void recorded(Response r) {
                        heard.add("recorded " + r.id() + "=" + r.score().value());
                    }

                    @Override
                    public void edited(Response before, Response after) {
                        heard.add("edited " + after.id() + " " + before.score().value() + "->" + after.score().value());
                    }
                })
                .build();
        engine.surveys().define("s1").save();
        responses = engine.responses();
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    private Response.Builder response(String id, int score) {
        return Response.builder("s1", score).id(id).contact("c-1");
    }

    private static void assertCode(ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(NpsException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test
    void recordsANewResponseAsCreated() {
        Response r = response("r-1", 9).comment("Great 👍").build(clock.instant());
        RecordResult result = responses.record(r);
        assertThat(result.status()).isEqualTo(RecordResult.Status.CREATED);
        assertThat(result.response()).isEqualTo(r);
        assertThat(responses.find("r-1")).contains(r);
        assertThat(heard).containsExactly("recorded r-1=9");
    }

    @Test
    void rejectsScoresOutsideZeroToTen() {
        assertCode(() -> Response.builder("s1", -1), ErrorCode.INVALID_SCORE);
        assertCode(() -> Response.builder("s1", 11), ErrorCode.INVALID_SCORE);
        assertCode(() -> Score.of(11), ErrorCode.INVALID_SCORE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"7.5", "ten", "", "  ", "-1", "11", "1e1"})
    void parsingRejectsAnythingButAnIntegerZeroToTen(String text) {
        assertCode(() -> Score.parse(text), ErrorCode.INVALID_SCORE);
    }

    @Test
    void zeroIsAScore() {
        responses.record(response("r-0", 0).build(clock.instant()));
        assertThat(responses.find("r-0").orElseThrow().category()).isEqualTo(Category.DETRACTOR);
    }

    @Test
    void rejectsAResponseToAnUnknownSurveyNamingIt() {
        Response r = Response.builder("no-such-survey", 8).id("r-1").build(clock.instant());
        assertThatThrownBy(() -> responses.record(r)).isInstanceOfSatisfying(NpsException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND);
            assertThat(e.getMessage()).contains("'no-such-survey'");
        });
        assertThat(responses.count(ResponseFilter.ALL)).isZero();
    }

    @Test
    void rejectsACommentOverTheDefaultLimitAndStoresNothing() {
        String comment = "x".repeat(NpsEngine.DEFAULT_MAX_COMMENT_LENGTH + 1);
        assertThatThrownBy(() -> responses.record(response("r-1", 3).comment(comment).build(clock.instant())))
                .isInstanceOfSatisfying(NpsException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.COMMENT_TOO_LONG);
                    assertThat(e.getMessage()).contains("5001 characters, the limit is 5000").contains("maxCommentLength")
                            .doesNotContain("xxxx");
                });
        assertThat(responses.find("r-1")).isEmpty();
        assertThat(heard).isEmpty();
    }

    @Test
    void acceptsACommentExactlyAtTheLimit() {
        String comment = "x".repeat(NpsEngine.DEFAULT_MAX_COMMENT_LENGTH);
        assertThat(responses.record(response("r-1", 3).comment(comment).build(clock.instant())).status())
                .isEqualTo(RecordResult.Status.CREATED);
    }

    @Test
    void theCommentLimitIsConfigurable() {
        try (NpsEngine small = NpsEngine.builder().inMemoryStore().discoverProviders(false).maxCommentLength(10).build()) {
            small.surveys().define("s1").save();
            assertCode(() -> small.responses().record(response("r-1", 5).comment("eleven char").build(clock.instant())),
                    ErrorCode.COMMENT_TOO_LONG);
            assertCode(() -> NpsEngine.builder().maxCommentLength(0), ErrorCode.INVALID_ARGUMENT);
            assertCode(() -> NpsEngine.builder().maxCommentLength(Response.MAX_COMMENT_LENGTH + 1), ErrorCode.INVALID_ARGUMENT);
        }
        try (NpsEngine fromConfig = NpsEngine.builder().inMemoryStore().discoverProviders(false)
                .config(java.util.Map.of(NpsEngine.MAX_COMMENT_LENGTH_KEY, "20000")).build()) {
            assertThat(fromConfig.maxCommentLength()).isEqualTo(20_000);
        }
    }

    @Test
    void resubmittingTheSameResponseIsADuplicateAndWritesNothing() {
        Response r = response("r-1", 9).comment("good").build(clock.instant());
        responses.record(r);
        clock.advance(Duration.ofMinutes(5));
        // A retried request is built again, at a later time: still the same response.
        RecordResult again = responses.record(response("r-1", 9).comment("good").build(clock.instant()));
        assertThat(again.status()).isEqualTo(RecordResult.Status.DUPLICATE);
        assertThat(again.response()).isEqualTo(r);
        assertThat(responses.count(ResponseFilter.ALL)).isEqualTo(1);
        assertThat(heard).containsExactly("recorded r-1=9");
    }

    @Test
    void resubmittingTheSameIdWithAnotherScoreOrCommentIsAnEdit() {
        responses.record(response("r-1", 9).comment("good").build(clock.instant()));
        RecordResult edited = responses.record(response("r-1", 4).comment("changed my mind").build(clock.instant()));
        assertThat(edited.status()).isEqualTo(RecordResult.Status.EDITED);
        assertThat(edited.response().score()).isEqualTo(Score.of(4));
        assertThat(responses.find("r-1").orElseThrow().comment()).contains("changed my mind");
        RecordResult commentOnly = responses.record(response("r-1", 4).build(clock.instant()));
        assertThat(commentOnly.status()).isEqualTo(RecordResult.Status.EDITED);
        assertThat(commentOnly.response().comment()).isEmpty();
        assertThat(heard).containsExactly("recorded r-1=9", "edited r-1 9->4", "edited r-1 4->4");
    }

    @Test
    void aSecondResponseToAnAnsweredInvitationEditsThatInvitationsResponse() {
        responses.record(response("r-1", 6).invitation("inv-1").build(clock.instant()));
        RecordResult second = responses.record(response("r-2", 10).invitation("inv-1").build(clock.instant()));
        assertThat(second.status()).isEqualTo(RecordResult.Status.EDITED);
        assertThat(second.response().id()).isEqualTo("r-1");
        assertThat(second.response().score()).isEqualTo(Score.of(10));
        assertThat(responses.find("r-2")).isEmpty();
        assertThat(responses.count(ResponseFilter.ALL)).isEqualTo(1);
        RecordResult third = responses.record(response("r-3", 10).invitation("inv-1").build(clock.instant()));
        assertThat(third.status()).isEqualTo(RecordResult.Status.DUPLICATE);
    }

    @Test
    void theSameIdFromAnotherContactOrSurveyIsAConflict() {
        engine.surveys().define("s2").save();
        responses.record(response("r-1", 6).build(clock.instant()));
        assertCode(() -> responses.record(Response.builder("s1", 6).id("r-1").contact("c-2").build(clock.instant())), ErrorCode.CONFLICT);
        assertCode(() -> responses.record(Response.builder("s2", 6).id("r-1").contact("c-1").build(clock.instant())), ErrorCode.CONFLICT);
        responses.record(response("r-2", 6).invitation("inv-9").build(clock.instant()));
        assertCode(() -> responses.record(Response.builder("s1", 6).id("r-3").contact("c-2").invitation("inv-9").build(clock.instant())),
                ErrorCode.CONFLICT);
    }

    @Test
    void editKeepsTheNewScoreAndCommentAsTheCurrentValue() {
        responses.record(response("r-1", 3).comment("slow").build(clock.instant()));
        RecordResult result = responses.edit("r-1", Score.of(8), Optional.of("better now"));
        assertThat(result.status()).isEqualTo(RecordResult.Status.EDITED);
        Response now = responses.find("r-1").orElseThrow();
        assertThat(now.score()).isEqualTo(Score.of(8));
        assertThat(now.comment()).contains("better now");
        assertThat(responses.count(ResponseFilter.builder().category(Category.DETRACTOR).build())).isZero();
        assertThat(responses.edit("r-1", Score.of(8), Optional.of("better now")).status()).isEqualTo(RecordResult.Status.DUPLICATE);
    }

    @Test
    void editingAnUnknownResponseIsNotFoundAndAnOverlongCommentIsRejected() {
        assertCode(() -> responses.edit("nope", Score.of(5), Optional.empty()), ErrorCode.NOT_FOUND);
        responses.record(response("r-1", 3).build(clock.instant()));
        assertCode(() -> responses.edit("r-1", Score.of(5), Optional.of("y".repeat(5001))), ErrorCode.COMMENT_TOO_LONG);
        assertThat(responses.find("r-1").orElseThrow().score()).isEqualTo(Score.of(3));
    }

    @Test
    void anonymousResponsesAreRecorded() {
        Response r = Response.builder("s1", 7).id("anon").channel(ChannelName.WEB).build(clock.instant());
        assertThat(responses.record(r).status()).isEqualTo(RecordResult.Status.CREATED);
        assertThat(responses.find("anon").orElseThrow().anonymous()).isTrue();
    }

    @Test
    void listsResponsesNewestFirstWithPaging() {
        for (int i = 0; i < 5; i++) {
            responses.record(response("r-" + i, i).build(clock.instant()));
            clock.advance(Duration.ofMinutes(1));
        }
        Page<Response> page = responses.list(ResponseFilter.builder().survey("s1").build(), PageRequest.first(2));
        assertThat(page.items()).extracting(Response::id).containsExactly("r-4", "r-3");
        assertThat(page.total()).isEqualTo(5);
        assertThat(responses.list(ResponseFilter.ALL, page.request().next()).items()).extracting(Response::id)
                .containsExactly("r-2", "r-1");
    }

    @Test
    void aFailingListenerIsLoggedAndNeverLosesTheResponse() {
        List<String> later = new ArrayList<>();
        responses.addListener(new ResponseListener() {
            @Override
            public void recorded(Response r) {
                throw new IllegalStateException("listener bug");
            }
        });
        responses.addListener(new ResponseListener() {
            @Override
            public void recorded(Response r) {
                later.add(r.id());
            }
        });
        RecordResult result = responses.record(response("r-1", 9).build(clock.instant()));
        assertThat(result.status()).isEqualTo(RecordResult.Status.CREATED);
        assertThat(responses.find("r-1")).isPresent();
        assertThat(later).containsExactly("r-1");
    }

    @Test
    void aRemovedListenerHearsNothingMore() throws Exception {
        List<String> got = new ArrayList<>();
        AutoCloseable handle = responses.addListener(new ResponseListener() {
            @Override
            public void recorded(Response r) {
                got.add(r.id());
            }
        });
        responses.record(response("r-1", 9).build(clock.instant()));
        handle.close();
        responses.record(response("r-2", 9).build(clock.instant()));
        assertThat(got).containsExactly("r-1");
    }

    @Test
    void aClosedEngineRefusesWork() {
        engine.close();
        assertCode(() -> responses.record(response("r-1", 9).build(Instant.now())), ErrorCode.CLOSED);
        assertCode(() -> engine.surveys(), ErrorCode.CLOSED);
    }

    @Test
    void concurrentSubmissionsOfOneResponseCreateItOnceAndNotifyOnce() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<RecordResult>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return responses.record(response("r-1", 9).comment("same").build(clock.instant()));
                }));
            }
            go.countDown();
            List<RecordResult.Status> statuses = new ArrayList<>();
            for (var f : futures) {
                statuses.add(f.get(30, java.util.concurrent.TimeUnit.SECONDS).status());
            }
            assertThat(statuses).containsOnlyOnce(RecordResult.Status.CREATED)
                    .containsOnly(RecordResult.Status.CREATED, RecordResult.Status.DUPLICATE);
            assertThat(heard).containsExactly("recorded r-1=9");
        } finally {
            pool.shutdownNow();
        }
    }
}
