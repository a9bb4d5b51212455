package dev.nps.engine.workflow;

import java.util.Set;

/**
 * Tags responses (e.g. {@code needs-follow-up}, {@code promoter-asked-for-review}). {@link InMemoryResponseTags}
 * keeps tags in memory; a store can keep them with the response.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface ResponseTagger {

    /**
     * @param responseId the response
     * @param tags       tags to add (existing tags stay)
     */
    void tag(String responseId, Set<String> tags);
}
