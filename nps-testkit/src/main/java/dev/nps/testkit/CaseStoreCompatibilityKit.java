package dev.nps.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nps.api.ErrorCode;
import dev.nps.api.NpsException;
import dev.nps.spi.CaseEvent;
import dev.nps.spi.CaseStatus;
import dev.nps.spi.CaseStore;
import dev.nps.spi.FollowUpCase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
 * The contract of {@link CaseStore}: every implementation passes this kit. A backend's test is a small subclass
 * returning a fresh, empty store from {@link #createCaseStore()}; {@link #closeCaseStore} releases it. Instants
 * keep at least microsecond precision.
 */
public abstract class CaseStoreCompatibilityKit {
    /** A fixed instant with whole milliseconds. */
    protected static final Instant T0 = Instant.parse("2026-01-06T10:00:00Z");

    private CaseStore store;

    /** @return a fresh, empty case store */
    protected abstract CaseStore createCaseStore();

    /** Releases the store (default: nothing). */
    protected void closeCaseStore(CaseStore store) {
    }

    @BeforeEach
    void open() {
        store = createCaseStore();
    }

    @AfterEach
    void close() {
        closeCaseStore(store);
    }

    private static FollowUpCase opened(String id, String responseId, Optional<String> contactId, Instant at) {
        return new FollowUpCase(id, responseId, "s-1", contactId, 3, "ann@example.com", CaseStatus.OPEN, at, at.plus(Duration.ofDays(2)),
                Optional.empty(), Optional.empty(), List.of(new CaseEvent(at, "system", "opened", CaseStatus.OPEN, Optional.empty())), 0);
    }

    private static FollowUpCase contacted(FollowUpCase c, Instant at, String note) {
        return c.next(new CaseEvent(at, "ann", "contacted", CaseStatus.CONTACTED, Optional.of(note)), CaseStatus.CONTACTED,
                Optional.of(at), Optional.empty());
    }

    @Test
    @DisplayName("an inserted case is found by id and by response, unchanged, with or without a contact")
    void insertsAndFinds() {
        FollowUpCase a = opened("case-a", "r-1", Optional.of("c-1"), T0);
        FollowUpCase b = opened("case-b", "r-2", Optional.empty(), T0.plusNanos(1000));
        assertThat(store.insert(a)).isTrue();
        assertThat(store.insert(b)).isTrue();
        assertThat(store.find("case-a")).contains(a);
        assertThat(store.findByResponse("r-2")).contains(b);
        assertThat(store.find("nope")).isEmpty();
        assertThat(store.findByResponse("nope")).isEmpty();
    }

    @Test
    @DisplayName("a second case for the same response stores nothing; another response under a taken id is a CONFLICT")
    void oneCasePerResponse() {
        FollowUpCase a = opened("case-a", "r-1", Optional.of("c-1"), T0);
        store.insert(a);
        assertThat(store.insert(opened("case-other", "r-1", Optional.of("c-1"), T0.plusSeconds(1)))).isFalse();
        assertThat(store.find("case-other")).isEmpty();
        assertThatThrownBy(() -> store.insert(opened("case-a", "r-9", Optional.empty(), T0)))
                .isInstanceOfSatisfying(NpsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
        assertThat(store.findByResponse("r-9")).isEmpty();
        assertThat(store.list()).containsExactly(a);
    }

    @Test
    @DisplayName("an update one version on replaces the case and keeps its whole history, notes included")
    void updatesAppendHistory() {
        FollowUpCase a = opened("case-a", "r-1", Optional.of("c-1"), T0);
        store.insert(a);
        String unit = "Called back; promised a fix 😀 «à bientôt» ";
        String longNote = unit.repeat(CaseEvent.MAX_NOTE / unit.length());
        FollowUpCase b = contacted(a, T0.plusSeconds(3600), longNote);
        store.update(b);
        FollowUpCase c = b.next(new CaseEvent(T0.plusSeconds(7200), "bob", "resolved", CaseStatus.RESOLVED, Optional.of("Refunded")),
                CaseStatus.RESOLVED, b.firstContactAt(), Optional.of(T0.plusSeconds(7200)));
        store.update(c);
        FollowUpCase stored = store.find("case-a").orElseThrow();
        assertThat(stored).isEqualTo(c);
        assertThat(stored.version()).isEqualTo(2);
        assertThat(stored.history()).extracting(CaseEvent::action).containsExactly("opened", "contacted", "resolved");
        assertThat(stored.notes()).containsExactly(longNote, "Refunded");
        assertThat(store.findByResponse("r-1")).contains(c);
    }

    @Test
    @DisplayName("an update from a stale version is a CONFLICT and an unknown case NOT_FOUND; nothing is written")
    void optimisticLocking() {
        FollowUpCase a = opened("case-a", "r-1", Optional.of("c-1"), T0);
        store.insert(a);
        store.update(contacted(a, T0.plusSeconds(60), "first"));
        assertThatThrownBy(() -> store.update(contacted(a, T0.plusSeconds(120), "second")))
                .isInstanceOfSatisfying(NpsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
        assertThatThrownBy(() -> store.update(contacted(opened("case-x", "r-x", Optional.empty(), T0), T0, "n")))
                .isInstanceOfSatisfying(NpsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
        assertThat(store.find("case-a").orElseThrow().notes()).containsExactly("first");
    }

    @Test
    @DisplayName("of concurrent updates from one version exactly one wins")
    void concurrentUpdatesOneWins() throws Exception {
        FollowUpCase a = opened("case-a", "r-1", Optional.of("c-1"), T0);
        store.insert(a);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String note = "note " + i;
            results.add(pool.submit(() -> {
                start.await();
                try {
                    store.update(contacted(a, T0.plusSeconds(60), note));
                    return true;
                } catch (NpsException e) {
                    assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
                    return false;
                }
            }));
        }
        start.countDown();
        int won = 0;
        for (Future<Boolean> f : results) {
            won += f.get(60, TimeUnit.SECONDS) ? 1 : 0;
        }
        pool.shutdown();
        assertThat(won).isEqualTo(1);
        FollowUpCase stored = store.find("case-a").orElseThrow();
        assertThat(stored.version()).isEqualTo(1);
        assertThat(stored.history()).hasSize(2);
    }

    @Test
    @DisplayName("every case is listed, oldest first, and cases opened at one instant in the order inserted")
    void listsOldestFirst() {
        FollowUpCase late = opened("case-late", "r-2", Optional.empty(), T0.plusSeconds(10));
        FollowUpCase early = opened("case-early", "r-1", Optional.of("c-1"), T0);
        FollowUpCase tieFirst = opened("case-z", "r-3", Optional.empty(), T0.plusSeconds(5));
        FollowUpCase tieSecond = opened("case-a", "r-4", Optional.empty(), T0.plusSeconds(5));
        store.insert(late);
        store.insert(early);
        store.insert(tieFirst);
        store.insert(tieSecond);
        assertThat(store.list()).containsExactly(early, tieFirst, tieSecond, late);
    }
}
