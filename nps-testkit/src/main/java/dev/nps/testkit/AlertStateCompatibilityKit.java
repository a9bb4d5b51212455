package dev.nps.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nps.api.NpsException;
import dev.nps.spi.AlertState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
 * The contract of {@link AlertState}, the cool-downs and de-duplication keys of alerting: every implementation
 * passes this kit. A backend's test is a small subclass returning a fresh, empty state from
 * {@link #createState()}; {@link #closeState} releases it.
 */
public abstract class AlertStateCompatibilityKit {
    /** A fixed instant with whole milliseconds. */
    protected static final Instant T0 = Instant.parse("2026-01-06T10:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);

    private AlertState state;

    /** @return a fresh, empty alert state */
    protected abstract AlertState createState();

    /** Releases the state (default: nothing). */
    protected void closeState(AlertState state) {
    }

    @BeforeEach
    void open() {
        state = createState();
    }

    @AfterEach
    void close() {
        closeState(state);
    }

    @Test
    @DisplayName("an alert key is admitted once and remembered")
    void deduplicates() {
        assertThat(state.seen("drop|all|100")).isFalse();
        assertThat(state.admit("drop", "all", "drop|all|100", T0, Duration.ZERO)).isTrue();
        assertThat(state.admit("drop", "all", "drop|all|100", T0.plus(Duration.ofDays(30)), Duration.ZERO)).isFalse();
        assertThat(state.seen("drop|all|100")).isTrue();
        assertThat(state.lastRaised("drop", "all")).contains(T0);
    }

    @Test
    @DisplayName("within the cool-down a rule raises no second alert for the segment; other segments and rules are free")
    void coolDown() {
        assertThat(state.admit("drop", "plan=pro", "k1", T0, DAY)).isTrue();
        assertThat(state.admit("drop", "plan=pro", "k2", T0.plus(DAY).minusSeconds(1), DAY)).isFalse();
        assertThat(state.seen("k2")).as("a refused key is not remembered").isFalse();
        assertThat(state.admit("drop", "plan=free", "k3", T0, DAY)).isTrue();
        assertThat(state.admit("ewma", "plan=pro", "k4", T0, DAY)).isTrue();
        assertThat(state.admit("drop", "plan=pro", "k2", T0.plus(DAY), DAY)).isTrue();
        assertThat(state.lastRaised("drop", "plan=pro")).contains(T0.plus(DAY));
        assertThat(state.lastRaised("drop", "plan=none")).isEmpty();
    }

    @Test
    @DisplayName("long segments and keys with any characters are kept apart")
    void keysAreExact() {
        String segment = "theme=" + "délai de livraison 🚚 ".repeat(40);
        String key = "surge|" + segment + "|12345";
        assertThat(state.admit("surge", segment, key, T0, DAY)).isTrue();
        assertThat(state.admit("surge", segment + "x", key + "x", T0, DAY)).isTrue();
        assertThat(state.admit("surge", segment, key + "y", T0, DAY)).isFalse();
        assertThat(state.seen(key)).isTrue();
        assertThat(state.seen(key + "z")).isFalse();
    }

    @Test
    @DisplayName("a revoked admission frees its key and cool-down, but never a later raise's cool-down")
    void revokes() {
        assertThat(state.admit("drop", "all", "k1", T0, DAY)).isTrue();
        state.revoke("drop", "all", "k1", T0);
        assertThat(state.seen("k1")).isFalse();
        assertThat(state.lastRaised("drop", "all")).isEmpty();
        assertThat(state.admit("drop", "all", "k1", T0.plusSeconds(1), DAY)).as("raised again at the next evaluation").isTrue();
        assertThat(state.admit("drop", "all", "k2", T0.plus(DAY).plusSeconds(1), DAY)).isTrue();
        state.revoke("drop", "all", "k1", T0.plusSeconds(1));
        assertThat(state.seen("k1")).isFalse();
        assertThat(state.lastRaised("drop", "all")).contains(T0.plus(DAY).plusSeconds(1));
        assertThat(state.seen("k2")).isTrue();
    }

    @Test
    @DisplayName("forgetting drops keys and cool-downs recorded before the cut-off only")
    void forgets() {
        state.admit("drop", "all", "old", T0, DAY);
        state.admit("drop", "pro", "new", T0.plus(Duration.ofDays(10)), DAY);
        assertThat(state.forget(T0.plus(Duration.ofDays(5)))).isEqualTo(2);
        assertThat(state.seen("old")).isFalse();
        assertThat(state.lastRaised("drop", "all")).isEmpty();
        assertThat(state.seen("new")).isTrue();
        assertThat(state.lastRaised("drop", "pro")).contains(T0.plus(Duration.ofDays(10)));
    }

    @Test
    @DisplayName("of concurrent admissions for one rule and segment within the cool-down exactly one succeeds")
    void concurrentAdmissionsOneWins() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String key = "drop|all|" + (i % 2);
            results.add(pool.submit(() -> {
                start.await();
                return state.admit("drop", "all", key, T0, DAY);
            }));
        }
        start.countDown();
        int admitted = 0;
        for (Future<Boolean> f : results) {
            admitted += f.get(60, TimeUnit.SECONDS) ? 1 : 0;
        }
        pool.shutdown();
        assertThat(admitted).isEqualTo(1);
    }

    @Test
    @DisplayName("bad arguments are rejected naming the field")
    void rejectsBadArguments() {
        assertThatThrownBy(() -> state.admit(" ", "all", "k", T0, DAY)).isInstanceOf(NpsException.class).hasMessageContaining("ruleId");
        assertThatThrownBy(() -> state.admit("r".repeat(AlertState.MAX_RULE_ID + 1), "all", "k", T0, DAY))
                .isInstanceOf(NpsException.class).hasMessageContaining("ruleId");
        assertThatThrownBy(() -> state.admit("drop", "all", "", T0, DAY)).isInstanceOf(NpsException.class).hasMessageContaining("alertKey");
        assertThatThrownBy(() -> state.admit("drop", "all", "k", T0, Duration.ofSeconds(-1)))
                .isInstanceOf(NpsException.class).hasMessageContaining("coolDown");
        assertThat(state.seen("k")).isFalse();
    }
}
