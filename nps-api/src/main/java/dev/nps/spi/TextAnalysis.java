package dev.nps.spi;

import java.util.List;
import java.util.Objects;

/**
 * What a text analyser found in one comment.
 *
 * @param sentiment the sentiment
 * @param themes    labels of the themes the comment mentions (may be empty), most relevant first
 * @since 0.1
 */
public record TextAnalysis(Sentiment sentiment, List<String> themes) {
    public static final TextAnalysis EMPTY = new TextAnalysis(Sentiment.NEUTRAL, List.of());

    public TextAnalysis {
        Objects.requireNonNull(sentiment, "sentiment");
        themes = List.copyOf(themes);
    }
}
