package dev.nps.store.jdbc;

import static dev.nps.store.jdbc.SqlTimes.instant;
import static dev.nps.store.jdbc.SqlTimes.time;

import dev.nps.api.NpsException;
import dev.nps.api.internal.Checks;
import dev.nps.spi.AlertState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The {@link AlertState} of {@link JdbcStore} (migration V5): raised alert keys and per rule and segment
 * cool-downs, so a restarted engine does not alert again within a cool-down, and two instances on one database
 * never both raise. Keys are stored as SHA-256 hashes.
 *
 * <p>{@link #admit} is one transaction that first takes the rule and segment's cool-down row with an exclusive
 * lock (an upsert that creates it if needed), so admissions for one rule and segment run one at a time across
 * instances; then it checks the cool-down and the key, and records both.
 */
final class JdbcAlertState implements AlertState {
    private final JdbcTransactions db;
    private final Dialect dialect;
    private final String keys;
    private final String coolDowns;
    private final String lockSql;

    JdbcAlertState(JdbcTransactions db, Dialect dialect, String prefix) {
        this.db = db;
        this.dialect = dialect;
        this.keys = prefix + "alert_keys";
        this.coolDowns = prefix + "alert_cooldowns";
        // Creates the row or, if it exists, writes it unchanged: either way this transaction holds its lock.
        this.lockSql = switch (dialect) {
            case H2 -> "MERGE INTO " + coolDowns + " (key_hash, rule_id) KEY (key_hash) VALUES (?, ?)";
            case POSTGRESQL -> "INSERT INTO " + coolDowns + " (key_hash, rule_id) VALUES (?, ?) ON CONFLICT (key_hash)"
                    + " DO UPDATE SET rule_id = EXCLUDED.rule_id";
            case MYSQL -> "INSERT INTO " + coolDowns + " (key_hash, rule_id) VALUES (?, ?) ON DUPLICATE KEY UPDATE rule_id = VALUES(rule_id)";
        };
    }

    @Override
    public boolean admit(String ruleId, String segment, String alertKey, Instant now, Duration coolDown) {
        check(ruleId, segment, alertKey, now, coolDown);
        String coolHash = SqlTimes.sha256(coolKey(ruleId, segment));
        String keyHash = SqlTimes.sha256(alertKey);
        return db.writeReadCommitted("admitAlert", c -> {
            try (PreparedStatement ps = c.prepareStatement(lockSql)) {
                ps.setString(1, coolHash);
                ps.setString(2, ruleId);
                ps.executeUpdate();
            }
            Optional<Instant> last = lastRaised(c, coolHash);
            if (last.isPresent() && now.isBefore(last.get().plus(coolDown))) {
                return false;
            }
            if (seen(c, keyHash)) {
                return false;
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + keys + " (key_hash, rule_id, raised_at) VALUES (?, ?, ?)")) {
                ps.setString(1, keyHash);
                ps.setString(2, ruleId);
                ps.setObject(3, time(now));
                ps.executeUpdate();
            } catch (SQLException e) {
                if (!dialect.isUniqueViolation(e)) {
                    throw e;
                }
                c.rollback(); // the same key under another segment's lock won
                return false;
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + coolDowns + " SET last_raised_at = ? WHERE key_hash = ?")) {
                ps.setObject(1, time(now));
                ps.setString(2, coolHash);
                ps.executeUpdate();
            }
            return true;
        });
    }

    @Override
    public void revoke(String ruleId, String segment, String alertKey, Instant raisedAt) {
        Checks.notNull(ruleId, "ruleId");
        Checks.notNull(segment, "segment");
        Checks.notNull(alertKey, "alertKey");
        Checks.notNull(raisedAt, "raisedAt");
        String coolHash = SqlTimes.sha256(coolKey(ruleId, segment));
        String keyHash = SqlTimes.sha256(alertKey);
        db.writeReadCommitted("revokeAlert", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + keys + " WHERE key_hash = ?")) {
                ps.setString(1, keyHash);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + coolDowns + " SET last_raised_at = NULL"
                    + " WHERE key_hash = ? AND last_raised_at = ?")) {
                ps.setString(1, coolHash);
                ps.setObject(2, time(raisedAt));
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public Optional<Instant> lastRaised(String ruleId, String segment) {
        Checks.notNull(ruleId, "ruleId");
        Checks.notNull(segment, "segment");
        String hash = SqlTimes.sha256(coolKey(ruleId, segment));
        return db.single("alertLastRaised", c -> lastRaised(c, hash));
    }

    private Optional<Instant> lastRaised(Connection c, String coolHash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT last_raised_at FROM " + coolDowns + " WHERE key_hash = ?")) {
            ps.setString(1, coolHash);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(instant(rs, 1)) : Optional.empty();
            }
        }
    }

    @Override
    public boolean seen(String alertKey) {
        String hash = SqlTimes.sha256(Checks.notNull(alertKey, "alertKey"));
        return db.single("alertSeen", c -> seen(c, hash));
    }

    private boolean seen(Connection c, String keyHash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM " + keys + " WHERE key_hash = ?")) {
            ps.setString(1, keyHash);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Override
    public int forget(Instant before) {
        Checks.notNull(before, "before");
        return db.writeReadCommitted("forgetAlertState", c -> {
            int forgotten;
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + keys + " WHERE raised_at < ?")) {
                ps.setObject(1, time(before));
                forgotten = ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + coolDowns + " WHERE last_raised_at < ?")) {
                ps.setObject(1, time(before));
                forgotten += ps.executeUpdate();
            }
            return forgotten;
        });
    }

    /** The same checks as the engine's in-memory state, so every store rejects the same input. */
    private static void check(String ruleId, String segment, String alertKey, Instant now, Duration coolDown) {
        Checks.notBlank(ruleId, "ruleId");
        if (ruleId.length() > MAX_RULE_ID) {
            throw NpsException.invalid("ruleId", "is " + ruleId.length() + " characters; the limit is " + MAX_RULE_ID);
        }
        Checks.notNull(segment, "segment");
        Checks.notBlank(alertKey, "alertKey");
        Checks.notNull(now, "now");
        if (Checks.notNull(coolDown, "coolDown").isNegative()) {
            throw NpsException.invalid("coolDown", "must not be negative (got " + coolDown + ")");
        }
    }

    private static String coolKey(String ruleId, String segment) {
        return ruleId + "\u0000" + segment;
    }

    @Override
    public String toString() {
        return "JdbcAlertState[" + keys + ", " + coolDowns + "]";
    }
}
