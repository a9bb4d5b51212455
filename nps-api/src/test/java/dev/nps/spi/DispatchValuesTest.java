package dev.nps.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nps.api.ChannelName;
import dev.nps.api.Event;
import dev.nps.api.NpsException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DispatchValuesTest {
    private static final Instant T = Instant.parse("2026-01-06T10:00:00Z");

    @Test
    void eventsValidateTheirFieldsAndKeepAttributesImmutable() {
        Event e = Event.builder("order.completed", "c-1").id("o-1").attribute("plan", "pro").build(T);
        assertThat(e.occurredAt()).isEqualTo(T);
        assertThat(e.withAttribute("country", "DE").attributes()).containsEntry("plan", "pro").containsEntry("country", "DE");
        assertThat(e.attributes()).doesNotContainKey("country");
        assertThatThrownBy(() -> Event.of("order completed", "o", "c", T)).isInstanceOf(NpsException.class)
                .hasMessageContaining("event.type");
        assertThatThrownBy(() -> Event.of("t", "o", "c", null)).isInstanceOf(NpsException.class).hasMessageContaining("event.occurredAt");
        assertThatThrownBy(() -> new Event("t", "o", "c", T, Map.of("1bad", "x"))).isInstanceOf(NpsException.class);
        assertThat(Event.builder("t", "c").build(T).id()).isNotBlank();
    }

    @Test
    void aClaimedInvitationNeedsALeaseAndClaimingIncrementsTheFence() {
        Invitation p = Invitation.pending("i", "k", "s", "c", ChannelName.EMAIL, "manual", T, T);
        assertThat(p.rootId()).isEqualTo("i");
        Invitation c = p.claimedBy("w", T.plusSeconds(60));
        assertThat(c.fence()).isEqualTo(1);
        assertThat(c.recoveredClaims()).isZero();
        assertThat(c.claimedBy("w2", T.plusSeconds(120)).recoveredClaims()).isEqualTo(1);
        assertThat(c.withStatus(InvitationStatus.PENDING, T, 0, Optional.empty()).leaseOwner()).isEmpty();
        assertThatThrownBy(() -> new Invitation("i", "i", "k", "s", "c", ChannelName.EMAIL, 0, "m", InvitationStatus.CLAIMED, T, T, 0,
                Optional.empty(), Optional.empty(), 1, 0, Optional.empty(), Optional.empty(), Optional.empty()))
                .isInstanceOf(NpsException.class).hasMessageContaining("lease");
        assertThatThrownBy(() -> Invitation.pending("i", " ", "s", "c", ChannelName.EMAIL, "m", T, T)).isInstanceOf(NpsException.class)
                .hasMessageContaining("idempotencyKey");
    }

    @Test
    void suppressionsNormaliseAndHideTheAddress() {
        Suppression s = new Suppression("  Ann@Example.COM ", "bounce", T);
        assertThat(s.address()).isEqualTo("ann@example.com");
        assertThat(s.toString()).doesNotContain("ann");
        assertThatThrownBy(() -> new Suppression(" ", "x", T)).isInstanceOf(NpsException.class);
    }

    @Test
    void tokensAreStoredAsAHexSha256Only() {
        assertThatThrownBy(() -> new ResponseToken("not-a-hash", "i", "s", "c", T)).isInstanceOf(NpsException.class)
                .hasMessageContaining("token.hash");
        assertThat(new ResponseToken("0".repeat(64), "i", "s", "c", T).toString()).doesNotContain("0".repeat(64));
    }

    @Test
    void unsubscribesCoverOneSurveyOrAll() {
        assertThat(new Unsubscribe("c", Optional.empty(), T).covers("any")).isTrue();
        assertThat(new Unsubscribe("c", Optional.of("a"), T).covers("b")).isFalse();
    }

    @Test
    void terminalStatuses() {
        assertThat(InvitationStatus.PENDING.terminal()).isFalse();
        assertThat(InvitationStatus.CLAIMED.terminal()).isFalse();
        assertThat(InvitationStatus.DEAD.terminal()).isTrue();
    }
}
