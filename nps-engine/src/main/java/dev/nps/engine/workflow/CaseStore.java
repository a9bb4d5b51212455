package dev.nps.engine.workflow;

import java.util.List;
import java.util.Optional;

/**
 * Where follow-up cases live. {@link InMemoryCaseStore} keeps them in memory; a JDBC one can follow.
 * Implementations are thread-safe.
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

    /** @return every case, oldest first */
    List<FollowUpCase> list();
}
