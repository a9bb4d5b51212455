package dev.nps.store.jdbc;

import static dev.nps.store.jdbc.SqlTimes.instant;
import static dev.nps.store.jdbc.SqlTimes.time;

import dev.nps.api.ErrorCode;
import dev.nps.api.NpsException;
import dev.nps.api.internal.Checks;
import dev.nps.spi.AlertOutbox;
import dev.nps.spi.OutboxEntry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@link AlertOutbox} of {@link JdbcStore} (migration V5): alerts, events and CRM write-backs survive a
 * restart and are shared by every instance on the database.
 *
 * <p>Claims are optimistic on every dialect: due candidates are read without locks, and each is claimed by one
 * conditional update on its fence, state and due time that moves its due time to the lease's end and its fence
 * on; an update count of 0 means another claimer won it. Outcomes are conditional updates on the claim's fence,
 * so a relay whose lease lapsed cannot overwrite the outcome of the relay that took the entry over. Alert volumes
 * are small, so the round trip per claimed row costs nothing that matters and keeps the SQL the same everywhere.
 */
final class JdbcAlertOutbox implements AlertOutbox {
    private static final String COLUMNS = "id, target, kind, payload, state, attempts, created_at, next_attempt_at, fence, last_error";
    private static final int MAX_ERROR = 2000;
    private static final int MAX_PAYLOAD = 1_000_000;
    private static final int MAX_CLAIM = 1000;
    private static final int CLAIM_ROUNDS = 4;

    private final JdbcTransactions db;
    private final Dialect dialect;
    private final String table;

    JdbcAlertOutbox(JdbcTransactions db, Dialect dialect, String prefix) {
        this.db = db;
        this.dialect = dialect;
        this.table = prefix + "alert_outbox";
    }

