package dev.nps.nlp.embeddings;

import java.util.List;

/**
 * Turns texts into unit-length sentence vectors.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface Embedder {
    /**
     * @param texts non-blank texts
     * @return one vector per text, same order, each of length 1 (or all zeros)
     */
    float[][] embed(List<String> texts);
}
