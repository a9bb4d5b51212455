package dev.nps.channels.sms;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.nps.api.Category;
import dev.nps.api.ChannelName;
import dev.nps.api.Contact;
import dev.nps.api.Response;
import dev.nps.api.Score;
import dev.nps.engine.NpsEngine;
import dev.nps.engine.dispatch.InvitationResult;
import dev.nps.engine.replies.SmsReplies;
import dev.nps.spi.SkipReason;
import dev.nps.testkit.SettableClock;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SMS channel and the engine together: an invitation goes out through the REST transport to the local fake
 * gateway, signed inbound webhooks carry the reply, the engine stores it. The adapter is the host code shown in the
 * module's README.
 */
class EngineReplyLoopTest {

    /** The adapter a host writes (see README): the channel's callback interface over the engine's SMS replies. */
    static final class EngineSmsReplyHandler implements SmsReplyHandler {
        private final SmsReplies replies;

        EngineSmsReplyHandler(SmsReplies replies) {
            this.replies = replies;
        }

        @Override
        public Optional<Locale> localeOf(String phone) {
            return replies.localeOf(phone);
        }

        @Override
        public Optional<ScoreRecorded> recordScore(String phone, Score score) {
            return replies.recordScore(phone, score).map(r -> new ScoreRecorded(r.invitationId(), r.followUp(), r.locale()));
        }

        @Override
        public CommentResult recordComment(String phone, String text) {
            return CommentResult.valueOf(replies.recordComment(phone, text).name());
        }

        @Override
        public void suppress(String phone) {
            replies.suppress(phone);
        }

        @Override
        public void resubscribe(String phone) {
            replies.resubscribe(phone);
        }
    }

    private final SettableClock clock = new SettableClock(Instant.parse("2026-01-06T10:00:00Z"));
    private FakeTwilio twilio;
    private HttpServer webhooks;
    private URI inboundUrl;
    private NpsEngine nps;
    private int messageIds;

    @BeforeEach
    void start() throws IOException {
        twilio = new FakeTwilio();
        nps = NpsEngine.builder().inMemoryStore().clock(clock).discoverProviders(false)
                .config(Map.of("nps.dispatch.fatigue-scope", "per-survey"))
                .channel(SmsChannel.builder().rest(twilio.config()).clock(clock).build()).build();
        nps.surveys().define("post-purchase").sendVia(ChannelName.SMS).followUp(Category.PROMOTER, "What did you like most?").save();
        nps.surveys().define("support").sendVia(ChannelName.SMS).save();
        nps.contacts().upsert(Contact.of("c-42").phone(Fixtures.PHONE).locale("en").zone("Europe/Berlin"));

        webhooks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        inboundUrl = URI.create("http://127.0.0.1:" + webhooks.getAddress().getPort() + "/sms/inbound");
        SmsConversation conversation = new SmsConversation(new EngineSmsReplyHandler(SmsReplies.of(nps)), SmsTexts.defaults(),
                Locale.ENGLISH);
        webhooks.createContext("/sms/inbound", SmsWebhooks.create(FakeTwilio.TOKEN).inbound(inboundUrl, conversation));
        webhooks.start();
    }

    @AfterEach
    void stop() {
        webhooks.stop(0);
        nps.close();
        twilio.close();
    }

    private HttpResponse<String> reply(String body) {
        Map<String, String> params = Map.of("MessageSid", "SM" + String.format("%032d", ++messageIds), "AccountSid", FakeTwilio.SID,
                "From", Fixtures.PHONE, "To", "+15005550006", "Body", body);
        HttpResponse<String> r = FakeTwilio.postSigned(inboundUrl, params);
        assertThat(r.statusCode()).isEqualTo(200);
        return r;
    }

    @Test
    void invitationBySmsThenScoreAndCommentRepliesAreStoredAndStopSuppressesTheNumber() {
        String invitation = nps.invite("post-purchase", "c-42").invitation().id();
        assertThat(nps.dispatch().runOnce()).isEqualTo(1);
        assertThat(twilio.requests).singleElement().satisfies(p -> {
            assertThat(p.get("To")).isEqualTo(Fixtures.PHONE);
            assertThat(p.get("Body")).contains("10");
        });

        assertThat(reply("9").body()).contains("<Message>What did you like most?</Message>");
        assertThat(reply("Quick delivery and a friendly driver").body()).contains("<Message>");
        assertThat(reply("one more thing").body()).doesNotContain("one more thing");

        Response stored = nps.store().findResponseByInvitation(invitation).orElseThrow();
        assertThat(stored.score().value()).isEqualTo(9);
        assertThat(stored.comment()).contains("Quick delivery and a friendly driver");
        assertThat(stored.channel()).isEqualTo(ChannelName.SMS);
        assertThat(stored.contactId()).contains("c-42");

        assertThat(reply("STOP").body()).contains("<Message>");
        assertThat(nps.dispatch().rules().suppression(Fixtures.PHONE)).isPresent();
        InvitationResult next = nps.invite("support", "c-42");
        assertThat(next.outcome()).isEqualTo(InvitationResult.Outcome.SKIPPED);
        assertThat(nps.dispatch().rules().skips("c-42")).singleElement().satisfies(s -> {
            assertThat(s.reason()).isEqualTo(SkipReason.SUPPRESSED);
            assertThat(s.surveyId()).isEqualTo("support");
        });
        assertThat(nps.dispatch().runOnce()).isZero();
        assertThat(twilio.requests).hasSize(1);

        // START lifts the opt-out: the number can be invited again.
        assertThat(reply("START").body()).contains("<Message>");
        assertThat(nps.dispatch().rules().suppression(Fixtures.PHONE)).isEmpty();
    }

    @Test
    void aSendRefusedBecauseTheNumberSentStopToTheProviderSuppressesItUntilStart() {
        twilio.script = p -> FakeTwilio.Answer.error(400, 21610);
        String invitation = nps.invite("post-purchase", "c-42").invitation().id();
        nps.dispatch().runOnce();

        assertThat(nps.dispatch().outbox().findInvitation(invitation).orElseThrow().status())
                .isEqualTo(dev.nps.spi.InvitationStatus.FAILED);
        assertThat(nps.dispatch().rules().suppression(Fixtures.PHONE)).get()
                .extracting(s -> s.reason()).isEqualTo("sms: HTTP 400 code 21610");
        assertThat(reply("START").body()).contains("<Message>");
        assertThat(nps.dispatch().rules().suppression(Fixtures.PHONE)).isEmpty();
    }
}
