package dev.nps.store.jdbc;

import dev.nps.api.ChannelName;
import dev.nps.api.ErrorCode;
import dev.nps.api.NpsException;
import dev.nps.api.internal.Checks;
import dev.nps.spi.FatigueGuard;
import dev.nps.spi.Invitation;
import dev.nps.spi.InvitationInsert;
import dev.nps.spi.InvitationStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The outbox half of {@link JdbcStore}: invitations, their claims and outcomes (migration V3). The records beside
 * them are in {@link JdbcSkips}, {@link JdbcOptOuts} and {@link JdbcResponseTokens}. Every instant comes from the caller (the engine's clock), never from the database.
 *
 * <p>Claims: on PostgreSQL and MariaDB/MySQL one short transaction selects the oldest due rows
 * {@code FOR UPDATE SKIP LOCKED} and updates them with the next fence. H2 2.3 locks every row such a scan touches,
 * so there the candidates are read without locks and each is claimed by a conditional update on its fence and
 * status; an update count of 0 means another claimer won it.
 */
final class JdbcOutbox {
    private static final String COLUMNS = "id, root_id, idempotency_key, survey_id, contact_id, channel, reminder, source, status,"
            + " created_at, due_at, attempts, lease_owner, lease_until, fence, recovered_claims, last_outcome, sent_at, next_reminder_at";
    private static final int MAX_SOURCE = 1000;
    private static final int MAX_TEXT = 2000;
    /** H2 claims read this many more candidates than asked for, since concurrent claimers race for the first ones. */
    private static final int CANDIDATE_FACTOR = 2;
    private static final int H2_CLAIM_ROUNDS = 4;

    private final JdbcTransactions db;
    private final Dialect dialect;
    private final String invitations;
    private final String locks;
    private final String insertSql;
    private final String lockSql;
    private final String updateClaimedSql;

    JdbcOutbox(JdbcTransactions db, Dialect dialect, String prefix) {
        this.db = db;
        this.dialect = dialect;
        this.invitations = prefix + "invitations";
        this.locks = prefix + "contact_locks";
        this.insertSql = "INSERT INTO " + invitations + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        // Takes the contact's lock row, creating it if needed, with an exclusive lock in one statement (an
        // insert-ignore followed by SELECT FOR UPDATE would upgrade a shared lock and deadlock on MariaDB).
        this.lockSql = switch (dialect) {
            case H2 -> "MERGE INTO " + locks + " (contact_id) KEY (contact_id) VALUES (?)";
            case POSTGRESQL -> "INSERT INTO " + locks + " (contact_id) VALUES (?) ON CONFLICT (contact_id) DO UPDATE SET contact_id = EXCLUDED.contact_id";
            case MYSQL -> "INSERT INTO " + locks + " (contact_id) VALUES (?) ON DUPLICATE KEY UPDATE contact_id = VALUES(contact_id)";
        };
        // "(status = 'CLAIMED') IS TRUE" keeps the row found by its primary key: given "status = 'CLAIMED' AND id = ?",
        // PostgreSQL, whose statistics often see no claimed rows, picks the (status, due_at, id) index and scans every
        // claimed entry (and the dead ones) for each outcome: 0.6-10 ms per row instead of 0.05.
        this.updateClaimedSql = "UPDATE " + invitations + " SET channel = ?, status = ?, due_at = ?, attempts = ?, lease_owner = ?,"
                + " lease_until = ?, recovered_claims = ?, last_outcome = ?, sent_at = ?, next_reminder_at = ?"
                + " WHERE id = ? AND fence = ? AND (status = 'CLAIMED') IS TRUE";
    }

    // --- invitations ---

    InvitationInsert insertInvitation(Invitation invitation, Optional<FatigueGuard> guard) {
        Checks.notNull(invitation, "invitation");
        Checks.notNull(guard, "guard");
        if (invitation.source().length() > MAX_SOURCE) {
            throw NpsException.invalid("invitation.source", "longer than " + MAX_SOURCE + " characters");
        }
        if (guard.isPresent() && !guard.get().contactId().equals(invitation.contactId())) {
            throw NpsException.invalid("guard.contactId", "must be the invitation's contact " + invitation.contactId());
        }
        for (int attempt = 1; attempt <= 5; attempt++) {
            InvitationInsert result = db.writeReadCommitted("insertInvitation", c -> {
                if (guard.isPresent()) {
                    // One writer per contact across instances: the fatigue check and the insert are atomic.
                    try (PreparedStatement ps = c.prepareStatement(lockSql)) {
                        ps.setString(1, invitation.contactId());
                        ps.executeUpdate();
                    }
                    Optional<Invitation> existing = one(c, "SELECT " + COLUMNS + " FROM " + invitations + " WHERE idempotency_key = ?",
                            invitation.idempotencyKey());
                    if (existing.isPresent()) {
                        return new InvitationInsert(InvitationInsert.Status.DUPLICATE_KEY, existing.get());
                    }
                    Optional<Invitation> blocking = blocking(c, guard.get());
                    if (blocking.isPresent()) {
                        return new InvitationInsert(InvitationInsert.Status.FATIGUED, blocking.get());
                    }
                }
                try (PreparedStatement ps = c.prepareStatement(insertSql)) {
                    bindAll(ps, invitation);
                    ps.executeUpdate();
                    return new InvitationInsert(InvitationInsert.Status.INSERTED, invitation);
                } catch (SQLException e) {
                    if (!dialect.isUniqueViolation(e)) {
                        throw e;
                    }
                    // The unique key decided; the failed transaction must end before reading what won.
                    c.rollback();
                }
                Optional<Invitation> sameKey = one(c, "SELECT " + COLUMNS + " FROM " + invitations + " WHERE idempotency_key = ?",
                        invitation.idempotencyKey());
                if (sameKey.isPresent()) {
                    return new InvitationInsert(InvitationInsert.Status.DUPLICATE_KEY, sameKey.get());
                }
                if (one(c, "SELECT " + COLUMNS + " FROM " + invitations + " WHERE id = ?", invitation.id()).isPresent()) {
                    throw new NpsException(ErrorCode.CONFLICT, "invitation.id: '" + invitation.id() + "' exists with another idempotency key");
                }
                return null; // the conflicting writer rolled back: try again
            });
            if (result != null) {
                return result;
            }
        }
        throw new NpsException(ErrorCode.STORE_FAILURE, "insertInvitation failed: invitation " + invitation.id()
                + " kept conflicting with writes that then rolled back; retry");
    }

    private Optional<Invitation> blocking(Connection c, FatigueGuard guard) throws SQLException {
        String sql = "SELECT " + COLUMNS + " FROM " + invitations + " WHERE contact_id = ? AND reminder = 0"
                + " AND status NOT IN ('SKIPPED', 'DEAD', 'FAILED') AND created_at >= ?"
                + (guard.surveyId().isPresent() ? " AND survey_id = ?" : "") + " ORDER BY created_at, id LIMIT 1";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, guard.contactId());
            ps.setObject(2, SqlTimes.time(guard.since()));
            if (guard.surveyId().isPresent()) {
                ps.setString(3, guard.surveyId().get());
            }
            List<Invitation> rows = rows(ps);
            return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
        }
    }

    Optional<Invitation> findInvitation(String invitationId) {
        Objects.requireNonNull(invitationId, "invitationId");
        return db.single("findInvitation", c -> one(c, "SELECT " + COLUMNS + " FROM " + invitations + " WHERE id = ?", invitationId));
    }

    Optional<Invitation> findInvitationByKey(String idempotencyKey) {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        return db.single("findInvitationByKey",
                c -> one(c, "SELECT " + COLUMNS + " FROM " + invitations + " WHERE idempotency_key = ?", idempotencyKey));
    }

    List<Invitation> findInvitationsByContact(String contactId) {
        Objects.requireNonNull(contactId, "contactId");
        return db.single("findInvitationsByContact", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM " + invitations
                    + " WHERE contact_id = ? ORDER BY created_at, id")) {
                ps.setString(1, contactId);
                return rows(ps);
            }
        });
    }

    Map<String, List<Invitation>> findSentInvitationsByContacts(Collection<String> contactIds, Instant sentSince) {
        Checks.notNull(sentSince, "sentSince");
        List<List<String>> chunks = InList.chunks(contactIds, "contactIds");
        Map<String, List<Invitation>> out = new HashMap<>();
        if (chunks.isEmpty()) {
            return out;
        }
        return db.single("findSentInvitationsByContacts", c -> {
            for (List<String> chunk : chunks) {
                try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM " + invitations
                        + " WHERE " + InList.in("contact_id", chunk.size()) + " AND status = 'SENT' AND sent_at >= ?"
                        + " ORDER BY sent_at, id")) {
                    int next = InList.bind(ps, 1, chunk);
                    ps.setObject(next, SqlTimes.time(sentSince));
                    for (Invitation inv : rows(ps)) {
                        out.computeIfAbsent(inv.contactId(), k -> new ArrayList<>()).add(inv);
                    }
                }
            }
            return out;
        });
    }

    List<Invitation> findInvitations(InvitationStatus status, int limit) {
        Checks.notNull(status, "status");
        requireLimit(limit);
        return db.single("findInvitations", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM " + invitations
                    + " WHERE status = ? ORDER BY due_at, id LIMIT ?")) {
                ps.setString(1, status.name());
                ps.setInt(2, limit);
                return rows(ps);
            }
        });
    }

    long countInvitations(InvitationStatus status) {
        Checks.notNull(status, "status");
        return db.single("countInvitations", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + invitations + " WHERE status = ?")) {
                ps.setString(1, status.name());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    // --- claims ---

    List<Invitation> claimDue(Instant now, String owner, Duration lease, int limit, Set<ChannelName> excludedChannels) {
        Checks.notNull(now, "now");
        Checks.notBlank(owner, "owner");
        if (owner.length() > 200) {
            throw NpsException.invalid("owner", "longer than 200 characters");
        }
        Checks.notNull(lease, "lease");
        if (lease.isNegative() || lease.isZero()) {
            throw NpsException.invalid("lease", "must be positive (got " + lease + ")");
        }
        Checks.notNull(excludedChannels, "excludedChannels");
        requireLimit(limit);
        if (limit == 0) {
            return List.of();
        }
        List<String> excluded = excludedChannels.stream().map(ChannelName::value).sorted().toList();
        Instant at = SqlTimes.micros(now);
        Instant until = SqlTimes.micros(now.plus(lease));
        return dialect == Dialect.H2 ? claimOptimistically(at, owner, until, limit, excluded) : claimSkipLocked(at, owner, until, limit, excluded);
    }

    /** Expired leases first (the oldest work), then due pending rows; each query stays on its own index. */
    private String candidates(boolean expired, List<String> excluded, boolean lock) {
        String channels = excluded.isEmpty() ? "" : " AND channel NOT IN (" + ResponseQuery.placeholders(excluded.size()) + ")";
        return "SELECT " + COLUMNS + " FROM " + invitations
                + (expired ? " WHERE status = 'CLAIMED' AND lease_until < ?" : " WHERE status = 'PENDING' AND due_at <= ?")
                + channels + (expired ? " ORDER BY lease_until, id" : " ORDER BY due_at, id") + " LIMIT ?"
                + (lock ? " FOR UPDATE SKIP LOCKED" : "");
    }

    private List<Invitation> select(Connection c, String sql, Instant now, List<String> excluded, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setObject(i++, SqlTimes.time(now));
            for (String ch : excluded) {
                ps.setString(i++, ch);
            }
            ps.setInt(i, limit);
            return rows(ps);
        }
    }

    private List<Invitation> claimSkipLocked(Instant now, String owner, Instant until, int limit, List<String> excluded) {
        return db.writeReadCommitted("claimDue", c -> {
            List<Invitation> picked = new ArrayList<>(select(c, candidates(true, excluded, true), now, excluded, limit));
            if (picked.size() < limit) {
                picked.addAll(select(c, candidates(false, excluded, true), now, excluded, limit - picked.size()));
            }
            if (picked.isEmpty()) {
                return List.of();
            }
            // The rows are locked by this transaction: the update below changes exactly what claimedBy computes.
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + invitations + " SET"
                    + " recovered_claims = recovered_claims + CASE WHEN status = 'CLAIMED' THEN 1 ELSE 0 END,"
                    + " last_outcome = CASE WHEN status = 'CLAIMED' THEN ? ELSE last_outcome END,"
                    + " status = 'CLAIMED', lease_owner = ?, lease_until = ?, fence = fence + 1"
                    + " WHERE id IN (" + ResponseQuery.placeholders(picked.size()) + ")")) {
                int i = 1;
                ps.setString(i++, Invitation.TAKEN_OVER);
                ps.setString(i++, owner);
                ps.setObject(i++, SqlTimes.time(until));
                for (Invitation inv : picked) {
                    ps.setString(i++, inv.id());
                }
                int updated = ps.executeUpdate();
                if (updated != picked.size()) {
                    throw new SQLException("claim updated " + updated + " of " + picked.size() + " locked rows", "40001");
                }
            }
            List<Invitation> claimed = new ArrayList<>(picked.size());
            for (Invitation inv : picked) {
                claimed.add(inv.claimedBy(owner, until));
            }
            return claimed;
        });
    }

    private List<Invitation> claimOptimistically(Instant now, String owner, Instant until, int limit, List<String> excluded) {
        List<Invitation> claimed = new ArrayList<>(limit);
        Set<String> tried = new HashSet<>();
        for (int round = 0; round < H2_CLAIM_ROUNDS && claimed.size() < limit; round++) {
            int want = limit - claimed.size();
            int read = want * CANDIDATE_FACTOR + 8;
            List<Invitation> candidates = db.single("claimDue", c -> {
                List<Invitation> rows = new ArrayList<>(select(c, candidates(true, excluded, false), now, excluded, read));
                if (rows.size() < read) {
                    rows.addAll(select(c, candidates(false, excluded, false), now, excluded, read - rows.size()));
                }
                return rows;
            });
            boolean more = candidates.size() == read;
            candidates.removeIf(inv -> tried.contains(inv.id() + "#" + inv.fence()));
            if (candidates.isEmpty()) {
                break;
            }
            List<Invitation> won = db.single("claimDue", c -> {
                List<Invitation> out = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("UPDATE " + invitations + " SET recovered_claims = ?, last_outcome = ?,"
                        + " status = 'CLAIMED', lease_owner = ?, lease_until = ?, fence = ?"
                        + " WHERE id = ? AND fence = ? AND status = ? AND ((status = 'PENDING' AND due_at <= ?)"
                        + " OR (status = 'CLAIMED' AND lease_until < ?))")) {
                    List<Invitation> batch = new ArrayList<>();
                    for (Invitation inv : candidates) {
                        if (batch.size() >= want) {
                            break;
                        }
                        tried.add(inv.id() + "#" + inv.fence());
                        Invitation next = inv.claimedBy(owner, until);
                        int i = 1;
                        ps.setInt(i++, next.recoveredClaims());
                        ps.setString(i++, next.lastOutcome().orElse(null));
                        ps.setString(i++, owner);
                        ps.setObject(i++, SqlTimes.time(until));
                        ps.setLong(i++, next.fence());
                        ps.setString(i++, inv.id());
                        ps.setLong(i++, inv.fence());
                        ps.setString(i++, inv.status().name());
                        ps.setObject(i++, SqlTimes.time(now));
                        ps.setObject(i, SqlTimes.time(now));
                        ps.addBatch();
                        batch.add(next);
                    }
                    int[] counts = ps.executeBatch();
                    for (int k = 0; k < counts.length; k++) {
                        if (counts[k] == 1) {
                            out.add(batch.get(k));
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

    boolean updateClaimed(Invitation updated, long fence) {
        Checks.notNull(updated, "updated");
        if (updated.fence() != fence) {
            throw NpsException.invalid("updated.fence", "must equal the claim's fence " + fence + " (got " + updated.fence() + ")");
        }
        return db.single("updateClaimed", c -> {
            try (PreparedStatement ps = c.prepareStatement(updateClaimedSql)) {
                bindUpdate(ps, updated);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /**
     * The fenced updates of {@link #updateClaimed} for many rows in one transaction: one commit (one disk flush) per
     * batch instead of per row. Each update keeps its own {@code WHERE id = ? AND status = 'CLAIMED' AND fence = ?},
     * so a row whose claim was lost is left alone and reported false while the others are written.
     */
    List<Boolean> updateClaimedAll(List<Invitation> updated) {
        Checks.notNull(updated, "updated");
        Set<String> ids = new HashSet<>();
        for (Invitation row : updated) {
            Checks.notNull(row, "updated[]");
            if (!ids.add(row.id())) {
                throw NpsException.invalid("updated", "invitation " + row.id() + " appears twice; pass one outcome per row");
            }
        }
        if (updated.isEmpty()) {
            return List.of();
        }
        return db.writeReadCommitted("updateClaimedAll", c -> {
            List<Boolean> out = new ArrayList<>(updated.size());
            try (PreparedStatement ps = c.prepareStatement(updateClaimedSql)) {
                if (dialect == Dialect.MYSQL) {
                    // MariaDB Connector/J may answer a batch with SUCCESS_NO_INFO; one statement each keeps the
                    // counts exact (still one commit).
                    for (Invitation row : updated) {
                        bindUpdate(ps, row);
                        out.add(ps.executeUpdate() == 1);
                    }
                    return out;
                }
                for (Invitation row : updated) {
                    bindUpdate(ps, row);
                    ps.addBatch();
                }
                int[] counts = ps.executeBatch();
                for (int count : counts) {
                    if (count == PreparedStatement.SUCCESS_NO_INFO) {
                        throw new SQLException("the driver did not report per-row update counts; the batch is rolled back");
                    }
                    out.add(count == 1);
                }
            }
            return out;
        });
    }

    private static void bindUpdate(PreparedStatement ps, Invitation updated) throws SQLException {
        int i = 1;
        ps.setString(i++, updated.channel().value());
        ps.setString(i++, updated.status().name());
        ps.setObject(i++, SqlTimes.time(updated.dueAt()));
        ps.setInt(i++, updated.attempts());
        ps.setString(i++, updated.leaseOwner().orElse(null));
        ps.setObject(i++, updated.leaseUntil().map(SqlTimes::time).orElse(null));
        ps.setInt(i++, updated.recoveredClaims());
        ps.setString(i++, updated.lastOutcome().map(JdbcOutbox::clip).orElse(null));
        ps.setObject(i++, updated.sentAt().map(SqlTimes::time).orElse(null));
        ps.setObject(i++, updated.nextReminderAt().map(SqlTimes::time).orElse(null));
        ps.setString(i++, updated.id());
        ps.setLong(i, updated.fence());
    }

    boolean requeue(String invitationId, Instant dueAt) {
        Objects.requireNonNull(invitationId, "invitationId");
        Checks.notNull(dueAt, "dueAt");
        return db.single("requeue", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + invitations + " SET status = 'PENDING', attempts = 0, due_at = ?,"
                    + " lease_owner = NULL, lease_until = NULL, last_outcome = 'requeued' WHERE id = ? AND status IN ('DEAD', 'FAILED')")) {
                ps.setObject(1, SqlTimes.time(dueAt));
                ps.setString(2, invitationId);
                return ps.executeUpdate() == 1;
            }
        });
    }

    List<Invitation> findRemindersDue(Instant now, int limit) {
        Checks.notNull(now, "now");
        requireLimit(limit);
        return db.single("findRemindersDue", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM " + invitations
                    + " WHERE status = 'SENT' AND next_reminder_at <= ? ORDER BY next_reminder_at, id LIMIT ?")) {
                ps.setObject(1, SqlTimes.time(now));
                ps.setInt(2, limit);
                return rows(ps);
            }
        });
    }

    void clearNextReminder(String invitationId) {
        Objects.requireNonNull(invitationId, "invitationId");
        db.single("clearNextReminder", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + invitations + " SET next_reminder_at = NULL WHERE id = ?")) {
                ps.setString(1, invitationId);
                return ps.executeUpdate();
            }
        });
    }

    // --- rows ---

    private void bindAll(PreparedStatement ps, Invitation inv) throws SQLException {
        int i = 1;
        ps.setString(i++, inv.id());
        ps.setString(i++, inv.rootId());
        ps.setString(i++, inv.idempotencyKey());
        ps.setString(i++, inv.surveyId());
        ps.setString(i++, inv.contactId());
        ps.setString(i++, inv.channel().value());
        ps.setInt(i++, inv.reminder());
        ps.setString(i++, inv.source());
        ps.setString(i++, inv.status().name());
        ps.setObject(i++, SqlTimes.time(inv.createdAt()));
        ps.setObject(i++, SqlTimes.time(inv.dueAt()));
        ps.setInt(i++, inv.attempts());
        ps.setString(i++, inv.leaseOwner().orElse(null));
        ps.setObject(i++, inv.leaseUntil().map(SqlTimes::time).orElse(null));
        ps.setLong(i++, inv.fence());
        ps.setInt(i++, inv.recoveredClaims());
        ps.setString(i++, inv.lastOutcome().map(JdbcOutbox::clip).orElse(null));
        ps.setObject(i++, inv.sentAt().map(SqlTimes::time).orElse(null));
        ps.setObject(i, inv.nextReminderAt().map(SqlTimes::time).orElse(null));
    }

    private Optional<Invitation> one(Connection c, String sql, String param) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, param);
            List<Invitation> rows = rows(ps);
            return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
        }
    }

    private static List<Invitation> rows(PreparedStatement ps) throws SQLException {
        List<Invitation> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Invitation(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        new ChannelName(rs.getString(6)), rs.getInt(7), rs.getString(8), InvitationStatus.valueOf(rs.getString(9)),
                        SqlTimes.instant(rs, 10), SqlTimes.instant(rs, 11), rs.getInt(12), Optional.ofNullable(rs.getString(13)),
                        Optional.ofNullable(SqlTimes.instant(rs, 14)), rs.getLong(15), rs.getInt(16), Optional.ofNullable(rs.getString(17)),
                        Optional.ofNullable(SqlTimes.instant(rs, 18)), Optional.ofNullable(SqlTimes.instant(rs, 19))));
            }
        }
        return out;
    }

    static void requireLimit(int limit) {
        if (limit < 0 || limit > 100_000) {
            throw NpsException.invalid("limit", "must be 0..100000 (got " + limit + ")");
        }
    }

    static String clip(String text) {
        return SqlTimes.clip(text, MAX_TEXT);
    }
}
