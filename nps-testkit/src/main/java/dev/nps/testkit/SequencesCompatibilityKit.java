package dev.nps.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nps.api.NpsException;
import dev.nps.spi.Sequences;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
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
 * The contract of {@link Sequences}: every implementation passes this kit. A backend's test is a small subclass
 * returning fresh, empty sequences from {@link #createSequences()}; {@link #closeSequences} releases them.
 */
public abstract class SequencesCompatibilityKit {
    private Sequences sequences;

    /** @return fresh sequences, none used yet */
    protected abstract Sequences createSequences();

    /** Releases the sequences (default: nothing). */
    protected void closeSequences(Sequences sequences) {
    }

    @BeforeEach
    void open() {
        sequences = createSequences();
    }

    @AfterEach
    void close() {
        closeSequences(sequences);
    }

    @Test
    @DisplayName("a sequence starts at 0 and counts up by one")
    void countsFromZero() {
        assertThat(List.of(sequences.next("s"), sequences.next("s"), sequences.next("s"))).containsExactly(0L, 1L, 2L);
    }

    @Test
    @DisplayName("sequences with different names count on their own")
    void independent() {
        sequences.next("a");
        sequences.next("a");
        assertThat(sequences.next("workflow.round-robin/nps-q1")).isZero();
        assertThat(sequences.next("a")).isEqualTo(2);
    }

    @Test
    @DisplayName("malformed names are rejected naming the field")
    void validates() {
        for (String bad : List.of("", "has space", "x".repeat(201))) {
            assertThatThrownBy(() -> sequences.next(bad)).isInstanceOf(NpsException.class).hasMessageContaining("name");
        }
        assertThatThrownBy(() -> sequences.next(null)).isInstanceOf(NpsException.class).hasMessageContaining("name");
    }

    @Test
    @DisplayName("eight threads taking 400 values at once get 0..399, each exactly once")
    void concurrentNext() throws Exception {
        int threads = 8;
        int each = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<Long>>> taken = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Callable<List<Long>> take = () -> {
                    start.await();
                    List<Long> values = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        values.add(sequences.next("shared"));
                    }
                    return values;
                };
                taken.add(pool.submit(take));
            }
            start.countDown();
            Set<Long> all = new HashSet<>();
            int count = 0;
            for (Future<List<Long>> f : taken) {
                List<Long> values = f.get(60, TimeUnit.SECONDS);
                count += values.size();
                all.addAll(values);
            }
            assertThat(count).isEqualTo(threads * each);
            assertThat(all).hasSize(threads * each).allSatisfy(v -> assertThat(v).isBetween(0L, (long) threads * each - 1));
        } finally {
            pool.shutdownNow();
        }
    }
}
