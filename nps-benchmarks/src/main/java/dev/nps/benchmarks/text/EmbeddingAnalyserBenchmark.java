package dev.nps.benchmarks.text;

import dev.nps.engine.text.BuiltinTextAnalyser;
import dev.nps.nlp.embeddings.EmbeddingTextAnalyser;
import dev.nps.spi.TextAnalysis;
import java.util.List;
import java.util.Locale;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Comments per second of the optional embeddings analyser (nps-nlp-embeddings, all-MiniLM-L6-v2 in process) on the
 * synthetic comments of {@link TextAnalyserBenchmark}, so the two can be compared: one comment at a time against
 * themes discovered from 2,000 comments (an embedding, the nearest themes, and the built-in sentiment), and a batch
 * of {@value #BATCH} comments with discovery (embedding them all, then clustering).
 *
 * <p>One benchmark thread; the ONNX runtime under LangChain4j may use the other cores for one embedding, so these
 * figures are for the machine, not for one core.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class EmbeddingAnalyserBenchmark {
    static final int BATCH = 200;

    private EmbeddingTextAnalyser analyser;
    private List<String> comments;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        comments = TextAnalyserBenchmark.syntheticComments(2000);
        analyser = EmbeddingTextAnalyser.miniLm(BuiltinTextAnalyser.create());
        analyser.analyseAll(comments, Locale.ROOT);
        if (analyser.themes().isEmpty()) {
            throw new IllegalStateException("the embeddings analyser found no themes in the benchmark's comments");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        analyser.close();
    }

    /** One comment against the discovered themes. */
    @Benchmark
    public TextAnalysis analyse() {
        String c = comments.get(next);
        next = next + 1 == comments.size() ? 0 : next + 1;
        return analyser.analyse(c, Locale.ROOT);
    }

    /** A batch with discovery: what a report over a query costs per comment. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public List<TextAnalysis> analyseAllBatch() {
        int from = next;
        next = (next + BATCH) % (comments.size() - BATCH);
        return analyser.analyseAll(comments.subList(from, from + BATCH), Locale.ROOT);
    }
}
