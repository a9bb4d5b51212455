package dev.nps.engine.workflow;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Response tags in memory. Thread-safe.
 *
 * @since 0.1
 */
public final class InMemoryResponseTags implements ResponseTagger {
    private final Map<String, Set<String>> tags = new ConcurrentHashMap<>();

    @Override
    public void tag(String responseId, Set<String> add) {
        tags.compute(responseId, (k, v) -> {
            Set<String> s = v == null ? new LinkedHashSet<>() : new LinkedHashSet<>(v);
            s.addAll(add);
            return Set.copyOf(s);
        });
    }

    /** @return the response's tags */
    public Set<String> tagsOf(String responseId) {
        return tags.getOrDefault(responseId, Set.of());
    }
}
