package dev.nps.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Objects;

/**
 * Erasing a contact from {@link JdbcStore} in one transaction: the contact, its attributes, and the tags,
 * attributes, comment and contact link of its responses. Scores stay, so counts still add up.
 */
final class JdbcErasure {
    private final JdbcTransactions tx;
    private final Tables tables;

    JdbcErasure(JdbcTransactions tx, Tables tables) {
        this.tx = tx;
        this.tables = tables;
    }

    boolean eraseContact(String contactId) {
        Objects.requireNonNull(contactId, "contactId");
        return tx.write("eraseContact", c -> {
            int changed = 0;
            changed += update(c, "DELETE FROM " + tables.responseTags() + " WHERE response_id IN (SELECT id FROM "
                    + tables.responses() + " WHERE contact_id = ?)", contactId);
            changed += update(c, "DELETE FROM " + tables.responseAttributes() + " WHERE response_id IN (SELECT id FROM "
                    + tables.responses() + " WHERE contact_id = ?)", contactId);
            // Scores, survey, channel and time stay so that counts still add up; nothing left points at the person.
            changed += update(c, "UPDATE " + tables.responses() + " SET comment = NULL, contact_id = NULL, edited_at = ? WHERE contact_id = ?",
                    tx.now(), contactId);
            changed += update(c, "DELETE FROM " + tables.contactAttributes() + " WHERE contact_id = ?", contactId);
            changed += update(c, "DELETE FROM " + tables.contacts() + " WHERE id = ?", contactId);
            return changed > 0;
        });
    }

    private static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        }
    }
}
