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
 * <p>User themes ({@link ExampleTheme}) are assigned zero-shot: a comment gets one when it is at least
 * {@code userThemeSimilarity} close to one of its examples (and every other user theme almost as close). They come
 * first and take precedence: a discovered cluster most of whose comments already carry a user theme, or that bears
 * a user theme's name, is no longer given.
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

    /**
     * Default least cosine between a comment and one of a user theme's examples. {@value} Chosen on the first 30% of
     * the SemEval-2014 restaurant sentences (see docs/architecture.md); all-MiniLM-L6-v2 puts a short sentence on the
     * same topic as a keyword at about 0.3 to 0.6. There, 0.3 and 0.35 gave user themes to too many comments (theme
     * F1 0.63, 0.60); from 0.4 up F1 stays at 0.70 to 0.71 while fewer paraphrases get their theme, so 0.4 is the
     * lowest value without that loss.
     */
    public static final double DEFAULT_USER_THEME_SIMILARITY = 0.4;

    /** A comment also gets every theme whose centroid is nearly as close as the nearest one. */
    static final double MARGIN = 0.05;

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddingTextAnalyser.class);

    private final Embedder embedder;
    private final TextAnalyser sentiment;
    private final int clusters;
    private final double minSimilarity;
    private final List<String> userNames;
    /** Per user theme, the unit vectors of its examples. */
    private final float[][][] userExamples;
    private final double userThemeSimilarity;
    private volatile Clusters themes = Clusters.EMPTY;

    /**
     * @param embedder      the sentence embedder
     * @param sentiment     the analyser whose sentiment is reported
     * @param clusters      themes per batch; 0 chooses from the batch size
     * @param minSimilarity least cosine to a theme's centroid, 0..1
     */
    public EmbeddingTextAnalyser(Embedder embedder, TextAnalyser sentiment, int clusters, double minSimilarity) {
        this(embedder, sentiment, clusters, minSimilarity, List.of(), DEFAULT_USER_THEME_SIMILARITY);
    }

    /**
     * @param embedder            the sentence embedder
     * @param sentiment           the analyser whose sentiment is reported
     * @param clusters            themes per batch; 0 chooses from the batch size
     * @param minSimilarity       least cosine to a theme's centroid, 0..1
     * @param userThemes          themes defined by examples, assigned zero-shot; names unique (case-insensitive)
     * @param userThemeSimilarity least cosine between a comment and one of a user theme's examples, 0..1
     * @throws NpsException {@code INVALID_ARGUMENT} naming the setting and the fix
     */
    public EmbeddingTextAnalyser(Embedder embedder, TextAnalyser sentiment, int clusters, double minSimilarity,
                                 List<ExampleTheme> userThemes, double userThemeSimilarity) {
        this.embedder = Objects.requireNonNull(embedder, "embedder");
        this.sentiment = Objects.requireNonNull(sentiment, "sentiment");
        if (clusters < 0 || clusters > 200) {
            throw NpsException.invalid("clusters", "must be 0 (automatic) to 200 (got " + clusters + ")");
        }
        if (!(minSimilarity >= 0 && minSimilarity <= 1)) {
            throw NpsException.invalid("minSimilarity", "must be between 0 and 1 (got " + minSimilarity + ")");
        }
        if (!(userThemeSimilarity >= 0 && userThemeSimilarity <= 1)) {
            throw NpsException.invalid("userThemeSimilarity", "must be between 0 and 1 (got " + userThemeSimilarity + ")");
        }
        if (userThemes == null) {
            throw NpsException.invalid("userThemes", "must not be null; pass an empty list for none");
        }
        this.clusters = clusters;
        this.minSimilarity = minSimilarity;
        this.userThemeSimilarity = userThemeSimilarity;
        List<String> names = new ArrayList<>();
        List<String> examples = new ArrayList<>();
        for (int i = 0; i < userThemes.size(); i++) {
            ExampleTheme t = userThemes.get(i);
            if (t == null) {
                throw NpsException.invalid("userThemes[" + i + "]", "must not be null");
            }
            if (names.stream().anyMatch(n -> n.equalsIgnoreCase(t.name()))) {
                throw NpsException.invalid("userThemes", "name '" + t.name() + "' is used twice; merge the examples into one theme");
            }
            names.add(t.name());
            examples.addAll(t.examples());
        }
        this.userNames = List.copyOf(names);
        // one call for every example: the model is the slow part
        float[][] vectors = examples.isEmpty() ? new float[0][] : embedder.embed(examples);
        this.userExamples = new float[names.size()][][];
        int k = 0;
        for (int i = 0; i < userThemes.size(); i++) {
            int n = userThemes.get(i).examples().size();
            userExamples[i] = java.util.Arrays.copyOfRange(vectors, k, k + n);
            k += n;
        }
    }

    /**
     * @param sentiment the analyser whose sentiment is reported
     * @return an analyser on all-MiniLM-L6-v2 with the defaults (loads the model: about a second)
     */
    public static EmbeddingTextAnalyser miniLm(TextAnalyser sentiment) {
        return new EmbeddingTextAnalyser(new MiniLmEmbedder(), sentiment, 0, DEFAULT_MIN_SIMILARITY);
    }

    /** @return the all-MiniLM-L6-v2 embedder (loads the model: about a second), for the full constructor */
    public static Embedder miniLmEmbedder() {
        return new MiniLmEmbedder();
    }

    /**
     * @param sentiment  the analyser whose sentiment is reported
     * @param userThemes themes defined by examples, assigned zero-shot with the default similarity
     * @return an analyser on all-MiniLM-L6-v2 with the defaults and these user themes
     */
    public static EmbeddingTextAnalyser miniLm(TextAnalyser sentiment, List<ExampleTheme> userThemes) {
        return new EmbeddingTextAnalyser(new MiniLmEmbedder(), sentiment, 0, DEFAULT_MIN_SIMILARITY, userThemes,
                DEFAULT_USER_THEME_SIMILARITY);
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
        if (current.labels().isEmpty() && userNames.isEmpty()) {
            return new TextAnalysis(s, List.of());
        }
        return new TextAnalysis(s, themesOf(embedder.embed(List.of(clean))[0], current));
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
        Clusters found = hidingCovered(Clusters.discover(nonBlank, vectors, clusters, DEFAULT_MIN_SHARE), vectors);
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
            List<String> near = themesOf(vectors[k], found);
            k++;
            out.add(new TextAnalysis(s, near));
        }
        return List.copyOf(out);
    }

    /** @return the least cosine between a comment and one of a user theme's examples */
    public double userThemeSimilarity() {
        return userThemeSimilarity;
    }

    /** @return the user themes' names, then the labels of the current discovered themes */
    public List<String> themes() {
        List<String> out = new ArrayList<>(userNames);
        out.addAll(themes.labels());
        return List.copyOf(out);
    }

    /** The user themes the vector is close to (nearest first), then the nearest discovered themes. */
    private List<String> themesOf(float[] v, Clusters current) {
        List<String> out = userThemesOf(v);
        if (!current.labels().isEmpty()) {
            for (String label : current.near(v, minSimilarity, MARGIN)) {
                if (!out.contains(label)) {
                    out.add(label);
                }
            }
        }
        return out;
    }

    private List<String> userThemesOf(float[] v) {
        if (userNames.isEmpty()) {
            return new ArrayList<>();
        }
        List<double[]> hits = new ArrayList<>();
        for (int t = 0; t < userExamples.length; t++) {
            double best = -1;
            for (float[] example : userExamples[t]) {
                best = Math.max(best, Clusters.dot(v, example));
            }
            if (best >= userThemeSimilarity) {
                hits.add(new double[] {t, best});
            }
        }
        hits.sort((a, b) -> Double.compare(b[1], a[1]));
        List<String> out = new ArrayList<>(hits.size());
        for (double[] h : hits) {
            // like the discovered themes: the nearest, and those almost as near
            if (h[1] >= hits.get(0)[1] - MARGIN) {
                out.add(userNames.get((int) h[0]));
            }
        }
        return out;
    }

    /**
     * The discovered clusters with those a user theme already covers hidden: most of whose comments (nearest to it)
     * carry a user theme, or that bear a user theme's name. Hidden, not dropped, so that their comments are not
     * handed to the next-nearest cluster.
     */
    private Clusters hidingCovered(Clusters found, float[][] vectors) {
        if (userNames.isEmpty() || found.labels().isEmpty()) {
            return found;
        }
        java.util.Map<String, int[]> members = new java.util.HashMap<>();
        for (float[] v : vectors) {
            List<String> near = found.near(v, minSimilarity, MARGIN);
            if (!near.isEmpty()) {
                int[] m = members.computeIfAbsent(near.get(0), x -> new int[2]);
                m[0]++;
                m[1] += userThemesOf(v).isEmpty() ? 0 : 1;
            }
        }
        return found.hiding(label -> {
            int[] m = members.get(label);
            return userName(label) || (m != null && m[1] * 2 >= m[0]);
        });
    }

    private boolean userName(String label) {
        return userNames.stream().anyMatch(n -> n.equalsIgnoreCase(label));
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
