package dev.nps.engine.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nps.api.ChannelName;
import dev.nps.api.Contact;
import dev.nps.api.NpsException;
import dev.nps.api.Response;
import dev.nps.api.Score;
import dev.nps.api.Survey;
import dev.nps.engine.dispatch.InMemoryDispatchStore;
import dev.nps.engine.dispatch.TestNpsStore;
import dev.nps.engine.rules.Eligibility;
import dev.nps.spi.Invitation;
import dev.nps.spi.ResponseToken;
import dev.nps.testkit.SettableClock;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ResponseLinksTest {
    private final SettableClock clock = new SettableClock(Instant.parse("2026-01-06T10:00:00Z"));
    private final InMemoryDispatchStore outbox = new InMemoryDispatchStore();
    private final TestNpsStore store = new TestNpsStore();
    private final ResponseLinks links = new ResponseLinks(URI.create("https://acme.example/nps"), outbox, clock, new SecureRandom(),
            ResponseLinks.DEFAULT_EXPIRY);
    private final LinkResponses responses = new LinkResponses(links, store, outbox, ResponseRecorder.of(store), clock);
    private final Invitation invitation = Invitation.pending("inv-1", "k", "s", "c-1", ChannelName.EMAIL, "test",
            clock.instant(), clock.instant());

    ResponseLinksTest() {
        store.saveSurvey(Survey.builder("s").build());
        store.upsertContact(Contact.of("c-1").email("a@example.com").build());
        outbox.insertInvitation(invitation, Optional.empty());
    }

    @Test
    void tokensAre128RandomBitsStoredOnlyAsTheirSha256() {
        String token = links.issue(invitation);
        assertThat(token).matches("[A-Za-z0-9_-]{22}");
        assertThat(outbox.findToken(ResponseLinks.hash(token))).get().satisfies(t -> {
            assertThat(t.invitationId()).isEqualTo("inv-1");
            assertThat(t.hash()).doesNotContain(token);
            assertThat(t.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofDays(30)));
        });
        assertThat(links.issue(invitation)).isNotEqualTo(token);
    }

    @Test
    void buildsOneLinkPerScoreAndAnUnsubscribeLink() {
        String token = links.issue(invitation);
        List<URI> scoreLinks = links.scoreLinks(token);
        assertThat(scoreLinks).hasSize(11);
        assertThat(scoreLinks.get(0)).hasToString("https://acme.example/nps/r/" + token + "?score=0");
        assertThat(scoreLinks.get(10)).hasToString("https://acme.example/nps/r/" + token + "?score=10");
        assertThat(links.unsubscribeLink(token)).hasToString("https://acme.example/nps/u/" + token);
    }

    @Test
    void forgedMalformedAndExpiredTokensDoNotWork() {
        String token = links.issue(invitation);
        assertThat(links.check(token)).isInstanceOf(TokenCheck.Valid.class);
        char last = token.charAt(21);
        assertThat(links.check(token.substring(0, 21) + (last == 'A' ? 'B' : 'A'))).isInstanceOf(TokenCheck.Unknown.class);
        assertThat(links.check("../../etc/passwd")).isInstanceOf(TokenCheck.Unknown.class);
        assertThat(links.check(null)).isInstanceOf(TokenCheck.Unknown.class);
        clock.advance(Duration.ofDays(30));
        assertThat(links.check(token)).isInstanceOf(TokenCheck.Expired.class);
    }

    @Test
    void rejectsABaseThatIsNotAnAbsoluteHttpUri() {
        assertThatThrownBy(() -> ResponseLinks.of(URI.create("/relative"), outbox, clock)).isInstanceOf(NpsException.class)
                .hasMessageContaining("responseLinks.base");
        assertThatThrownBy(() -> ResponseLinks.of(URI.create("ftp://x.example/"), outbox, clock)).isInstanceOf(NpsException.class);
    }

    @Test
    void oneResponsePerInvitationEditableWhileTheLinkIsValid() {
        String token = links.issue(invitation);
        String other = links.issue(invitation);
        assertThat(responses.open(token).value()).get().satisfies(l -> assertThat(l.answered()).isEmpty());
        assertThat(store.countResponses(null)).as("opening records nothing").isZero();

        LinkResponses.Answer first = responses.answer(token, Score.of(6), Optional.of("slow")).orElseThrow();
        LinkResponses.Answer replay = responses.answer(token, Score.of(6), Optional.of("slow")).orElseThrow();
        LinkResponses.Answer edit = responses.answer(other, Score.of(9), Optional.empty()).orElseThrow();

        assertThat(first.edited()).isFalse();
        assertThat(replay.edited()).isTrue();
        assertThat(replay.response()).isEqualTo(first.response());
        assertThat(edit.response().score()).isEqualTo(Score.of(9));
        assertThat(edit.response().comment()).isEmpty();
        assertThat(store.countResponses(null)).isEqualTo(1);
        assertThat(store.findResponseByInvitation("inv-1")).get().extracting(Response::channel).isEqualTo(ChannelName.EMAIL);

        clock.advance(Duration.ofDays(31));
        assertThat(responses.answer(token, Score.of(0), Optional.empty()).check()).isInstanceOf(TokenCheck.Expired.class);
        assertThat(store.findResponseByInvitation("inv-1").get().score()).isEqualTo(Score.of(9));
    }

    @Test
    void unsubscribeThroughALinkStoresNothingForAnUnknownToken() {
        assertThat(responses.unsubscribe("AAAAAAAAAAAAAAAAAAAAAA", true)).isInstanceOf(TokenCheck.Unknown.class);
        assertThat(outbox.findUnsubscribes("c-1")).isEmpty();
        String token = links.issue(invitation);
        assertThat(responses.unsubscribe(token, false)).isInstanceOf(TokenCheck.Valid.class);
        assertThat(outbox.findUnsubscribes("c-1")).singleElement().satisfies(u -> assertThat(u.surveyId()).contains("s"));
    }

    @Test
    void inAppPromptsFollowTheSameRulesAndShowOncePerWindow() {
        store.saveSurvey(Survey.builder("app").sendVia(ChannelName.IN_APP).build());
        store.upsertContact(Contact.of("u-1").zone("Europe/Berlin").consent(ChannelName.IN_APP, true).build());
        store.upsertContact(Contact.of("u-2").build());
        AtomicInteger ids = new AtomicInteger();
        InAppPrompts prompts = new InAppPrompts(store, outbox, Eligibility.defaults(outbox, Map.of()), links, clock,
                () -> "app-" + ids.incrementAndGet());

        InAppPrompts.Prompt p = prompts.promptFor("u-1").orElseThrow();
        assertThat(p.survey().id()).isEqualTo("app");
        assertThat(prompts.promptFor("u-2")).as("no in-app consent").isEmpty();
        assertThat(prompts.promptFor("u-1")).as("shown again until answered").get()
                .extracting(InAppPrompts.Prompt::invitationId).isEqualTo(p.invitationId());

        responses.answer(p.token(), Score.of(10), Optional.empty()).orElseThrow();
        assertThat(prompts.promptFor("u-1")).as("answered: not again inside the window").isEmpty();
        assertThat(store.findResponseByInvitation(p.invitationId()).get().channel()).isEqualTo(ChannelName.IN_APP);

        clock.set(Instant.parse("2026-06-01T22:00:00Z")); // midnight in Berlin: quiet hours
        assertThat(prompts.promptFor("u-1")).isEmpty();
        clock.set(Instant.parse("2026-06-02T08:00:00Z"));
        assertThat(prompts.promptFor("u-1")).isPresent();
    }

    @Test
    void theStoredTokenNeverShowsTheTokenInItsText() {
        String token = links.issue(invitation);
        ResponseToken stored = outbox.findToken(ResponseLinks.hash(token)).orElseThrow();
        assertThat(stored.toString()).doesNotContain(stored.hash()).doesNotContain(token);
    }
}
