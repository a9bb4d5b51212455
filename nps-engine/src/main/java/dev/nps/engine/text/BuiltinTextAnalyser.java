package dev.nps.engine.text;

import dev.nps.api.NpsException;
import dev.nps.spi.Sentiment;
import dev.nps.spi.TextAnalyser;
import dev.nps.spi.TextAnalysis;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in text analyser: pure Java, no dependency, the default. Sentiment is VADER with the customer-feedback
 * layer and fixes of known VADER weaknesses ({@link SentimentScorer#nps()}); themes come from the current {@link ThemeModel}, which starts as the
 * built-in topics and is rediscovered from each batch given to {@link #analyseAll(List, Locale)}, keeping the user's
 * themes, renames and merges. Thread-safe: readers see one model or the next, never a mix; writers take turns.
 *
 * <p>Odd text never throws: empty and blank comments, binary data and emoji-only text get a defined result, comments
 * longer than {@value Tokeniser#MAX_CHARS} characters are analysed on their first part, and a comment whose language
 * is known and not English gets a neutral sentiment (the lexicon is English) while user themes still tag it.
 *
 * @since 0.1
 */
public final class BuiltinTextAnalyser implements TextAnalyser {
    /** The name of this analyser. {@value} */
    public static final String NAME = "builtin";

    private static final Logger LOG = LoggerFactory.getLogger(BuiltinTextAnalyser.class);

    private final SentimentScorer scorer;
    private final AtomicReference<ThemeModel> model;
    /** Writers (rediscovery, edits) take turns so that none is lost; readers never wait. */
    private final Object writeLock = new Object();

    private BuiltinTextAnalyser(SentimentScorer scorer, ThemeModel model) {
        this.scorer = scorer;
        this.model = new AtomicReference<>(model);
    }

    /** @return an analyser with the defaults: feedback-domain sentiment, built-in topics, no user themes */
    public static BuiltinTextAnalyser create() {
        return builder().build();
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return NAME;
    }

    /** @return the sentiment scorer this analyser was built with (VADER alone, or with the feedback layer) */
    public SentimentScorer scorer() {
        return scorer;
    }

    /**
     * Analyses one comment against the current theme model (no rediscovery).
     *
     * @param text     the comment; null is treated as empty
     * @param language the comment's language, {@link Locale#ROOT} when unknown; null is treated as unknown
     * @return sentiment and themes
     */
    @Override
    public TextAnalysis analyse(String text, Locale language) {
        if (text == null || text.isBlank()) {
            return TextAnalysis.EMPTY;
        }
        ThemeModel current = model.get();
        if (!english(language)) {
            return new TextAnalysis(Sentiment.NEUTRAL, userThemesOnly(current, text));
        }
        return new TextAnalysis(scorer.score(text), current.tag(text));
    }

    /**
     * Rediscovers the themes from this batch (keeping user themes, renames and merges), makes that the current
     * model, and analyses every comment against it.
     *
     * @param texts    the comments; null elements are treated as empty
     * @param language their language, {@link Locale#ROOT} when unknown
     * @return one analysis per comment, in order
     */
    @Override
    public List<TextAnalysis> analyseAll(List<String> texts, Locale language) {
        if (texts == null) {
            throw NpsException.invalid("texts", "must not be null; pass an empty list for none");
        }
        List<String> clean = new ArrayList<>(texts.size());
        for (String t : texts) {
            clean.add(t == null ? "" : t);
        }
        if (english(language)) {
            synchronized (writeLock) {
                rediscover(clean);
            }
        }
        List<TextAnalysis> out = new ArrayList<>(clean.size());
        for (String t : clean) {
            out.add(analyse(t, language));
        }
        return List.copyOf(out);
    }

    private void rediscover(List<String> clean) {
        long start = System.nanoTime();
        ThemeModel next = model.get().rediscover(clean);
        model.set(next);
        // counts only: comments and theme keywords may hold personal data
        LOG.debug("discovered {} themes from {} comments in {} ms", next.themes().size(), clean.size(),
                (System.nanoTime() - start) / 1_000_000);
    }

    /** @return the current theme model */
    public ThemeModel model() {
        return model.get();
    }

    /**
     * Changes the theme model atomically, e.g. {@code analyser.updateModel(m -> m.rename("wait staff", "waiters"))}.
     *
     * @param change a function of the current model
     * @return the new model
     */
    public ThemeModel updateModel(UnaryOperator<ThemeModel> change) {
        Objects.requireNonNull(change, "change");
        synchronized (writeLock) {
            ThemeModel next = Objects.requireNonNull(change.apply(model.get()), "the model change returned null");
            model.set(next);
            return next;
        }
    }

    private static List<String> userThemesOnly(ThemeModel m, String text) {
        List<String> out = new ArrayList<>();
        List<String> tags = m.tag(text);
        for (ThemeModel.Theme t : m.themes()) {
            if (t.userDefined() && tags.contains(t.name())) {
                out.add(t.name());
            }
        }
        return out;
    }

    private static boolean english(Locale language) {
        return language == null || language.getLanguage().isEmpty() || language.getLanguage().equals("en");
    }

    /** Builder; {@link #build()} may be called again. */
    public static final class Builder {
        private boolean feedbackDomain = true;
        private boolean builtinTopics = true;
        private final List<UserTheme> userThemes = new ArrayList<>();

        private Builder() {}

        /**
         * @param on whether sentiment uses the customer-feedback layer and the NPS fixes ({@link SentimentScorer#nps()},
         *           the default) or plain VADER ({@link SentimentScorer#vader()})
         */
        public Builder feedbackDomain(boolean on) {
            this.feedbackDomain = on;
            return this;
        }

        /** @param on whether the built-in topic map seeds theme discovery (default true) */
        public Builder builtinTopics(boolean on) {
            this.builtinTopics = on;
            return this;
        }

        /** @param theme a user theme; user themes are listed in the order added */
        public Builder userTheme(UserTheme theme) {
            userThemes.add(Objects.requireNonNull(theme, "userTheme"));
            return this;
        }

        /** @return an analyser with these settings; may be called again */
        public BuiltinTextAnalyser build() {
            ThemeModel start = builtinTopics ? ThemeModel.builtin().withUserThemes(userThemes)
                    : ThemeModel.discover(List.of(), userThemes, false);
            return new BuiltinTextAnalyser(feedbackDomain ? SentimentScorer.nps() : SentimentScorer.vader(), start);
        }
    }
}
