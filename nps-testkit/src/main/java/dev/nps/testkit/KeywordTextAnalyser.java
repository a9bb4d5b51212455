package dev.nps.testkit;

import dev.nps.spi.Sentiment;
import dev.nps.spi.TextAnalyser;
import dev.nps.spi.TextAnalysis;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A text analyser for tests of code that takes one (reports, alerts, plug-in wiring): a comment gets every theme one
 * of whose keywords it contains (case-insensitive), in the order the themes were given, and always the same
 * sentiment. It counts its {@link #analyseAll} calls, so a test can check that a result was reused. Thread-safe.
 *
 * <pre>{@code
 * KeywordTextAnalyser analyser = KeywordTextAnalyser.named("plug-in").theme("Delivery", "late", "parcel");
 * }</pre>
 */
public final class KeywordTextAnalyser implements TextAnalyser {
    private final String name;
    private final Sentiment sentiment;
    private final Map<String, List<String>> themes;
    private final AtomicInteger batches = new AtomicInteger();

    private KeywordTextAnalyser(String name, Sentiment sentiment, Map<String, List<String>> themes) {
        this.name = name;
        this.sentiment = sentiment;
        this.themes = themes;
    }

    /** @return an analyser of that name with no themes and neutral sentiment */
    public static KeywordTextAnalyser named(String name) {
        return new KeywordTextAnalyser(Objects.requireNonNull(name, "name"), Sentiment.NEUTRAL, Map.of());
    }

    /** @return a copy that also tags a comment containing one of the keywords with the theme */
    public KeywordTextAnalyser theme(String theme, String... keywords) {
        Map<String, List<String>> next = new LinkedHashMap<>(themes);
        List<String> lower = new ArrayList<>();
        for (String k : keywords) {
            lower.add(k.toLowerCase(Locale.ROOT));
        }
        next.put(Objects.requireNonNull(theme, "theme"), List.copyOf(lower));
        return new KeywordTextAnalyser(name, sentiment, next);
    }

    /** @return a copy that gives every comment this sentiment */
    public KeywordTextAnalyser sentiment(double compound) {
        return new KeywordTextAnalyser(name, Sentiment.of(compound), themes);
    }

    /** @return how many times {@link #analyseAll} was called */
    public int batches() {
        return batches.get();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public TextAnalysis analyse(String text, Locale language) {
        if (text == null || text.isBlank()) {
            return TextAnalysis.EMPTY;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        List<String> found = new ArrayList<>();
        themes.forEach((theme, keywords) -> {
            if (keywords.stream().anyMatch(lower::contains)) {
                found.add(theme);
            }
        });
        return new TextAnalysis(sentiment, found);
    }

    @Override
    public List<TextAnalysis> analyseAll(List<String> texts, Locale language) {
        batches.incrementAndGet();
        return TextAnalyser.super.analyseAll(texts, language);
    }
}
