package dev.nps.spi;

/**
 * A store that also keeps what the closed-loop workflow needs across restarts and instances: {@link ResponseTags}
 * and the {@link Sequences} behind round-robin owner assignment. An engine built on such a store uses them by
 * itself; with the in-memory store it keeps them in memory.
 *
 * @since 0.1
 */
public interface WorkflowStorage {

    /** @return the durable response tags, the same instance on every call */
    ResponseTags responseTags();

    /** @return the durable sequences, the same instance on every call */
    Sequences sequences();
}
