package dev.nps.store.jdbc;

import static dev.nps.store.jdbc.SqlTimes.instant;
import static dev.nps.store.jdbc.SqlTimes.time;

import dev.nps.api.ErrorCode;
import dev.nps.api.NpsException;
import dev.nps.api.internal.Checks;
import dev.nps.spi.CaseEvent;
import dev.nps.spi.CaseStatus;
import dev.nps.spi.CaseStore;
import dev.nps.spi.FollowUpCase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link CaseStore} of {@link JdbcStore} (migration V5): a row per case and a row per history event. An
 * update is one transaction: the case row changes only at the expected version (optimistic locking across
 * instances), and the events it appended are inserted after the stored ones. A read is one statement (the case
 * joined with its events), so it sees one consistent version on every database.
 */
final class JdbcCaseStore implements CaseStore {
    private static final String CASE_COLUMNS = "c.id, c.response_id, c.survey_id, c.contact_id, c.score, c.case_owner, c.status,"
            + " c.opened_at, c.due_at, c.first_contact_at, c.closed_at, c.version";
    private static final String EVENT_COLUMNS = "e.seq, e.event_at, e.actor, e.action, e.status, e.note";
    private static final int INSERT_ATTEMPTS = 5;

    private final JdbcTransactions db;
    private final Dialect dialect;
    private final String cases;
    private final String events;
    private final String select;

    JdbcCaseStore(JdbcTransactions db, Dialect dialect, String prefix) {
        this.db = db;
        this.dialect = dialect;
        this.cases = prefix + "cases";
        this.events = prefix + "case_events";
        this.select = "SELECT " + CASE_COLUMNS + ", " + EVENT_COLUMNS + " FROM " + cases + " c JOIN " + events + " e ON e.case_id = c.id";
    }

