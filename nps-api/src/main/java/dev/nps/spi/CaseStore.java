package dev.nps.spi;

import java.util.List;
import java.util.Optional;

/**
 * Where follow-up cases live. The engine keeps them in memory for the in-memory store; a store implementing
 * {@link AlertStorage} keeps them, with their history, across restarts. The history only grows: an update
 * appends events to the stored ones. Implementations are thread-safe.
 *
 * @since 0.1
 */
public interface CaseStore {

    /**
     * @param c a new case (version 0)
     * @return false when a case for the same response exists already (nothing is written)
     */
    boolean insert(FollowUpCase c);

    /**
     * Replaces a case if it is still at the version before the change.
     *
     * @param updated the changed case, whose version is one more than the stored one
     * @throws dev.nps.api.NpsException {@code CONFLICT} when someone else changed it first; {@code NOT_FOUND}
     */
    void update(FollowUpCase updated);

    Optional<FollowUpCase> find(String caseId);

    Optional<FollowUpCase> findByResponse(String responseId);

    /** @return every case, oldest first; cases opened at the same instant in the order they were inserted */
    List<FollowUpCase> list();
}
