package dev.nps.engine.workflow;

import dev.nps.api.internal.Checks;
import dev.nps.spi.Sequences;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sequences in memory: a restart starts every sequence again at 0, and each process counts on its own. Thread-safe.
 *
 * @since 0.1
 */
public final class InMemorySequences implements Sequences {
    private final Map<String, AtomicLong> sequences = new ConcurrentHashMap<>();

    @Override
    public long next(String name) {
        Checks.id(name, "name");
        return sequences.computeIfAbsent(name, k -> new AtomicLong()).getAndIncrement();
    }
}
