package dev.nps.nlp.embeddings;

import dev.nps.api.NpsException;
import dev.nps.spi.Sentiment;
import dev.nps.spi.TextAnalyser;
import dev.nps.spi.TextAnalysis;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A text analyser whose themes are clusters of sentence embeddings (all-MiniLM-L6-v2), so that comments that say the
 * same thing in different words ("the parcel never came", "still no package") share a theme. Sentiment comes from
 * another analyser (the built-in one when created by the provider). {@link #analyseAll(List, Locale)} discovers the
 * themes of a batch; {@link #analyse(String, Locale)} puts one comment in the nearest theme. Thread-safe.
 *
 * <p>Odd text never throws: blank comments get {@link TextAnalysis#EMPTY}, control characters are removed and only
 * the first {@value #MAX_CHARS} characters are embedded (the model reads 256 tokens at most).
 *
 * @since 0.1
 */
public final class EmbeddingTextAnalyser implements TextAnalyser {
    /** The name of this analyser. {@value} */
    public static final String NAME = "embeddings";
    /** Longest text embedded. {@value} */
    public static final int MAX_CHARS = 2_000;
    /** Default least cosine between a comment and a theme's centroid. {@value} */
    public static final double DEFAULT_MIN_SIMILARITY = 0.3;
    /** Default least share of a batch for a theme. {@value} */
    public static final double DEFAULT_MIN_SHARE = 0.02;

    /** A comment also gets every theme whose centroid is nearly as close as the nearest one. */
    static final double MARGIN = 0.05;

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddingTextAnalyser.class);

    private final Embedder embedder;
    private final TextAnalyser sentiment;
    private final int clusters;
    private final double minSimilarity;
    private volatile Clusters themes = Clusters.EMPTY;

    /**
     * @param embedder      the sentence embedder
     * @param sentiment     the analyser whose sentiment is reported
     * @param clusters      themes per batch; 0 chooses from the batch size
     * @param minSimilarity least cosine to a theme's centroid, 0..1
     */
    public EmbeddingTextAnalyser(Embedder embedder, TextAnalyser sentiment, int clusters, double minSimilarity) {
        this.embedder = Objects.requireNonNull(embedder, "embedder");
        this.sentiment = Objects.requireNonNull(sentiment, "sentiment");
        if (clusters < 0 || clusters > 200) {
            throw NpsException.invalid("clusters", "must be 0 (automatic) to 200 (got " + clusters + ")");
        }
        if (!(minSimilarity >= 0 && minSimilarity <= 1)) {
            throw NpsException.invalid("minSimilarity", "must be between 0 and 1 (got " + minSimilarity + ")");
        }
        this.clusters = clusters;
        this.minSimilarity = minSimilarity;
    }

    /**
     * @param sentiment the analyser whose sentiment is reported
     * @return an analyser on all-MiniLM-L6-v2 with the defaults (loads the model: about a second)
     */
    public static EmbeddingTextAnalyser miniLm(TextAnalyser sentiment) {
        return new EmbeddingTextAnalyser(new MiniLmEmbedder(), sentiment, 0, DEFAULT_MIN_SIMILARITY);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public TextAnalysis analyse(String text, Locale language) {
        String clean = clean(text);
        if (clean.isEmpty()) {
            return TextAnalysis.EMPTY;
        }
        Sentiment s = sentiment.analyse(clean, language).sentiment();
        Clusters current = themes;
        if (current.labels().isEmpty()) {
            return new TextAnalysis(s, List.of());
        }
        return new TextAnalysis(s, current.near(embedder.embed(List.of(clean))[0], minSimilarity, MARGIN));
    }

    @Override
    public List<TextAnalysis> analyseAll(List<String> texts, Locale language) {
        if (texts == null) {
            throw NpsException.invalid("texts", "must not be null; pass an empty list for none");
        }
        List<String> nonBlank = new ArrayList<>();
        for (String t : texts) {
            String c = clean(t);
            if (!c.isEmpty()) {
                nonBlank.add(c);
            }
        }
        long start = System.nanoTime();
        float[][] vectors = nonBlank.isEmpty() ? new float[0][] : embedder.embed(nonBlank);
        Clusters found = Clusters.discover(nonBlank, vectors, clusters, DEFAULT_MIN_SHARE);
        themes = found;
        LOG.debug("discovered {} themes from {} comments in {} ms", found.labels().size(), nonBlank.size(),
                (System.nanoTime() - start) / 1_000_000);
        List<TextAnalysis> out = new ArrayList<>(texts.size());
        int k = 0;
        for (String t : texts) {
            String c = clean(t);
            if (c.isEmpty()) {
                out.add(TextAnalysis.EMPTY);
                continue;
            }
            Sentiment s = sentiment.analyse(c, language).sentiment();
            List<String> near = found.labels().isEmpty() ? List.of() : found.near(vectors[k], minSimilarity, MARGIN);
            k++;
            out.add(new TextAnalysis(s, near));
        }
        return List.copyOf(out);
    }

    /** @return the labels of the current themes */
    public List<String> themes() {
        return themes.labels();
    }

    @Override
    public void close() {
        sentiment.close();
    }

    private static String clean(String text) {
        if (text == null) {
            return "";
        }
        String t = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        StringBuilder sb = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            boolean surrogateOk = !Character.isSurrogate(c)
                    || (Character.isHighSurrogate(c) && i + 1 < t.length() && Character.isLowSurrogate(t.charAt(i + 1)))
                    || (Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(t.charAt(i - 1)));
            sb.append(Character.isISOControl(c) || !surrogateOk ? ' ' : c);
        }
        return sb.toString().strip();
    }
}
