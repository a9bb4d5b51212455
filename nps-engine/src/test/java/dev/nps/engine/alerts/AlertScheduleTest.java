package dev.nps.engine.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.nps.api.NpsException;
import dev.nps.api.Response;
import dev.nps.engine.store.InMemoryStore;
import dev.nps.spi.Alert;
import dev.nps.spi.OutboxEntry;
import dev.nps.spi.SendOutcome;
import dev.nps.testkit.RecordingAlertSink;
import dev.nps.testkit.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The scheduled paths, driven by hand: the scheduled task is captured and run with the settable clock. */
class AlertScheduleTest {
    private final SettableClock clock = SettableClock.startingMonday();
    private final InMemoryStore store = new InMemoryStore();

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void scheduledEvaluationRaisesThroughTheRelayAndStops() {
        ScheduledExecutorService executor = mock(ScheduledExecutorService.class);
        ScheduledFuture future = mock(ScheduledFuture.class);
        ArgumentCaptor<Runnable> task = ArgumentCaptor.forClass(Runnable.class);
        when(executor.scheduleWithFixedDelay(task.capture(), anyLong(), anyLong(), any())).thenReturn(future);

        RecordingAlertSink sink = new RecordingAlertSink("chat").thenReturn(new SendOutcome.Retryable(java.util.Optional.empty(), "busy", false));
        AlertRelay relay = AlertRelay.builder().clock(clock).alertSink(sink).build();
        AlertMonitor monitor = AlertMonitor.builder().store(store).clock(clock).publisher(relay)
                .rule(NpsDropRule.named("drop").period(Duration.ofDays(1)).minResponses(20).build()).build();
        monitor.start(executor, Duration.ofMinutes(5));
        relay.start(executor, Duration.ofSeconds(10));
        verify(executor).scheduleWithFixedDelay(any(), eq(300_000L), eq(300_000L), eq(TimeUnit.MILLISECONDS));
        assertThatThrownBy(() -> monitor.start(executor, Duration.ofMinutes(5))).isInstanceOf(NpsException.class);

        Instant now = clock.instant();
        for (int i = 0; i < 40; i++) {
            store.insertResponse(Response.builder("s", 10).id("old-" + i).answeredAt(now.minus(Duration.ofHours(30)).plusSeconds(i)).build(now));
            store.insertResponse(Response.builder("s", 1).id("new-" + i).answeredAt(now.minus(Duration.ofHours(5)).plusSeconds(i)).build(now));
        }
        List<Runnable> tasks = new ArrayList<>(task.getAllValues());
        tasks.get(0).run(); // evaluation
        tasks.get(1).run(); // delivery: the sink is busy
        assertThat(sink.alerts()).hasSize(1);
        assertThat(relay.outbox().list(OutboxEntry.State.PENDING)).hasSize(1);
        clock.advance(Duration.ofSeconds(30));
        tasks.get(0).run(); // same period: de-duplicated
        tasks.get(1).run(); // delivered on the retry
        assertThat(sink.alerts()).hasSize(2).extracting(Alert::id).containsOnly(sink.alerts().get(0).id());
        assertThat(relay.outbox().list(OutboxEntry.State.DELIVERED)).hasSize(1);

        monitor.stop();
        relay.close();
        verify(future, org.mockito.Mockito.times(2)).cancel(false);
    }
}
