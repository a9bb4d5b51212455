package dev.nps.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nps.api.ChannelName;
import dev.nps.api.Contact;
import dev.nps.api.Survey;
import dev.nps.spi.Delivery;
import dev.nps.spi.SendOutcome;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class RecordingChannelTest {

    private static Delivery delivery(String invitation, String contact) {
        return new Delivery(invitation, 1, 0, Survey.builder("s").build(), Contact.of(contact).build(), Locale.ENGLISH,
                List.of(), Optional.empty());
    }

    @Test
    void recordsDeliveriesInOrderAndAcceptsByDefault() {
        RecordingChannel channel = RecordingChannel.inApp();
        SendOutcome first = channel.send(delivery("i-1", "c-1"));
        SendOutcome second = channel.send(delivery("i-2", "c-2"));
        assertThat(first).isEqualTo(SendOutcome.accepted("msg-1"));
        assertThat(second).isEqualTo(SendOutcome.accepted("msg-2"));
        assertThat(channel.deliveries()).extracting(Delivery::invitationId).containsExactly("i-1", "i-2");
        assertThat(channel.deliveriesTo("c-2")).extracting(Delivery::invitationId).containsExactly("i-2");
    }

    @Test
    void answersWithQueuedOutcomesThenTheDefaultFunction() {
        SendOutcome retry = new SendOutcome.Retryable(Optional.of(Duration.ofSeconds(30)), "421", false);
        SendOutcome bounce = new SendOutcome.Permanent("550 unknown user", true);
        RecordingChannel channel = RecordingChannel.email().thenReturn(retry, bounce)
                .otherwise(d -> new SendOutcome.Ambiguous("timeout after " + d.invitationId()));
        assertThat(channel.send(delivery("i-1", "c"))).isEqualTo(retry);
        assertThat(channel.send(delivery("i-2", "c"))).isEqualTo(bounce);
        assertThat(channel.send(delivery("i-3", "c"))).isEqualTo(new SendOutcome.Ambiguous("timeout after i-3"));
        assertThat(channel.deliveries()).hasSize(3);
    }

    @Test
    void throwsAQueuedFailureButStillRecordsTheAttempt() {
        RecordingChannel channel = RecordingChannel.sms().thenThrow(new IllegalStateException("bug"));
        assertThatThrownBy(() -> channel.send(delivery("i-1", "c"))).hasMessage("bug");
        assertThat(channel.deliveries()).hasSize(1);
        assertThat(channel.send(delivery("i-2", "c"))).isInstanceOf(SendOutcome.Accepted.class);
    }

    @Test
    void emailAndSmsReachOnlyContactsWithAnAddress() {
        Contact withEmail = Contact.of("a").email("a@example.com").build();
        Contact withPhone = Contact.of("b").phone("+4915112345678").build();
        assertThat(RecordingChannel.email().canReach(withEmail)).isTrue();
        assertThat(RecordingChannel.email().canReach(withPhone)).isFalse();
        assertThat(RecordingChannel.sms().canReach(withPhone)).isTrue();
        assertThat(RecordingChannel.sms().canReach(withEmail)).isFalse();
        assertThat(new RecordingChannel(ChannelName.of("push")).reachableWhen(c -> false).canReach(withEmail)).isFalse();
    }

    @Test
    void awaitsDeliveriesFromAnotherThread() {
        RecordingChannel channel = RecordingChannel.inApp();
        CompletableFuture.runAsync(() -> channel.send(delivery("i-1", "c")));
        assertThat(channel.awaitDeliveries(1, Duration.ofSeconds(10))).hasSize(1);
    }

    @Test
    void awaitFailsWithAClearMessageWhenTooFewArrive() {
        RecordingChannel channel = RecordingChannel.inApp();
        assertThatThrownBy(() -> channel.awaitDeliveries(1, Duration.ZERO))
                .isInstanceOf(AssertionError.class).hasMessageContaining("expected 1 deliveries on 'in-app'");
    }

    @Test
    void refusesToSendAfterClose() {
        RecordingChannel channel = RecordingChannel.inApp();
        channel.close();
        assertThat(channel.isClosed()).isTrue();
        assertThatThrownBy(() -> channel.send(delivery("i-1", "c"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void resetForgetsDeliveriesAndQueuedOutcomes() {
        RecordingChannel channel = RecordingChannel.inApp().thenReturn(new SendOutcome.Permanent("x", false));
        channel.send(delivery("i-1", "c"));
        channel.thenReturn(new SendOutcome.Permanent("y", false));
        channel.reset();
        assertThat(channel.deliveries()).isEmpty();
        assertThat(channel.send(delivery("i-2", "c"))).isInstanceOf(SendOutcome.Accepted.class);
    }
}
