package dev.nps.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nps.spi.Alert;
import dev.nps.spi.SendOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class RecordingAlertSinkTest {

    private static Alert alert(String id, String rule) {
        return new Alert(id, rule, Alert.Severity.WARNING, "NPS dropped", "pro plan: -12 points",
                Instant.parse("2026-01-05T09:00:00Z"), Map.of("segment", "plan=pro"));
    }

    @Test
    void recordsAlertsAndAcceptsByDefault() {
        RecordingAlertSink sink = new RecordingAlertSink("chat");
        assertThat(sink.name()).isEqualTo("chat");
        assertThat(sink.deliver(alert("a-1", "drop"))).isEqualTo(SendOutcome.accepted());
        sink.deliver(alert("a-2", "volume"));
        assertThat(sink.alerts()).extracting(Alert::id).containsExactly("a-1", "a-2");
        assertThat(sink.alertsOf("volume")).extracting(Alert::id).containsExactly("a-2");
    }

    @Test
    void answersWithQueuedOutcomesThenThrowsOrFallsBack() {
        SendOutcome retry = new SendOutcome.Retryable(Optional.empty(), "503", true);
        RecordingAlertSink sink = new RecordingAlertSink().thenReturn(retry).thenThrow(new IllegalStateException("bug"))
                .otherwise(a -> new SendOutcome.Permanent("gone", false));
        assertThat(sink.deliver(alert("a-1", "r"))).isEqualTo(retry);
        assertThatThrownBy(() -> sink.deliver(alert("a-2", "r"))).hasMessage("bug");
        assertThat(sink.deliver(alert("a-3", "r"))).isEqualTo(new SendOutcome.Permanent("gone", false));
        assertThat(sink.alerts()).hasSize(3);
    }

    @Test
    void awaitsAlertsFromAnotherThread() {
        RecordingAlertSink sink = new RecordingAlertSink();
        CompletableFuture.runAsync(() -> sink.deliver(alert("a-1", "r")));
        assertThat(sink.awaitAlerts(1, Duration.ofSeconds(10))).hasSize(1);
    }

    @Test
    void rejectsABlankNameAndDeliveriesAfterClose() {
        assertThatThrownBy(() -> new RecordingAlertSink(" ")).isInstanceOf(IllegalArgumentException.class);
        RecordingAlertSink sink = new RecordingAlertSink();
        sink.close();
        assertThat(sink.isClosed()).isTrue();
        assertThatThrownBy(() -> sink.deliver(alert("a-1", "r"))).isInstanceOf(IllegalStateException.class);
    }
}
