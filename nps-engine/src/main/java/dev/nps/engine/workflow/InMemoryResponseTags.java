package dev.nps.engine.workflow;

import dev.nps.api.internal.Checks;
import dev.nps.spi.ResponseTags;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Response tags in memory: gone with the process. Thread-safe.
 *
 * @since 0.1
 */
public final class InMemoryResponseTags implements ResponseTagger, ResponseTags {
    private final Map<String, Set<String>> tags = new ConcurrentHashMap<>();

    @Override
    public void tag(String responseId, Set<String> add) {
        add(responseId, add);
    }

    @Override
    public int add(String responseId, Set<String> add) {
        Set<String> checked = ResponseTags.requireTags(responseId, add);
        int[] added = {0};
        tags.compute(responseId, (k, v) -> {
            TreeSet<String> s = v == null ? new TreeSet<>() : new TreeSet<>(v);
            for (String t : checked) {
                added[0] += s.add(t) ? 1 : 0;
            }
            return s.isEmpty() ? null : Collections.unmodifiableSet(s);
        });
        return added[0];
    }

    @Override
    public int remove(String responseId, Set<String> remove) {
        Set<String> checked = ResponseTags.requireTags(responseId, remove);
        int[] removed = {0};
        tags.computeIfPresent(responseId, (k, v) -> {
            TreeSet<String> s = new TreeSet<>(v);
            for (String t : checked) {
                removed[0] += s.remove(t) ? 1 : 0;
            }
            return s.isEmpty() ? null : Collections.unmodifiableSet(s);
        });
        return removed[0];
    }

    /**
     * Removes every tag of a response (its contact was erased).
     *
     * @param responseId the response
     * @return whether it had tags
     */
    public boolean removeAll(String responseId) {
        return tags.remove(Checks.id(responseId, "responseId")) != null;
    }

    /** @return the response's tags in alphabetical order */
    @Override
    public Set<String> tagsOf(String responseId) {
        return tags.getOrDefault(Checks.id(responseId, "responseId"), Set.of());
    }
}
