package dev.nps.engine.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nps.api.ErrorCode;
import dev.nps.api.NpsException;
import dev.nps.spi.Alert;
import dev.nps.spi.OutboxEntry;
import dev.nps.spi.OutboxMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InMemoryAlertOutboxTest {
    private final Instant now = Instant.parse("2026-01-05T09:00:00Z");
    private final InMemoryAlertOutbox outbox = new InMemoryAlertOutbox();

    private OutboxEntry entry(String alertId) {
        return OutboxEntry.pending("alert:chat", new OutboxMessage.AlertMessage(
                new Alert(alertId, "r", Alert.Severity.INFO, "t", "d", now, Map.of())), now);
    }

    @Test
    void addsAMessageOncePerTargetEvenAfterDelivery() {
        assertThat(outbox.add(entry("a"))).isTrue();
        assertThat(outbox.add(entry("a"))).isFalse();
        OutboxEntry claimed = outbox.claimDue(now, now.plusSeconds(300), 10).get(0);
        outbox.delivered(claimed, 1, now);
        assertThat(outbox.add(entry("a"))).isFalse();
    }

    @Test
    void aClaimedEntryIsNotClaimedAgainBeforeItsLeaseLapses() {
        outbox.add(entry("a"));
        assertThat(outbox.claimDue(now, now.plusSeconds(300), 10)).hasSize(1);
        assertThat(outbox.claimDue(now.plusSeconds(299), now.plusSeconds(600), 10)).isEmpty();
        assertThat(outbox.claimDue(now.plusSeconds(300), now.plusSeconds(600), 10)).as("the relay died: the entry comes back").hasSize(1);
    }

    @Test
    void onlyDeadEntriesCanBeRequeued() {
        outbox.add(entry("a"));
        OutboxEntry claim = outbox.claimDue(now, now.plusSeconds(300), 10).get(0);
        String id = claim.id();
        assertThat(outbox.requeue(id, now)).isFalse();
        outbox.dead(claim, 8, now, "HTTP 500");
        assertThat(outbox.requeue(id, now.plus(Duration.ofHours(1)))).isTrue();
        assertThat(outbox.find(id)).hasValueSatisfying(e -> {
            assertThat(e.state()).isEqualTo(OutboxEntry.State.PENDING);
            assertThat(e.attempts()).isZero();
            assertThat(e.lastError()).contains("HTTP 500");
        });
        assertThat(outbox.requeue("nope", now)).isFalse();
    }

    @Test
    void theScheduleForgetsDeliveriesOlderThanTheKeepTimeAndKeepsNewerOnes() throws Exception {
        dev.nps.testkit.SettableClock clock = new dev.nps.testkit.SettableClock(now);
        AlertRelay relay = AlertRelay.builder().clock(clock).outbox(outbox).alertSink(new dev.nps.testkit.RecordingAlertSink("chat"))
                .keepDelivered(Duration.ofDays(30)).build();
        relay.publish(new Alert("old", "r", Alert.Severity.INFO, "t", "d", now, Map.of()));
        assertThat(relay.deliverDue()).isEqualTo(1);
        clock.advance(Duration.ofDays(31));
        relay.publish(new Alert("new", "r", Alert.Severity.INFO, "t", "d", clock.instant(), Map.of()));
        assertThat(relay.deliverDue()).isEqualTo(1);
        java.util.concurrent.ScheduledExecutorService executor = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        try {
            relay.start(executor, Duration.ofMillis(100));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (outbox.count(OutboxEntry.State.DELIVERED) > 1 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        } finally {
            relay.stop();
            executor.shutdownNow();
        }
        assertThat(outbox.list(OutboxEntry.State.DELIVERED)).extracting(OutboxEntry::id).containsExactly("alert:chat|new");
        assertThatThrownBy(() -> AlertRelay.builder().keepDelivered(Duration.ofHours(1))).isInstanceOf(NpsException.class)
                .hasMessageContaining("keepDelivered");
    }

    @Test
    void aRelayWithoutAnyTargetIsRejected() {
        assertThatThrownBy(() -> AlertRelay.builder().build()).isInstanceOfSatisfying(NpsException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION);
            assertThat(e.getMessage()).contains("nps.alert.slack.url");
        });
    }
}
