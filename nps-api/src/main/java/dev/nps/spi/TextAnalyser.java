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

    @Override
    default void close() {}
}