    @Override
    public boolean insert(FollowUpCase c) {
        Checks.notNull(c, "case");
        if (c.version() != 0) {
            throw NpsException.invalid("case.version", "a new case is at version 0 (got " + c.version() + ")");
        }
        for (int attempt = 1; attempt <= INSERT_ATTEMPTS; attempt++) {
            Boolean inserted = db.writeReadCommitted("insertCase", conn -> {
                Boolean decided = existing(conn, c);
                if (decided != null) {
                    return decided;
                }
                try (PreparedStatement ps = conn.prepareStatement("INSERT INTO " + cases + " (id, response_id, survey_id, contact_id, score,"
                        + " case_owner, status, opened_at, due_at, first_contact_at, closed_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    int i = 1;
                    ps.setString(i++, c.id());
                    ps.setString(i++, c.responseId());
                    ps.setString(i++, c.surveyId());
                    ps.setString(i++, c.contactId().orElse(null));
                    ps.setInt(i++, c.score());
                    ps.setString(i++, c.owner());
                    ps.setString(i++, c.status().name());
                    ps.setObject(i++, time(c.openedAt()));
                    ps.setObject(i++, time(c.dueAt()));
                    ps.setObject(i++, c.firstContactAt().map(SqlTimes::time).orElse(null));
                    ps.setObject(i++, c.closedAt().map(SqlTimes::time).orElse(null));
                    ps.setLong(i, c.version());
                    ps.executeUpdate();
                } catch (SQLException e) {
                    if (!dialect.isUniqueViolation(e)) {
                        throw e;
                    }
                    // Another instance inserted the same case or response first: end this transaction, then see what won.
                    conn.rollback();
                    return existing(conn, c);
                }
                insertEvents(conn, c, 0);
                return Boolean.TRUE;
            });
            if (inserted != null) {
                return inserted;
            }
        }
        throw new NpsException(ErrorCode.STORE_FAILURE, "insertCase failed: case " + c.id()
                + " kept conflicting with writes that then rolled back; retry");
    }

    /** @return false when the response has a case, or null when neither the response nor the id has one */
    private Boolean existing(Connection conn, FollowUpCase c) throws SQLException {
        if (exists(conn, "response_id", c.responseId())) {
            return Boolean.FALSE;
        }
        if (exists(conn, "id", c.id())) {
            throw new NpsException(ErrorCode.CONFLICT, "case " + c.id() + ": the id is taken by another case");
        }
        return null;
    }

    private boolean exists(Connection conn, String column, String value) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT 1 FROM " + cases + " WHERE " + column + " = ?")) {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private void insertEvents(Connection conn, FollowUpCase c, int from) throws SQLException {
        List<CaseEvent> history = c.history();
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO " + events
                + " (case_id, seq, event_at, actor, action, status, note) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (int seq = from; seq < history.size(); seq++) {
                CaseEvent e = history.get(seq);
                ps.setString(1, c.id());
                ps.setInt(2, seq);
                ps.setObject(3, time(e.at()));
                ps.setString(4, e.actor());
                ps.setString(5, e.action());
                ps.setString(6, e.status().name());
                ps.setString(7, e.note().orElse(null));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    @Override
    public void update(FollowUpCase updated) {
        Checks.notNull(updated, "updated");
        db.writeReadCommitted("updateCase", conn -> {
            try (PreparedStatement ps = conn.prepareStatement("UPDATE " + cases + " SET case_owner = ?, status = ?, due_at = ?,"
                    + " first_contact_at = ?, closed_at = ?, version = ? WHERE id = ? AND version = ?")) {
                int i = 1;
                ps.setString(i++, updated.owner());
                ps.setString(i++, updated.status().name());
                ps.setObject(i++, time(updated.dueAt()));
                ps.setObject(i++, updated.firstContactAt().map(SqlTimes::time).orElse(null));
                ps.setObject(i++, updated.closedAt().map(SqlTimes::time).orElse(null));
                ps.setLong(i++, updated.version());
                ps.setString(i++, updated.id());
                ps.setLong(i, updated.version() - 1);
                if (ps.executeUpdate() != 1) {
                    throw notUpdated(conn, updated);
                }
            }
            // The row is locked by the update above until commit: nobody appends events meanwhile.
            int stored = storedEvents(conn, updated.id());
            if (updated.history().size() < stored) {
                throw NpsException.invalid("updated.history", "has " + updated.history().size() + " events but the stored case has "
                        + stored + "; the history only grows");
            }
            insertEvents(conn, updated, stored);
            return null;
        });
    }

    private NpsException notUpdated(Connection conn, FollowUpCase updated) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT version FROM " + cases + " WHERE id = ?")) {
            ps.setString(1, updated.id());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return new NpsException(ErrorCode.NOT_FOUND, "case " + updated.id() + ": no such case");
                }
                return new NpsException(ErrorCode.CONFLICT, "case " + updated.id() + ": changed by someone else (now at version "
                        + rs.getLong(1) + "); read it again and retry");
            }
        }
    }

    private int storedEvents(Connection conn, String caseId) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT COUNT(*) FROM " + events + " WHERE case_id = ?")) {
            ps.setString(1, caseId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    @Override
    public Optional<FollowUpCase> find(String caseId) {
        Checks.notNull(caseId, "caseId");
        return one("findCase", " WHERE c.id = ? ORDER BY e.seq", caseId);
    }

    @Override
    public Optional<FollowUpCase> findByResponse(String responseId) {
        Checks.notNull(responseId, "responseId");
        return one("findCaseByResponse", " WHERE c.response_id = ? ORDER BY e.seq", responseId);
    }

    private Optional<FollowUpCase> one(String operation, String where, String value) {
        return db.single(operation, conn -> {
            try (PreparedStatement ps = conn.prepareStatement(select + where)) {
                ps.setString(1, value);
                List<FollowUpCase> found = rows(ps);
                return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
            }
        });
    }

    @Override
    public List<FollowUpCase> list() {
        return db.single("listCases", conn -> {
            try (PreparedStatement ps = conn.prepareStatement(select + " ORDER BY c.opened_at, c.seq, e.seq")) {
                return rows(ps);
            }
        });
    }

    /** Folds the joined rows (a case's rows together, its events in order) into cases. */
    private static List<FollowUpCase> rows(PreparedStatement ps) throws SQLException {
        Map<String, FollowUpCase> byId = new LinkedHashMap<>();
        Map<String, List<CaseEvent>> histories = new LinkedHashMap<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String id = rs.getString(1);
                if (!byId.containsKey(id)) {
                    byId.put(id, row(rs));
                    histories.put(id, new ArrayList<>());
                }
                histories.get(id).add(new CaseEvent(instant(rs, 14), rs.getString(15), rs.getString(16), CaseStatus.valueOf(rs.getString(17)),
                        Optional.ofNullable(rs.getString(18))));
            }
        }
        List<FollowUpCase> out = new ArrayList<>(byId.size());
        byId.forEach((id, c) -> out.add(new FollowUpCase(c.id(), c.responseId(), c.surveyId(), c.contactId(), c.score(), c.owner(),
                c.status(), c.openedAt(), c.dueAt(), c.firstContactAt(), c.closedAt(), histories.get(id), c.version())));
        return out;
    }

    /** The case row with a placeholder history, replaced once its events are read. */
    private static FollowUpCase row(ResultSet rs) throws SQLException {
        Instant opened = instant(rs, 8);
        return new FollowUpCase(rs.getString(1), rs.getString(2), rs.getString(3), Optional.ofNullable(rs.getString(4)), rs.getInt(5),
                rs.getString(6), CaseStatus.valueOf(rs.getString(7)), opened, instant(rs, 9), Optional.ofNullable(instant(rs, 10)),
                Optional.ofNullable(instant(rs, 11)), List.of(new CaseEvent(opened, "system", "opened", CaseStatus.OPEN, Optional.empty())),
                rs.getLong(12));
    }

    @Override
    public String toString() {
        return "JdbcCaseStore[" + cases + "]";
    }
}
