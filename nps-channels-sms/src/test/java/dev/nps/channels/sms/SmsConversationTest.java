package dev.nps.channels.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nps.api.NpsException;
import dev.nps.api.Score;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SmsConversationTest {
    private static final String PHONE = Fixtures.PHONE;

    /** An engine with one open invitation per number, a follow-up for detractors, one comment per response. */
    static final class FakeEngine implements SmsReplyHandler {
        final List<String> calls = new ArrayList<>();
        Locale locale = Locale.ENGLISH;
        boolean openInvitation = true;
        boolean scored;
        boolean commented;

        @Override
        public Optional<Locale> localeOf(String phone) {
            return Optional.of(locale);
        }

        @Override
        public synchronized Optional<ScoreRecorded> recordScore(String phone, Score score) {
            if (!openInvitation) {
                return Optional.empty();
            }
            calls.add("score " + score.value());
            openInvitation = false;
            scored = true;
            Optional<String> followUp = score.value() <= 6 ? Optional.of("What should we fix first?") : Optional.empty();
            return Optional.of(new ScoreRecorded("inv-1", followUp, locale));
        }

        @Override
        public synchronized CommentResult recordComment(String phone, String text) {
            if (scored && !commented) {
                commented = true;
                calls.add("comment " + text);
                return CommentResult.RECORDED;
            }
            return openInvitation ? CommentResult.AWAITING_SCORE : CommentResult.IGNORED;
        }

        @Override
        public synchronized void suppress(String phone) {
            calls.add("suppress");
        }

        @Override
        public synchronized void resubscribe(String phone) {
            calls.add("resubscribe");
        }
    }

    private final FakeEngine engine = new FakeEngine();
    private final SmsConversation conversation = new SmsConversation(engine,
            SmsTexts.defaults().with(SmsTexts.HELP, "Acme surveys. Call 0800 123 4567."), Locale.ENGLISH);

    @Test
    void asksTheFollowUpOnceAfterAScoreThenThanksForTheComment() {
        assertThat(conversation.onInbound(PHONE, "3")).containsExactly("What should we fix first?");
        assertThat(conversation.onInbound(PHONE, "The delivery was late")).containsExactly("Thank you for your feedback!");
        assertThat(conversation.onInbound(PHONE, "and the box was torn")).isEmpty();
        assertThat(engine.calls).containsExactly("score 3", "comment The delivery was late");
    }

    @Test
    void thanksAPromoterWhenTheSurveyHasNoFollowUpForThem() {
        assertThat(conversation.onInbound(PHONE, "10!")).containsExactly("Thank you for your feedback!");
    }

    @Test
    void readsNumberWordsInTheContactsLanguage() {
        engine.locale = Locale.GERMAN;
        assertThat(conversation.onInbound(PHONE, "Neun")).containsExactly("Vielen Dank für Ihr Feedback!");
        assertThat(engine.calls).containsExactly("score 9");
    }

    @Test
    void optOutSuppressesAndConfirms() {
        assertThat(conversation.onInbound(PHONE, " stop ")).containsExactly(SmsTexts.defaults().get(SmsTexts.OPT_OUT, Locale.ENGLISH));
        assertThat(engine.calls).containsExactly("suppress");
    }

    @Test
    void startResubscribesAndConfirms() {
        assertThat(conversation.onInbound(PHONE, "START")).containsExactly("You are subscribed again. Reply STOP to opt out.");
        assertThat(engine.calls).containsExactly("resubscribe");
    }

    @Test
    void helpSendsTheConfiguredHelpText() {
        assertThat(conversation.onInbound(PHONE, "help")).containsExactly("Acme surveys. Call 0800 123 4567.");
        assertThat(engine.calls).isEmpty();
    }

    @Test
    void textThatIsNotAScoreBeforeAnyScoreGetsAHint() {
        assertThat(conversation.onInbound(PHONE, "maybe")).containsExactly("Please reply with a number from 0 to 10.");
        assertThat(engine.calls).isEmpty();
    }

    @Test
    void rejectsASenderThatIsNotE164() {
        assertThatThrownBy(() -> conversation.onInbound("015112345678", "9")).isInstanceOf(NpsException.class)
                .hasMessageContaining("contact.phone").hasMessageNotContaining("015112345678");
    }
}
