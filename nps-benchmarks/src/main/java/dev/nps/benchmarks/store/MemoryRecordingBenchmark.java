package dev.nps.benchmarks.store;

import dev.nps.api.Response;
import dev.nps.api.analytics.ResponseFilter;
import dev.nps.engine.analytics.ColumnarIndex;
import dev.nps.engine.store.InMemoryStore;
import dev.nps.spi.InsertResult;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Recording in memory, the same responses as {@link StoreInsertBenchmark} (no peer: there is no hand-written
 * equivalent worth comparing with):
 *
 * <ul>
 *   <li>{@code inMemoryStoreBatch}: {@link InMemoryStore#insertResponses(List)}, {@value #BATCH} per call; the store
 *       keeps whole {@link Response} values (for tests, demos and short-lived tools), so the teardown prints its heap
 *       per response;</li>
 *   <li>{@code indexAppend}: {@link ColumnarIndex#append(Response)}, what the dashboard's live index does per
 *       recorded response (8 bytes per response);</li>
 *   <li>{@code recordAllIntoIndex}: scaling run only ({@code run.sh --scaling}): one shot appending
 *       {@code -Dnps.bench.recordRows} responses (1M, 10M, 50M) into an empty index, then its memory.</li>
 * </ul>
 * Each measured iteration starts from an empty store and index, so the heap holds one iteration's responses.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class MemoryRecordingBenchmark {
    static final int BATCH = 1000;
    static final int RECORD_ROWS = Integer.getInteger("nps.bench.recordRows", 1_000_000);

    private final SampleResponses responses = new SampleResponses();
    private InMemoryStore store;
    private ColumnarIndex index;
    private long heapBefore;

    @Setup(Level.Iteration)
    public void empty() {
        store = new InMemoryStore();
        index = ColumnarIndex.create(Clock.systemUTC(), "plan", "region");
        heapBefore = usedHeapAfterGc();
    }

    @TearDown(Level.Iteration)
    public void printMemory() {
        long stored = store.countResponses(ResponseFilter.ALL);
        if (stored > 0) {
            long bytes = usedHeapAfterGc() - heapBefore;
            System.out.printf("MEMORY in-memory store: %d responses, heap grew %d bytes, %.0f bytes per response%n",
                    stored, bytes, (double) bytes / stored);
        }
        if (index.size() > 0) {
            index.trimToSize();
            System.out.printf("MEMORY index after recording: %d responses, %d bytes, %.2f bytes per response%n",
                    index.size(), index.memoryBytes(), (double) index.memoryBytes() / index.size());
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public List<InsertResult> inMemoryStoreBatch() {
        return store.insertResponses(responses.next(BATCH));
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int indexAppend() {
        for (Response r : responses.next(BATCH)) {
            index.append(r);
        }
        return index.size();
    }

    /** Scaling run only (the suite excludes it): seconds to append RECORD_ROWS responses to an empty index. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public int recordAllIntoIndex() {
        while (index.size() < RECORD_ROWS) {
            indexAppend();
        }
        return index.size();
    }

    private static long usedHeapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
