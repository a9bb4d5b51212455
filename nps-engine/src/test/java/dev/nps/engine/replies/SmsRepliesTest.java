package dev.nps.engine.replies;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nps.api.Category;
import dev.nps.api.ChannelName;
import dev.nps.api.Contact;
import dev.nps.api.Response;
import dev.nps.api.Score;
import dev.nps.engine.NpsEngine;
import dev.nps.engine.ResponseListener;
import dev.nps.engine.integrations.ResponseEvents;
import dev.nps.spi.InvitationStatus;
import dev.nps.spi.OutgoingEvent;
import dev.nps.spi.SkipReason;
import dev.nps.testkit.RecordingChannel;
import dev.nps.testkit.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SmsRepliesTest {
    private static final String PHONE = "+4915112345678";
    private final SettableClock clock = new SettableClock(Instant.parse("2026-01-06T10:00:00Z"));
    private final RecordingChannel sms = RecordingChannel.sms();
    private final List<String> heard = new ArrayList<>();
    private final List<OutgoingEvent> published = new ArrayList<>();
    private NpsEngine nps;
    private SmsReplies replies;

    @BeforeEach
    void setUp() {
        nps = NpsEngine.builder().inMemoryStore().channel(sms).clock(clock).discoverProviders(false)
                .config(java.util.Map.of("nps.dispatch.fatigue-scope", "per-survey"))
                .responseListener(new ResponseListener() {
                    @Override
                    public void recorded(Response r) {
                        heard.add("recorded " + r.score().value());
                    }

                    @Override
                    public void edited(Response before, Response after) {
                        heard.add("edited " + after.comment().orElse("-"));
                    }
                }).build();
        nps.surveys().define("post-purchase").sendVia(ChannelName.SMS).followUp(Category.PROMOTER, "What did you like most?").save();
        nps.surveys().define("support").sendVia(ChannelName.SMS).save();
        nps.contacts().upsert(Contact.of("c-42").phone(PHONE).locale("de"));
        replies = SmsReplies.of(nps).withEvents(new ResponseEvents(published::add, clock, false));
    }

    @AfterEach
    void tearDown() {
        nps.close();
    }

    private String sendInvitation(String survey) {
        String id = nps.invite(survey, "c-42").invitation().id();
        nps.dispatch().runOnce();
        assertThat(nps.dispatch().outbox().findInvitation(id).orElseThrow().status()).isEqualTo(InvitationStatus.SENT);
        return id;
    }

    @Test
    void scoreAnswersTheLatestOpenSmsInvitationThroughTheEngine() {
        String first = sendInvitation("support");
        clock.advance(Duration.ofHours(1));
        String latest = sendInvitation("post-purchase");

        SmsReplies.ScoreRecorded r = replies.recordScore(PHONE, Score.of(9)).orElseThrow();

        assertThat(r.invitationId()).isEqualTo(latest);
        assertThat(r.followUp()).contains("What did you like most?");
        assertThat(r.locale()).isEqualTo(Locale.GERMAN);
        assertThat(r.response().channel()).isEqualTo(ChannelName.SMS);
        assertThat(r.response().contactId()).contains("c-42");
        assertThat(heard).containsExactly("recorded 9");
        // The next score answers the older invitation that is still open, then nothing is left.
        assertThat(replies.recordScore(PHONE, Score.of(4)).orElseThrow().invitationId()).isEqualTo(first);
        assertThat(replies.recordScore(PHONE, Score.of(5))).isEmpty();
    }

    @Test
    void aCommentIsAddedOnceToTheLastResponse() {
        sendInvitation("post-purchase");
        assertThat(replies.recordComment(PHONE, "fast delivery")).isEqualTo(SmsReplies.CommentResult.AWAITING_SCORE);
        String responseId = replies.recordScore(PHONE, Score.of(10)).orElseThrow().response().id();

        assertThat(replies.recordComment(PHONE, "fast delivery")).isEqualTo(SmsReplies.CommentResult.RECORDED);
        assertThat(replies.recordComment(PHONE, "and friendly")).isEqualTo(SmsReplies.CommentResult.IGNORED);

        assertThat(nps.responses().find(responseId).orElseThrow().comment()).contains("fast delivery");
        assertThat(heard).containsExactly("recorded 10", "edited fast delivery");
    }

    @Test
    void repliesAfterTheWindowOrFromUnknownNumbersAnswerNothing() {
        sendInvitation("post-purchase");
        clock.advance(Duration.ofDays(31));
        assertThat(replies.recordScore(PHONE, Score.of(9))).isEmpty();
        assertThat(replies.recordComment(PHONE, "hello")).isEqualTo(SmsReplies.CommentResult.IGNORED);
        assertThat(replies.recordScore("+4915199999999", Score.of(9))).isEmpty();
        assertThat(replies.localeOf("+4915199999999")).isEmpty();
        assertThat(heard).isEmpty();
    }

    @Test
    void optOutSuppressesTheNumberSoTheNextInvitationIsSkippedAndOnlyAnOptInLiftsIt() {
        replies.suppress(PHONE);
        replies.suppress(PHONE);

        assertThat(nps.dispatch().rules().suppression(PHONE)).get().extracting(s -> s.reason()).isEqualTo(SmsReplies.OPT_OUT_REASON);
        assertThat(published).singleElement().extracting(OutgoingEvent::type).isEqualTo(OutgoingEvent.CONTACT_UNSUBSCRIBED);
        assertThat(nps.invite("post-purchase", "c-42").skip()).get().extracting(s -> s.reason()).isEqualTo(SkipReason.SUPPRESSED);

        assertThat(replies.resubscribe(PHONE)).isTrue();
        assertThat(nps.dispatch().rules().suppression(PHONE)).isEmpty();
        nps.dispatch().rules().suppress(PHONE, "sms: HTTP 400 code 21211");
        assertThat(replies.resubscribe(PHONE)).isFalse();
        assertThat(nps.dispatch().rules().suppression(PHONE)).isPresent();
        // The provider refused a send because the number had sent it STOP: START lifts that too.
        nps.dispatch().rules().suppress(PHONE, "sms: HTTP 400 code 21610");
        assertThat(replies.resubscribe(PHONE)).isTrue();
    }

    @Test
    void concurrentCommentsOfOneNumberStoreExactlyOne() throws Exception {
        sendInvitation("post-purchase");
        String responseId = replies.recordScore(PHONE, Score.of(3)).orElseThrow().response().id();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<SmsReplies.CommentResult>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String text = "comment " + i;
                results.add(pool.submit(() -> {
                    go.await();
                    return replies.recordComment(PHONE, text);
                }));
            }
            go.countDown();
            List<SmsReplies.CommentResult> outcomes = new ArrayList<>();
            for (java.util.concurrent.Future<SmsReplies.CommentResult> f : results) {
                outcomes.add(f.get(10, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertThat(outcomes).containsOnlyOnce(SmsReplies.CommentResult.RECORDED).hasSize(8);
            assertThat(nps.responses().find(responseId).orElseThrow().comment()).get().asString().startsWith("comment ");
            assertThat(heard).filteredOn(h -> h.startsWith("edited")).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
