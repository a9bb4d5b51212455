package dev.nps.spi;

import dev.nps.api.NpsException;

/**
 * Named counters that hand out 0, 1, 2, ... each value once, e.g. the position of the workflow's round-robin
 * owner list. The engine keeps them in memory for the in-memory store (a restart starts again at 0); a store
 * implementing {@link WorkflowStorage} keeps them durably and increments atomically in the database, so several
 * application instances share one sequence. Implementations are thread-safe.
 *
 * @since 0.1
 */
public interface Sequences {

    /**
     * Takes the next value of a sequence, creating it at 0 on first use.
     *
     * @param name the sequence, an identifier (1-200 letters, digits or {@code . _ - : @ /})
     * @return the value, never handed out before by this sequence
     * @throws NpsException {@code INVALID_ARGUMENT} naming {@code name}
     */
    long next(String name);
}
