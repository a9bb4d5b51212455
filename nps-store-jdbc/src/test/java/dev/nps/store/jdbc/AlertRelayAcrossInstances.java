package dev.nps.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nps.engine.NpsEngine;
import dev.nps.engine.alerts.AlertRelay;
import dev.nps.engine.integrations.WebhookSink;
import dev.nps.spi.OutboxEntry;
import dev.nps.spi.OutgoingEvent;
import dev.nps.testkit.SettableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two engines, each on its own {@link JdbcStore} and pool as two application instances would be, share one
 * database and relay the same webhook events at the same time to a consumer that fails now and then: every event
 * is accepted exactly once, none is sent again after it was accepted, and none is left behind.
 */
abstract class AlertRelayAcrossInstances {
    private static final String SECRET = "across-instances-secret-0123456789";
    private static final int EVENTS = 300;
    private static final int RELAYS_PER_ENGINE = 2;

    @TempDir
    Path dir;

    abstract TestDatabase.Kind kind();

    private static NpsEngine engine(TestDatabase db, SettableClock clock, WebhookConsumer consumer) {
        JdbcStore store = db.store().clock(clock).poolSize(4).build();
        WebhookSink webhook = WebhookSink.builder().url(consumer.url()).secret(SECRET).clock(clock)
                .connectTimeout(Duration.ofSeconds(2)).requestTimeout(Duration.ofSeconds(10)).retries(1, Duration.ZERO).build();
        return NpsEngine.builder().store(store).clock(clock).alertSink(webhook).discoverProviders(false).build();
    }

    @Test
    void twoInstancesDeliverEveryEventExactlyOnce() throws Exception {
        SettableClock clock = SettableClock.startingMonday();
        try (TestDatabase db = TestDatabase.create(kind(), dir);
             WebhookConsumer consumer = new WebhookConsumer(SECRET, clock).failWhen(n -> n % 7 == 0);
             NpsEngine a = engine(db, clock, consumer);
             NpsEngine b = engine(db, clock, consumer)) {
            List<AlertRelay> relays = new ArrayList<>();
            for (NpsEngine e : List.of(a, b)) {
                for (int i = 0; i < RELAYS_PER_ENGINE; i++) {
                    relays.add(AlertRelay.builder().engine(e).backoff(Duration.ofSeconds(30), Duration.ofMinutes(5)).build());
                }
            }
            for (int i = 0; i < EVENTS; i++) {
                OutgoingEvent event = new OutgoingEvent("evt-" + i, OutgoingEvent.RESPONSE_CREATED, clock.instant(), Map.of("n", i));
                // Both instances saw the same host event: the outbox keeps one entry per event and target.
                relays.get(0).publish(event);
                relays.get(RELAYS_PER_ENGINE).publish(event);
            }
            assertThat(a.alertOutbox().count(OutboxEntry.State.PENDING)).isEqualTo(EVENTS);

            ExecutorService pool = Executors.newFixedThreadPool(relays.size());
            try {
                for (int round = 0; round < 20 && a.alertOutbox().count(OutboxEntry.State.PENDING) > 0; round++) {
                    List<Future<Integer>> runs = new ArrayList<>();
                    for (AlertRelay r : relays) {
                        runs.add(pool.submit(() -> r.deliverDue()));
                    }
                    for (Future<Integer> f : runs) {
                        f.get(120, TimeUnit.SECONDS);
                    }
                    clock.advance(Duration.ofMinutes(1));
                }
            } finally {
                pool.shutdownNow();
            }

            assertThat(b.alertOutbox().count(OutboxEntry.State.PENDING)).isZero();
            assertThat(b.alertOutbox().count(OutboxEntry.State.DEAD)).isZero();
            assertThat(b.alertOutbox().count(OutboxEntry.State.DELIVERED)).isEqualTo(EVENTS);
            Map<String, Integer> accepted = consumer.acceptedCounts();
            assertThat(accepted).hasSize(EVENTS);
            assertThat(accepted.values()).as("no event accepted twice").containsOnly(1);
            long failed = consumer.requests().stream().filter(r -> r.status() != 200).count();
            assertThat(failed).as("some deliveries failed and were retried").isPositive();
            assertThat(consumer.requests()).as("no request beyond the first success and the retries of failures").hasSize(EVENTS + (int) failed);
        }
    }
}
