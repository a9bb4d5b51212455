package dev.nps.engine.workflow;

import dev.nps.api.ErrorCode;
import dev.nps.api.NpsException;
import dev.nps.spi.CaseStore;
import dev.nps.spi.FollowUpCase;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link CaseStore} in memory: nothing survives the process. Thread-safe.
 *
 * @since 0.1
 */
public final class InMemoryCaseStore implements CaseStore {
    private final Map<String, FollowUpCase> byId = new LinkedHashMap<>();
    private final Map<String, String> byResponse = new LinkedHashMap<>();

    @Override
    public synchronized boolean insert(FollowUpCase c) {
        Objects.requireNonNull(c, "case");
        if (byResponse.containsKey(c.responseId())) {
            return false;
        }
        if (byId.containsKey(c.id())) {
            throw new NpsException(ErrorCode.CONFLICT, "case " + c.id() + ": the id is taken by another case");
        }
        byId.put(c.id(), c);
        byResponse.put(c.responseId(), c.id());
        return true;
    }

    @Override
    public synchronized void update(FollowUpCase updated) {
        FollowUpCase current = byId.get(updated.id());
        if (current == null) {
            throw new NpsException(ErrorCode.NOT_FOUND, "case " + updated.id() + ": no such case");
        }
        if (current.version() + 1 != updated.version()) {
            throw new NpsException(ErrorCode.CONFLICT, "case " + updated.id() + ": changed by someone else (now at version "
                    + current.version() + "); read it again and retry");
        }
        byId.put(updated.id(), updated);
    }

    @Override
    public synchronized Optional<FollowUpCase> find(String caseId) {
        return Optional.ofNullable(byId.get(caseId));
    }

    @Override
    public synchronized Optional<FollowUpCase> findByResponse(String responseId) {
        return Optional.ofNullable(byResponse.get(responseId)).map(byId::get);
    }

    /** Cases opened at the same instant stay in insertion order: the sort is stable. */
    @Override
    public synchronized List<FollowUpCase> list() {
        return byId.values().stream().sorted(java.util.Comparator.comparing(FollowUpCase::openedAt)).toList();
    }
}
