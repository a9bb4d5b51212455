package dev.nps.spi;

import java.util.Locale;

/**
 * Finds sentiment and themes in comments. Thread-safe; never throws for odd text (empty, huge, binary,
 * emoji-only, another language): such text gets a defined result.
 *
 * @since 0.1
 */
public interface TextAnalyser extends AutoCloseable {

    /** @return the analyser's name, e.g. {@code builtin} */
    String name();

    /**
     * @param text     the comment, never null
     * @param language the comment's language, if known ({@link Locale#ROOT} when not)
     * @return sentiment and themes
     */
    TextAnalysis analyse(String text, Locale language);

    /**
     * Analyses a batch of comments. An analyser that learns from a batch (themes discovered from these comments)
     * overrides this; the default analyses each comment on its own.
     *
     * @param texts    the comments, none null
     * @param language their language, if known ({@link Locale#ROOT} when not)
     * @return one analysis per comment, in the same order
     * @since 0.1
     */
    default java.util.List<TextAnalysis> analyseAll(java.util.List<String> texts, Locale language) {
        java.util.List<TextAnalysis> out = new java.util.ArrayList<>(texts.size());
        for (String t : texts) {
            out.add(analyse(t, language));
        }
        return java.util.List.copyOf(out);
    }

    @Override
    default void close() {}
}
