package dev.nps.store.jdbc;

import dev.nps.api.internal.Checks;
import dev.nps.spi.Sequences;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The {@link Sequences} of {@link JdbcStore} (migration V6): one row per sequence holding the next value.
 * {@link #next} is one READ COMMITTED transaction: create the row if needed, increment it (the row lock makes
 * callers on every instance take turns), read back the value this transaction wrote. So two engines on one database
 * share the round-robin turn and never hand out a value twice.
 */
final class JdbcSequences implements Sequences {
    private final JdbcTransactions db;
    private final String table;
    private final String createSql;

    JdbcSequences(JdbcTransactions db, Dialect dialect, String prefix) {
        this.db = db;
        this.table = prefix + "sequences";
        // Creates the row at 0 or, if it exists, leaves its value alone.
        this.createSql = switch (dialect) {
            case H2 -> "MERGE INTO " + table + " (name) KEY (name) VALUES (?)";
            case POSTGRESQL -> "INSERT INTO " + table + " (name) VALUES (?) ON CONFLICT (name) DO NOTHING";
            case MYSQL -> "INSERT INTO " + table + " (name) VALUES (?) ON DUPLICATE KEY UPDATE name = VALUES(name)";
        };
    }

    @Override
    public long next(String name) {
        Checks.id(name, "name");
        return db.writeReadCommitted("nextInSequence", c -> {
            try (PreparedStatement ps = c.prepareStatement(createSql)) {
                ps.setString(1, name);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET next_value = next_value + 1 WHERE name = ?")) {
                ps.setString(1, name);
                if (ps.executeUpdate() != 1) {
                    throw new SQLException("sequence row missing after create", "02000");
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT next_value FROM " + table + " WHERE name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1) - 1;
                }
            }
        });
    }

    @Override
    public String toString() {
        return "JdbcSequences[" + table + "]";
    }
}
