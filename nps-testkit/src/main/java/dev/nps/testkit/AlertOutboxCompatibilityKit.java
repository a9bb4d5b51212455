package dev.nps.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nps.api.Category;
import dev.nps.api.NpsException;
import dev.nps.spi.Alert;
import dev.nps.spi.AlertOutbox;
import dev.nps.spi.CrmUpdate;
import dev.nps.spi.OutboxEntry;
import dev.nps.spi.OutboxMessage;
import dev.nps.spi.OutgoingEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link AlertOutbox}: every implementation passes this kit. A backend's test is a small subclass
 * returning a fresh, empty outbox from {@link #createOutbox()}; {@link #closeOutbox} releases it. Instants keep
 * at least microsecond precision; event data numbers come back as the same value (an {@code int} as an
 * {@code Integer}).
 */
public abstract class AlertOutboxCompatibilityKit {
    /** A fixed instant with whole milliseconds. */
    protected static final Instant T0 = Instant.parse("2026-01-06T10:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(5);

    private AlertOutbox outbox;

    /** @return a fresh, empty outbox */
    protected abstract AlertOutbox createOutbox();

    /** Releases the outbox (default: nothing). */
    protected void closeOutbox(AlertOutbox outbox) {
    }

    @BeforeEach
    void open() {
        outbox = createOutbox();
    }

    @AfterEach
    void close() {
        closeOutbox(outbox);
    }

    private static OutboxEntry alert(String id, Instant at) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("segment", "plan=enterprise");
        facts.put("npsRecent", "-12.5");
        return OutboxEntry.pending("alert:slack", new OutboxMessage.AlertMessage(
                new Alert(id, "weekly-drop", Alert.Severity.WARNING, "NPS fell 20 points", "Line one\nLine \"two\" ✓ 😀", at, facts)), at);
    }

    private static OutboxEntry event(String id, Instant at) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("responseId", "r-1");
        data.put("score", 3);
        data.put("big", 12_345_678_901L);
        data.put("ratio", 0.25);
        data.put("flag", true);
        data.put("contactId", null);
        data.put("comment", "Tab\tand \\ backslash, \u00e9t\u00e9 \u0001 control");
        data.put("attributes", Map.of("plan", "enterprise"));
        data.put("themes", List.of("price", "support"));
        return OutboxEntry.pending("event:webhook", new OutboxMessage.EventMessage(
                new OutgoingEvent(id, OutgoingEvent.RESPONSE_CREATED, at, data)), at);
    }

    private static OutboxEntry crm(String responseId, Instant at) {
        return OutboxEntry.pending("crm:hubspot", new OutboxMessage.CrmMessage(
                new CrmUpdate("c-1", "s-1", responseId, 4, Category.DETRACTOR, Optional.of("Too slow"), at)), at);
    }

    private OutboxEntry claimOne(Instant now) {
        List<OutboxEntry> claimed = outbox.claimDue(now, now.plus(LEASE), 10);
        assertThat(claimed).hasSize(1);
        return claimed.get(0);
    }

    @Test
    @DisplayName("an added entry of each message kind is found unchanged, and a second add of its id stores nothing")
    void addsAndFindsEveryKind() {
        for (OutboxEntry e : List.of(alert("a-1", T0), event("e-1", T0), crm("r-1", T0))) {
            assertThat(outbox.add(e)).isTrue();
            assertThat(outbox.add(e)).isFalse();
            assertThat(outbox.find(e.id())).contains(e);
        }
        assertThat(outbox.find("nope")).isEmpty();
        assertThat(outbox.count(OutboxEntry.State.PENDING)).isEqualTo(3);
    }

    @Test
    @DisplayName("a delivered message is not added again, so publishing twice delivers once")
    void deliveredIsNotAddedAgain() {
        outbox.add(event("e-1", T0));
        OutboxEntry claim = claimOne(T0);
        assertThat(outbox.delivered(claim, 1, T0.plusSeconds(1))).isTrue();
        assertThat(outbox.add(event("e-1", T0.plusSeconds(5)))).isFalse();
        assertThat(outbox.find(claim.id())).hasValueSatisfying(e -> {
            assertThat(e.state()).isEqualTo(OutboxEntry.State.DELIVERED);
            assertThat(e.attempts()).isEqualTo(1);
            assertThat(e.lastError()).isEmpty();
        });
        assertThat(outbox.claimDue(T0.plus(Duration.ofDays(1)), T0.plus(Duration.ofDays(2)), 10)).isEmpty();
    }

    @Test
    @DisplayName("only due pending entries are claimed, oldest due first, up to the limit, each with a new fence")
    void claimsDueEntriesInOrder() {
        outbox.add(alert("late", T0.plusSeconds(60)));
        outbox.add(alert("b", T0.minusSeconds(10)));
        outbox.add(alert("a", T0.minusSeconds(20)));
        outbox.add(alert("c", T0));
        List<OutboxEntry> claimed = outbox.claimDue(T0, T0.plus(LEASE), 2);
        assertThat(claimed).extracting(e -> ((OutboxMessage.AlertMessage) e.message()).alert().id()).containsExactly("a", "b");
        assertThat(claimed).allSatisfy(e -> {
            assertThat(e.fence()).isEqualTo(1);
            assertThat(e.nextAttemptAt()).isEqualTo(T0.plus(LEASE));
        });
        assertThat(outbox.claimDue(T0, T0.plus(LEASE), 10)).extracting(OutboxEntry::id).containsExactly("alert:slack|c");
    }

    @Test
    @DisplayName("a claimed entry is not claimed again before its lease lapses, and comes back after it")
    void leases() {
        outbox.add(alert("a", T0));
        OutboxEntry first = claimOne(T0);
        assertThat(outbox.claimDue(T0.plus(LEASE).minusSeconds(1), T0.plus(LEASE).plus(LEASE), 10)).isEmpty();
        OutboxEntry second = claimOne(T0.plus(LEASE));
        assertThat(second.fence()).isGreaterThan(first.fence());
    }

    @Test
    @DisplayName("an outcome under a lapsed claim is refused and changes nothing; the current claim's outcome is written")
    void outcomesAreFenced() {
        outbox.add(event("e-1", T0));
        OutboxEntry stale = claimOne(T0);
        OutboxEntry current = claimOne(T0.plus(LEASE));
        assertThat(outbox.delivered(stale, 1, T0.plus(LEASE))).isFalse();
        assertThat(outbox.retryAt(stale, 1, T0.plus(Duration.ofHours(1)), "HTTP 503")).isFalse();
        assertThat(outbox.dead(stale, 1, T0.plus(LEASE), "HTTP 400")).isFalse();
        assertThat(outbox.find(current.id()).orElseThrow().state()).isEqualTo(OutboxEntry.State.PENDING);
        assertThat(outbox.delivered(current, 2, T0.plus(LEASE).plusSeconds(1))).isTrue();
        assertThat(outbox.delivered(current, 2, T0.plus(LEASE).plusSeconds(2))).as("settled once").isFalse();
        assertThat(outbox.find(current.id()).orElseThrow().state()).isEqualTo(OutboxEntry.State.DELIVERED);
    }

    @Test
    @DisplayName("a retry records attempts and reason and is due again only at its next attempt")
    void retries() {
        outbox.add(alert("a", T0));
        OutboxEntry claim = claimOne(T0);
        Instant next = T0.plusSeconds(30).plusNanos(123_000);
        assertThat(outbox.retryAt(claim, 1, next, "HTTP 503")).isTrue();
        assertThat(outbox.find(claim.id())).hasValueSatisfying(e -> {
            assertThat(e.state()).isEqualTo(OutboxEntry.State.PENDING);
            assertThat(e.attempts()).isEqualTo(1);
            assertThat(e.nextAttemptAt()).isEqualTo(next);
            assertThat(e.lastError()).contains("HTTP 503");
        });
        assertThat(outbox.claimDue(next.minusNanos(1000), next.plus(LEASE), 10)).isEmpty();
        OutboxEntry again = claimOne(next);
        assertThat(again.attempts()).isEqualTo(1);
        assertThat(again.lastError()).contains("HTTP 503");
    }

    @Test
    @DisplayName("a dead entry is listed and counted, never claimed, and requeued due now with its attempts reset")
    void deadLettersAndRequeue() {
        outbox.add(alert("a", T0));
        OutboxEntry claim = claimOne(T0);
        assertThat(outbox.requeue(claim.id(), T0)).as("not dead").isFalse();
        assertThat(outbox.dead(claim, 8, T0.plusSeconds(1), "HTTP 500")).isTrue();
        assertThat(outbox.list(OutboxEntry.State.DEAD)).extracting(OutboxEntry::id).containsExactly(claim.id());
        assertThat(outbox.count(OutboxEntry.State.DEAD)).isEqualTo(1);
        assertThat(outbox.claimDue(T0.plus(Duration.ofDays(1)), T0.plus(Duration.ofDays(2)), 10)).isEmpty();
        Instant later = T0.plus(Duration.ofHours(1));
        assertThat(outbox.requeue(claim.id(), later)).isTrue();
        assertThat(outbox.requeue(claim.id(), later)).isFalse();
        assertThat(outbox.requeue("nope", later)).isFalse();
        assertThat(outbox.find(claim.id())).hasValueSatisfying(e -> {
            assertThat(e.state()).isEqualTo(OutboxEntry.State.PENDING);
            assertThat(e.attempts()).isZero();
            assertThat(e.nextAttemptAt()).isEqualTo(later);
            assertThat(e.lastError()).contains("HTTP 500");
        });
        OutboxEntry reclaimed = claimOne(later);
        assertThat(outbox.dead(claim, 8, later, "stale")).as("the old claim is void after a requeue").isFalse();
        assertThat(outbox.delivered(reclaimed, 1, later)).isTrue();
    }

    @Test
    @DisplayName("listing is oldest first and bounded; forgetting drops only delivered entries before the cut-off")
    void listsAndForgets() {
        outbox.add(alert("b", T0.plusSeconds(2)));
        outbox.add(alert("a", T0.plusSeconds(1)));
        outbox.add(alert("c", T0.plusSeconds(3)));
        assertThat(outbox.list(OutboxEntry.State.PENDING, 2)).extracting(OutboxEntry::id).containsExactly("alert:slack|a", "alert:slack|b");
        List<OutboxEntry> claimed = outbox.claimDue(T0.plusSeconds(3), T0.plusSeconds(3).plus(LEASE), 10);
        assertThat(claimed).hasSize(3);
        outbox.delivered(claimed.get(0), 1, T0.plusSeconds(10));
        outbox.delivered(claimed.get(1), 1, T0.plusSeconds(20));
        outbox.dead(claimed.get(2), 1, T0.plusSeconds(5), "HTTP 400");
        assertThat(outbox.forgetDelivered(T0.plusSeconds(15))).isEqualTo(1);
        assertThat(outbox.find(claimed.get(0).id())).isEmpty();
        assertThat(outbox.find(claimed.get(1).id())).isPresent();
        assertThat(outbox.find(claimed.get(2).id())).isPresent();
        assertThat(outbox.count(OutboxEntry.State.DELIVERED)).isEqualTo(1);
    }

    @Test
    @DisplayName("concurrent claimers each get different entries and together get every entry once")
    void concurrentClaimsNeverOverlap() throws Exception {
        int entries = 120;
        for (int i = 0; i < entries; i++) {
            outbox.add(event("e-" + i, T0.minusMillis(i)));
        }
        Set<String> seen = ConcurrentHashMap.newKeySet();
        List<String> duplicates = new java.util.concurrent.CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            futures.add(pool.submit(() -> {
                start.await();
                while (true) {
                    List<OutboxEntry> batch = outbox.claimDue(T0, T0.plus(LEASE), 7);
                    if (batch.isEmpty()) {
                        return null;
                    }
                    for (OutboxEntry e : batch) {
                        if (!seen.add(e.id())) {
                            duplicates.add(e.id());
                        }
                        assertThat(outbox.delivered(e, 1, T0)).isTrue();
                    }
                }
            }));
        }
        start.countDown();
        for (Future<?> f : futures) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(duplicates).isEmpty();
        assertThat(seen).hasSize(entries);
        assertThat(outbox.count(OutboxEntry.State.DELIVERED)).isEqualTo(entries);
    }

    @Test
    @DisplayName("bad arguments are rejected naming the field")
    void rejectsBadArguments() {
        assertThatThrownBy(() -> outbox.claimDue(T0, T0.plus(LEASE), 0)).isInstanceOf(NpsException.class).hasMessageContaining("limit");
        assertThatThrownBy(() -> outbox.claimDue(T0, T0, 10)).isInstanceOf(NpsException.class).hasMessageContaining("leaseUntil");
        OutboxEntry delivered = alert("a", T0).with(OutboxEntry.State.DELIVERED, 1, T0, Optional.empty());
        assertThatThrownBy(() -> outbox.add(delivered)).isInstanceOf(NpsException.class).hasMessageContaining("state");
        assertThatThrownBy(() -> outbox.list(OutboxEntry.State.PENDING, 0)).isInstanceOf(NpsException.class).hasMessageContaining("limit");
        assertThat(outbox.find("alert:slack|a")).isEmpty();
    }
}
