package dev.nps.store.jdbc;

import dev.nps.api.internal.Checks;
import dev.nps.spi.InvitationSkip;
import dev.nps.spi.SkipReason;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Why invitations were not sent (migration V3): one row per skip, written by the dispatcher in batches and read back
 * per contact or most recent first.
 */
final class JdbcSkips {
    private final JdbcTransactions db;
    private final String skips;
    private final String insertSkipSql;

    JdbcSkips(JdbcTransactions db, String prefix) {
        this.db = db;
        this.skips = prefix + "invitation_skips";
        this.insertSkipSql = "INSERT INTO " + skips
                + " (invitation_id, survey_id, contact_id, reason, detail, stage, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)";
    }

    void recordSkip(InvitationSkip skip) {
        Checks.notNull(skip, "skip");
        db.single("recordSkip", c -> {
            try (PreparedStatement ps = c.prepareStatement(insertSkipSql)) {
                bindSkip(ps, skip);
                return ps.executeUpdate();
            }
        });
    }

    /** Stores the skip records in one batch and one transaction. */
    void recordSkips(List<InvitationSkip> records) {
        Checks.notNull(records, "skips");
        records.forEach(r -> Checks.notNull(r, "skips[]"));
        if (records.isEmpty()) {
            return;
        }
        db.writeReadCommitted("recordSkips", c -> {
            try (PreparedStatement ps = c.prepareStatement(insertSkipSql)) {
                for (InvitationSkip skip : records) {
                    bindSkip(ps, skip);
                    ps.addBatch();
                }
                return ps.executeBatch().length;
            }
        });
    }

    private static void bindSkip(PreparedStatement ps, InvitationSkip skip) throws SQLException {
        ps.setString(1, skip.invitationId());
        ps.setString(2, skip.surveyId());
        ps.setString(3, skip.contactId());
        ps.setString(4, skip.reason().name());
        ps.setString(5, JdbcOutbox.clip(skip.detail()));
        ps.setString(6, skip.stage().name());
        ps.setObject(7, SqlTimes.time(skip.at()));
    }

    List<InvitationSkip> findSkips(String contactId) {
        Objects.requireNonNull(contactId, "contactId");
        return skipRows("findSkips", " WHERE contact_id = ? ORDER BY seq", ps -> ps.setString(1, contactId));
    }

    List<InvitationSkip> recentSkips(int limit) {
        JdbcOutbox.requireLimit(limit);
        return skipRows("recentSkips", " ORDER BY seq DESC LIMIT ?", ps -> ps.setInt(1, limit));
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private List<InvitationSkip> skipRows(String operation, String clause, Binder binder) {
        return db.single(operation, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT invitation_id, survey_id, contact_id, reason, detail, stage, created_at FROM "
                    + skips + clause)) {
                binder.bind(ps);
                List<InvitationSkip> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new InvitationSkip(rs.getString(1), rs.getString(2), rs.getString(3), SkipReason.valueOf(rs.getString(4)),
                                rs.getString(5), InvitationSkip.Stage.valueOf(rs.getString(6)), SqlTimes.instant(rs, 7)));
                    }
                }
                return out;
            }
        });
    }
}
