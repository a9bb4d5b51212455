package dev.nps.benchmarks.text;

import dev.nps.engine.text.BuiltinTextAnalyser;
import dev.nps.engine.text.SentimentScorer;
import dev.nps.spi.TextAnalysis;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Comments per second of the built-in analyser on one thread: sentiment plus theme tagging against a model discovered
 * from the same synthetic batch of 2,000 NPS-style comments (10 to 60 words, mixed topics, emoji, negations).
 *
 * <p>Run: {@code java -cp ... org.openjdk.jmh.Main TextAnalyserBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class TextAnalyserBenchmark {
    private static final String[] OPENINGS = {"The support agent", "Delivery", "The app", "Your prices", "Checkout",
            "The new dashboard", "Customer service", "The courier", "Billing", "The login page", "Onboarding", "The staff"};
    private static final String[] VERDICTS = {"was great", "was not helpful at all", "is SO slow!!!", "never called me back",
            "keeps crashing", "is fair, but the fees are too high", "was kind of okay", "arrived late again 😡",
            "is easy to use 👍", "did not work", "was friendly and quick", "is way too expensive", "was amazing :)"};
    private static final String[] TAILS = {"", " I would recommend you to a friend.", " Please fix the bugs.",
            " Still waiting for my refund.", " Thanks for the quick response!", " I have been a customer for five years.",
            " The website was confusing and I could not find the invoice.", " Otherwise everything was fine."};

    private BuiltinTextAnalyser analyser;
    private SentimentScorer scorer;
    private List<String> comments;
    private int next;
    /** A separate analyser for the batch benchmark, whose discovery replaces the model each time. */
    private BuiltinTextAnalyser batchAnalyser;
    private int batchFrom;

    /** The same synthetic NPS-style comments on every run: one to three sentences of opening, verdict and tail. */
    static List<String> syntheticComments(int n) {
        Random random = new Random(42);
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            StringBuilder sb = new StringBuilder();
            int sentences = 1 + random.nextInt(3);
            for (int s = 0; s < sentences; s++) {
                sb.append(OPENINGS[random.nextInt(OPENINGS.length)]).append(' ')
                        .append(VERDICTS[random.nextInt(VERDICTS.length)]).append('.')
                        .append(TAILS[random.nextInt(TAILS.length)]).append(' ');
            }
            out.add(sb.toString().strip());
        }
        return out;
    }

    @Setup
    public void setUp() {
        comments = syntheticComments(2000);
        analyser = BuiltinTextAnalyser.create();
        analyser.analyseAll(comments, Locale.ROOT);
        batchAnalyser = BuiltinTextAnalyser.create();
        scorer = SentimentScorer.nps();
    }

    private String nextComment() {
        String c = comments.get(next);
        next = next + 1 == comments.size() ? 0 : next + 1;
        return c;
    }

    /** Sentiment and theme tagging of one comment. */
    @Benchmark
    public TextAnalysis analyse() {
        return analyser.analyse(nextComment(), Locale.ROOT);
    }

    /** A batch of {@value EmbeddingAnalyserBenchmark#BATCH} with theme discovery, as the embeddings analyser's batch row. */
    @Benchmark
    @OperationsPerInvocation(EmbeddingAnalyserBenchmark.BATCH)
    public List<TextAnalysis> analyseAllBatch() {
        int from = batchFrom;
        batchFrom = (batchFrom + EmbeddingAnalyserBenchmark.BATCH) % (comments.size() - EmbeddingAnalyserBenchmark.BATCH);
        return batchAnalyser.analyseAll(comments.subList(from, from + EmbeddingAnalyserBenchmark.BATCH), Locale.ROOT);
    }

    /** Sentiment alone, for comparison. */
    @Benchmark
    public double sentimentOnly() {
        return scorer.compound(nextComment());
    }

    /** Theme tagging alone, for comparison. */
    @Benchmark
    public List<String> themesOnly() {
        return analyser.model().tag(nextComment());
    }
}
