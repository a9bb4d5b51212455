package dev.nps.store.jdbc;

import dev.nps.api.ChannelName;
import dev.nps.api.Contact;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The contacts of {@link JdbcStore}: a row per contact and a row per attribute, written together in one transaction;
 * lookups by id, by phone and in chunks of ids. Erasing a contact is {@link JdbcErasure}'s.
 */
final class JdbcContacts {
    private final JdbcTransactions tx;
    private final Tables tables;
    private final String upsertContactSql;
    private final String insertContactAttributeSql;

    JdbcContacts(JdbcTransactions tx, Dialect dialect, Tables tables) {
        this.tx = tx;
        this.tables = tables;
        this.upsertContactSql = dialect.upsert(tables.contacts(), List.of("id"),
                List.of("email", "phone", "locale", "zone", "consent", "channel_preference", "updated_at"));
        this.insertContactAttributeSql = "INSERT INTO " + tables.contactAttributes() + " (contact_id, attr_key, attr_value) VALUES (?, ?, ?)";
    }

    void upsertContact(Contact contact) {
        Objects.requireNonNull(contact, "contact");
        tx.write("upsertContact", c -> {
            try (PreparedStatement ps = c.prepareStatement(upsertContactSql)) {
                ps.setString(1, contact.id());
                ps.setString(2, contact.email().orElse(null));
                ps.setString(3, contact.phone().orElse(null));
                ps.setString(4, contact.locale().map(Locale::toLanguageTag).orElse(null));
                ps.setString(5, contact.zone().map(ZoneId::getId).orElse(null));
                ps.setString(6, Codec.sortedChannels(contact.consent()));
                ps.setString(7, Codec.channels(contact.channelPreference()));
                ps.setObject(8, tx.now());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + tables.contactAttributes() + " WHERE contact_id = ?")) {
                ps.setString(1, contact.id());
                ps.executeUpdate();
            }
            if (!contact.attributes().isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement(insertContactAttributeSql)) {
                    for (Map.Entry<String, String> e : contact.attributes().entrySet()) {
                        ps.setString(1, contact.id());
                        ps.setString(2, e.getKey());
                        ps.setString(3, e.getValue());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            return null;
        });
    }

    List<Contact> findContactsByPhone(String phone) {
        Contact.requirePhone(phone);
        List<String> ids = tx.lookup("findContactsByPhone", c -> {
            List<String> found = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM " + tables.contacts() + " WHERE phone = ? ORDER BY id")) {
                ps.setString(1, phone);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.add(rs.getString(1));
                    }
                }
            }
            return found;
        });
        List<Contact> contacts = new ArrayList<>(ids.size());
        for (String id : ids) {
            findContact(id).ifPresent(contacts::add); // erased in between: not found, not an error
        }
        return contacts;
    }

    Optional<Contact> findContact(String contactId) {
        Objects.requireNonNull(contactId, "contactId");
        return tx.lookup("findContact", c -> {
            Contact.Builder b;
            try (PreparedStatement ps = c.prepareStatement("SELECT email, phone, locale, zone, consent, channel_preference FROM "
                    + tables.contacts() + " WHERE id = ?")) {
                ps.setString(1, contactId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    b = contactRow(contactId, rs, 1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT attr_key, attr_value FROM " + tables.contactAttributes()
                    + " WHERE contact_id = ? ORDER BY attr_key")) {
                ps.setString(1, contactId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        b.attribute(rs.getString(1), rs.getString(2));
                    }
                }
            }
            return Optional.of(b.build());
        });
    }

    /** Reads email, phone, locale, zone, consent and channel preference from column {@code first} on. */
    private static Contact.Builder contactRow(String contactId, ResultSet rs, int first) throws SQLException {
        Contact.Builder b = Contact.of(contactId);
        String email = rs.getString(first);
        String phone = rs.getString(first + 1);
        String locale = rs.getString(first + 2);
        String zone = rs.getString(first + 3);
        if (email != null) {
            b.email(email);
        }
        if (phone != null) {
            b.phone(phone);
        }
        if (locale != null) {
            b.locale(Locale.forLanguageTag(locale));
        }
        if (zone != null) {
            b.zone(ZoneId.of(zone));
        }
        // email() and phone() imply consent; the stored consent set is the truth.
        for (ChannelName ch : List.of(ChannelName.EMAIL, ChannelName.SMS)) {
            b.consent(ch, false);
        }
        for (ChannelName ch : Codec.parseChannels(rs.getString(first + 4))) {
            b.consent(ch, true);
        }
        b.preferChannels(Codec.parseChannels(rs.getString(first + 5)));
        return b;
    }

    /** Two queries per {@value InList#CHUNK} contacts (rows, then attributes) instead of two per contact. */
    Map<String, Contact> findContacts(Collection<String> contactIds) {
        List<List<String>> chunks = InList.chunks(contactIds, "contactIds");
        if (chunks.isEmpty()) {
            return Map.of();
        }
        return tx.lookup("findContacts", c -> {
            Map<String, Contact.Builder> builders = new LinkedHashMap<>();
            for (List<String> chunk : chunks) {
                try (PreparedStatement ps = c.prepareStatement("SELECT id, email, phone, locale, zone, consent, channel_preference FROM "
                        + tables.contacts() + " WHERE " + InList.in("id", chunk.size()))) {
                    InList.bind(ps, 1, chunk);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            String id = rs.getString(1);
                            builders.put(id, contactRow(id, rs, 2));
                        }
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("SELECT contact_id, attr_key, attr_value FROM " + tables.contactAttributes()
                        + " WHERE " + InList.in("contact_id", chunk.size()) + " ORDER BY contact_id, attr_key")) {
                    InList.bind(ps, 1, chunk);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            Contact.Builder b = builders.get(rs.getString(1));
                            if (b != null) { // attributes written after the row read: the contact was created in between
                                b.attribute(rs.getString(2), rs.getString(3));
                            }
                        }
                    }
                }
            }
            Map<String, Contact> out = new HashMap<>();
            builders.forEach((id, b) -> out.put(id, b.build()));
            return out;
        });
    }
}