    @Override
    public boolean add(OutboxEntry entry) {
        Checks.notNull(entry, "entry");
        if (entry.state() != OutboxEntry.State.PENDING) {
            throw NpsException.invalid("entry.state", "a new entry must be PENDING (got " + entry.state() + ")");
        }
        String payload = OutboxCodec.payload(entry.message());
        if (payload.length() > MAX_PAYLOAD) {
            throw NpsException.invalid("entry.message", "is " + payload.length() + " characters as JSON; the limit is " + MAX_PAYLOAD);
        }
        return db.single("addAlertOutboxEntry", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int i = 1;
                ps.setString(i++, entry.id());
                ps.setString(i++, entry.target());
                ps.setString(i++, OutboxCodec.kind(entry.message()));
                ps.setString(i++, payload);
                ps.setString(i++, entry.state().name());
                ps.setInt(i++, entry.attempts());
                ps.setObject(i++, time(entry.createdAt()));
                ps.setObject(i++, time(entry.nextAttemptAt()));
                ps.setLong(i++, entry.fence());
                ps.setString(i, entry.lastError().map(e -> SqlTimes.clip(e, MAX_ERROR)).orElse(null));
                return ps.executeUpdate() == 1;
            } catch (SQLException e) {
                if (dialect.isUniqueViolation(e)) {
                    return false; // the id exists in some state: this message reaches this target once
                }
                throw e;
            }
        });
    }

    @Override
    public List<OutboxEntry> claimDue(Instant now, Instant leaseUntil, int limit) {
        Checks.notNull(now, "now");
        Checks.notNull(leaseUntil, "leaseUntil");
        requireLimit(limit, MAX_CLAIM);
        if (!leaseUntil.isAfter(now)) {
            throw NpsException.invalid("leaseUntil", "must be after now (got " + leaseUntil + " at " + now + ")");
        }
        List<OutboxEntry> claimed = new ArrayList<>(limit);
        Set<String> tried = new HashSet<>();
        for (int round = 0; round < CLAIM_ROUNDS && claimed.size() < limit; round++) {
            int want = limit - claimed.size();
            int read = want * 2 + 8; // concurrent claimers race for the first candidates
            List<OutboxEntry> candidates = db.single("claimAlertOutbox", c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM " + table
                        + " WHERE state = 'PENDING' AND next_attempt_at <= ? ORDER BY next_attempt_at, created_at, id LIMIT ?")) {
                    ps.setObject(1, time(now));
                    ps.setInt(2, read);
                    return rows(ps);
                }
            });
            boolean more = candidates.size() == read;
            candidates.removeIf(e -> !tried.add(e.id() + "#" + e.fence()));
            if (candidates.isEmpty()) {
                break;
            }
            List<OutboxEntry> won = db.single("claimAlertOutbox", c -> {
                List<OutboxEntry> out = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET next_attempt_at = ?, fence = ?"
                        + " WHERE id = ? AND fence = ? AND state = 'PENDING' AND next_attempt_at <= ?")) {
                    for (OutboxEntry e : candidates) {
                        if (out.size() >= want) {
                            break;
                        }
                        OutboxEntry next = e.claimed(SqlTimes.micros(leaseUntil));
                        ps.setObject(1, time(leaseUntil));
                        ps.setLong(2, next.fence());
                        ps.setString(3, e.id());
                        ps.setLong(4, e.fence());
                        ps.setObject(5, time(now));
                        if (ps.executeUpdate() == 1) {
                            out.add(next);
                        }
                    }
                }
                return out;
            });
            claimed.addAll(won);
            if (!more && won.size() == Math.min(want, candidates.size())) {
                break; // every due row was read and won
            }
        }
        return claimed;
    }

    @Override
    public boolean delivered(OutboxEntry claim, int attempts, Instant at) {
        return settle("deliveredAlertOutboxEntry", claim, OutboxEntry.State.DELIVERED, attempts, at, null);
    }

    @Override
    public boolean retryAt(OutboxEntry claim, int attempts, Instant next, String reason) {
        return settle("retryAlertOutboxEntry", claim, OutboxEntry.State.PENDING, attempts, next, Checks.notNull(reason, "reason"));
    }

    @Override
    public boolean dead(OutboxEntry claim, int attempts, Instant at, String reason) {
        return settle("deadAlertOutboxEntry", claim, OutboxEntry.State.DEAD, attempts, at, Checks.notNull(reason, "reason"));
    }

    private boolean settle(String operation, OutboxEntry claim, OutboxEntry.State state, int attempts, Instant at, String reason) {
        Checks.notNull(claim, "claim");
        Checks.notNull(at, "at");
        if (attempts < 1) {
            throw NpsException.invalid("attempts", "must be at least 1 after an attempt (got " + attempts + ")");
        }
        return db.single(operation, c -> {
            // Delivery clears the last error; a retry or dead letter records its reason.
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET state = ?, attempts = ?, next_attempt_at = ?,"
                    + " last_error = ? WHERE id = ? AND fence = ? AND state = 'PENDING'")) {
                ps.setString(1, state.name());
                ps.setInt(2, attempts);
                ps.setObject(3, time(at));
                ps.setString(4, reason == null ? null : SqlTimes.clip(reason, MAX_ERROR));
                ps.setString(5, claim.id());
                ps.setLong(6, claim.fence());
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public boolean requeue(String entryId, Instant now) {
        Checks.notNull(entryId, "entryId");
        Checks.notNull(now, "now");
        return db.single("requeueAlertOutboxEntry", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET state = 'PENDING', attempts = 0, next_attempt_at = ?,"
                    + " fence = fence + 1 WHERE id = ? AND state = 'DEAD'")) {
                ps.setObject(1, time(now));
                ps.setString(2, entryId);
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public Optional<OutboxEntry> find(String entryId) {
        Checks.notNull(entryId, "entryId");
        return db.single("findAlertOutboxEntry", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM " + table + " WHERE id = ?")) {
                ps.setString(1, entryId);
                List<OutboxEntry> rows = rows(ps);
                return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
            }
        });
    }

    @Override
    public List<OutboxEntry> list(OutboxEntry.State state, int limit) {
        Checks.notNull(state, "state");
        requireLimit(limit, DEFAULT_LIST_LIMIT);
        return db.single("listAlertOutbox", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM " + table
                    + " WHERE state = ? ORDER BY created_at, id LIMIT ?")) {
                ps.setString(1, state.name());
                ps.setInt(2, limit);
                return rows(ps);
            }
        });
    }

    @Override
    public long count(OutboxEntry.State state) {
        Checks.notNull(state, "state");
        return db.single("countAlertOutbox", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE state = ?")) {
                ps.setString(1, state.name());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    @Override
    public int forgetDelivered(Instant deliveredBefore) {
        Checks.notNull(deliveredBefore, "deliveredBefore");
        return db.single("forgetDeliveredAlerts", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE state = 'DELIVERED' AND next_attempt_at < ?")) {
                ps.setObject(1, time(deliveredBefore));
                return ps.executeUpdate();
            }
        });
    }

    private static List<OutboxEntry> rows(PreparedStatement ps) throws SQLException {
        List<OutboxEntry> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String id = rs.getString(1);
                try {
                    out.add(new OutboxEntry(id, rs.getString(2), OutboxCodec.message(rs.getString(3), rs.getString(4)),
                            OutboxEntry.State.valueOf(rs.getString(5)), rs.getInt(6), instant(rs, 7), instant(rs, 8),
                            Optional.ofNullable(rs.getString(10)), rs.getLong(9)));
                } catch (RuntimeException e) {
                    // Only a hand-edited row gets here; name it, never its payload (it may hold a comment).
                    throw new NpsException(ErrorCode.STORE_FAILURE, "alert outbox entry '" + id + "' cannot be read back ("
                            + e.getClass().getSimpleName() + "); fix or delete the row", e);
                }
            }
        }
        return out;
    }

    private static void requireLimit(int limit, int max) {
        if (limit < 1 || limit > max) {
            throw NpsException.invalid("limit", "must be 1.." + max + " (got " + limit + ")");
        }
    }

    @Override
    public String toString() {
        return "JdbcAlertOutbox[" + table + "]";
    }
}
