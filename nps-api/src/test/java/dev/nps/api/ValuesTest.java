package dev.nps.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nps.api.analytics.ResponseFilter;
import dev.nps.api.analytics.ScoreCounts;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValuesTest {
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void surveyBuilderFreezesACopy() {
        Survey.Builder b = Survey.builder("post-purchase").followUp(Category.DETRACTOR, "What should we fix first?")
                .sendVia(ChannelName.EMAIL).fallbackTo(ChannelName.SMS).throttlePerContact(Duration.ofDays(90));
        Survey first = b.build();
        b.fallbackTo(ChannelName.IN_APP);
        assertThat(first.channels()).containsExactly(ChannelName.EMAIL, ChannelName.SMS);
        assertThat(b.build().channels()).containsExactly(ChannelName.EMAIL, ChannelName.SMS, ChannelName.IN_APP);
        assertThat(first.followUp(Category.DETRACTOR)).contains("What should we fix first?");
        assertThat(first.toBuilder().build()).isEqualTo(first);
    }

    @Test
    void surveyRejectsDuplicateChannelsAndBlankQuestion() {
        assertThatThrownBy(() -> Survey.builder("s").fallbackTo(ChannelName.EMAIL)).hasMessageContaining("survey.channels");
        assertThatThrownBy(() -> Survey.builder("s").question(" ")).hasMessageContaining("survey.question");
        assertThatThrownBy(() -> Survey.builder("bad id!")).hasMessageContaining("survey.id");
    }

    @Test
    void contactValidatesEmailPhoneZoneAndRedactsThemInToString() {
        Contact c = Contact.of("c-42").email("ann@example.com").phone("+4915112345678").zone("Europe/Berlin").locale("de-DE")
                .attribute("plan", "pro").build();
        assertThat(c.toString()).doesNotContain("ann@example.com").doesNotContain("+4915112345678");
        assertThat(c.consentsTo(ChannelName.EMAIL)).isTrue();
        assertThat(Contact.of("c").email("jürgen@bücher.de").build().email()).contains("jürgen@bücher.de");
        assertThatThrownBy(() -> Contact.of("c").email("ann.example.com")).hasMessageContaining("contact.email").hasMessageNotContaining("ann.example.com");
        assertThatThrownBy(() -> Contact.of("c").phone("015112345678")).hasMessageContaining("E.164");
        assertThatThrownBy(() -> Contact.of("c").zone("Mars/Olympus")).hasMessageContaining("IANA");
    }

    @Test
    void toBuilderKeepsWithdrawnConsent() {
        Contact c = Contact.of("c").email("ann@example.com").consent(ChannelName.EMAIL, false).build();
        assertThat(c.consentsTo(ChannelName.EMAIL)).isFalse();
        assertThat(c.toBuilder().build()).isEqualTo(c);
    }

    @Test
    void attributeKeysAreValidatedAndValuesMayHoldAnything() {
        Contact c = Contact.of("c").attribute("note", "it's; -- DROP TABLE x; \"quoted\"").build();
        assertThat(c.attributes()).containsEntry("note", "it's; -- DROP TABLE x; \"quoted\"");
        assertThatThrownBy(() -> Contact.of("c").attribute("bad key", "v")).hasMessageContaining("attribute key");
        assertThatThrownBy(() -> Contact.of("c").attribute("x'; --", "v")).hasMessageContaining("attribute key");
    }

    @Test
    void responseKeepsEmojiAndRightToLeftTextAndRejectsNulAndLoneSurrogates() {
        String comment = "שירות מצוין 👍🏽 مرحبا";
        Response r = Response.builder("s", 9).comment(comment).build(NOW);
        assertThat(r.comment()).contains(comment);
        assertThat(r.toString()).doesNotContain(comment);
        assertThatThrownBy(() -> Response.builder("s", 9).comment("a\u0000b").build(NOW)).hasMessageContaining("NUL");
        assertThatThrownBy(() -> Response.builder("s", 9).comment("a\uD83Db").build(NOW)).hasMessageContaining("surrogate");
    }

    @Test
    void responseRejectsHugeCommentsWithTheLimitInTheMessage() {
        String huge = "a".repeat(Response.MAX_COMMENT_LENGTH + 1);
        assertThatThrownBy(() -> Response.builder("s", 5).comment(huge).build(NOW))
                .isInstanceOf(NpsException.class)
                .hasMessageContaining(Integer.toString(Response.MAX_COMMENT_LENGTH))
                .extracting(e -> ((NpsException) e).code()).isEqualTo(ErrorCode.COMMENT_TOO_LONG);
    }

    @Test
    void blankCommentIsNoComment() {
        assertThat(Response.builder("s", 5).comment("   ").build(NOW).comment()).isEmpty();
    }

    @Test
    void quietHoursWrapMidnight() {
        QuietHours q = QuietHours.DEFAULT;
        assertThat(q.contains(LocalTime.of(22, 0))).isTrue();
        assertThat(q.contains(LocalTime.of(7, 59))).isTrue();
        assertThat(q.contains(LocalTime.of(8, 0))).isFalse();
        assertThat(q.contains(LocalTime.of(20, 59))).isFalse();
        assertThat(new QuietHours(LocalTime.of(12, 0), LocalTime.of(13, 0)).contains(LocalTime.of(12, 30))).isTrue();
    }

    @Test
    void scoreCountsMergeAndComputeNps() {
        ScoreCounts a = ScoreCounts.ofCategories(1, 2, 3);
        assertThat(a.total()).isEqualTo(6);
        assertThat(a.nps()).isCloseTo(100.0 * 2 / 6, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(a.plus(a).minus(a)).isEqualTo(a);
        assertThat(ScoreCounts.EMPTY.nps()).isNaN();
        long[] h = a.histogram();
        h[0] = 99;
        assertThat(a.count(0)).isEqualTo(1);
    }

    @Test
    void filterRejectsAnEmptyWindow() {
        assertThatThrownBy(() -> ResponseFilter.builder().between(NOW, NOW).build()).hasMessageContaining("filter.to");
        assertThat(ResponseFilter.builder().attribute("plan", "pro").build().attributes()).isEqualTo(Map.of("plan", java.util.Set.of("pro")));
        assertThat(ResponseFilter.builder().attribute("plan", "pro", "pro").build().attributes()).isEqualTo(Map.of("plan", java.util.Set.of("pro")));
        assertThatThrownBy(() -> ResponseFilter.builder().attribute("plan", (String) null)).isInstanceOf(NpsException.class).hasMessageContaining("filter.attributes['plan']");
    }
}
