package dev.nps.store.jdbc;

import dev.nps.api.NpsException;
import dev.nps.api.internal.Checks;
import dev.nps.spi.Suppression;
import dev.nps.spi.Unsubscribe;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Who must not be sent to (migration V3): suppressed addresses (bounces, complaints, STOP replies) and unsubscribes
 * from one survey or all ({@code survey_id = '*'}). Both are upserts, so a replayed opt-out changes nothing.
 */
final class JdbcOptOuts {
    private static final String ALL_SURVEYS = "*";

    private final JdbcTransactions db;
    private final String suppressions;
    private final String unsubscribes;
    private final String upsertSuppressionSql;
    private final String upsertUnsubscribeSql;

    JdbcOptOuts(JdbcTransactions db, Dialect dialect, String prefix) {
        this.db = db;
        this.suppressions = prefix + "suppressions";
        this.unsubscribes = prefix + "unsubscribes";
        this.upsertSuppressionSql = dialect.upsert(suppressions, List.of("address"), List.of("reason", "created_at"));
        this.upsertUnsubscribeSql = dialect.upsert(unsubscribes, List.of("contact_id", "survey_id"), List.of("created_at"));
    }

    void suppress(Suppression suppression) {
        Checks.notNull(suppression, "suppression");
        if (suppression.address().length() > 320) {
            throw NpsException.invalid("suppression.address", "longer than 320 characters");
        }
        db.single("suppress", c -> {
            try (PreparedStatement ps = c.prepareStatement(upsertSuppressionSql)) {
                ps.setString(1, suppression.address());
                ps.setString(2, JdbcOutbox.clip(suppression.reason()));
                ps.setObject(3, SqlTimes.time(suppression.at()));
                return ps.executeUpdate();
            }
        });
    }

    boolean unsuppress(String address) {
        String key = Suppression.normalize(address);
        return db.single("unsuppress", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + suppressions + " WHERE address = ?")) {
                ps.setString(1, key);
                return ps.executeUpdate() > 0;
            }
        });
    }

    Optional<Suppression> findSuppression(String address) {
        String key = Suppression.normalize(address);
        return db.single("findSuppression", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT address, reason, created_at FROM " + suppressions + " WHERE address = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Suppression(rs.getString(1), rs.getString(2), SqlTimes.instant(rs, 3))) : Optional.empty();
                }
            }
        });
    }

    Map<String, Suppression> findSuppressions(Collection<String> addresses) {
        Checks.notNull(addresses, "addresses");
        List<String> keys = new ArrayList<>(addresses.size());
        for (String a : addresses) {
            keys.add(Suppression.normalize(a));
        }
        Map<String, Suppression> out = new HashMap<>();
        List<List<String>> chunks = InList.chunks(keys, "addresses");
        if (chunks.isEmpty()) {
            return out;
        }
        return db.single("findSuppressions", c -> {
            for (List<String> chunk : chunks) {
                try (PreparedStatement ps = c.prepareStatement("SELECT address, reason, created_at FROM " + suppressions
                        + " WHERE " + InList.in("address", chunk.size()))) {
                    InList.bind(ps, 1, chunk);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.put(rs.getString(1), new Suppression(rs.getString(1), rs.getString(2), SqlTimes.instant(rs, 3)));
                        }
                    }
                }
            }
            return out;
        });
    }

    void unsubscribe(Unsubscribe unsubscribe) {
        Checks.notNull(unsubscribe, "unsubscribe");
        db.single("unsubscribe", c -> {
            try (PreparedStatement ps = c.prepareStatement(upsertUnsubscribeSql)) {
                ps.setString(1, unsubscribe.contactId());
                ps.setString(2, unsubscribe.surveyId().orElse(ALL_SURVEYS));
                ps.setObject(3, SqlTimes.time(unsubscribe.at()));
                return ps.executeUpdate();
            }
        });
    }

    boolean resubscribe(String contactId, Optional<String> surveyId) {
        Objects.requireNonNull(contactId, "contactId");
        Checks.notNull(surveyId, "surveyId");
        return db.single("resubscribe", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + unsubscribes + " WHERE contact_id = ?"
                    + (surveyId.isPresent() ? " AND survey_id = ?" : ""))) {
                ps.setString(1, contactId);
                if (surveyId.isPresent()) {
                    ps.setString(2, surveyId.get());
                }
                return ps.executeUpdate() > 0;
            }
        });
    }

    List<Unsubscribe> findUnsubscribes(String contactId) {
        Objects.requireNonNull(contactId, "contactId");
        return db.single("findUnsubscribes", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT survey_id, created_at FROM " + unsubscribes
                    + " WHERE contact_id = ? ORDER BY survey_id")) {
                ps.setString(1, contactId);
                List<Unsubscribe> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String survey = rs.getString(1);
                        out.add(new Unsubscribe(contactId, ALL_SURVEYS.equals(survey) ? Optional.empty() : Optional.of(survey), SqlTimes.instant(rs, 2)));
                    }
                }
                return out;
            }
        });
    }

    Map<String, List<Unsubscribe>> findUnsubscribesByContacts(Collection<String> contactIds) {
        List<List<String>> chunks = InList.chunks(contactIds, "contactIds");
        Map<String, List<Unsubscribe>> out = new HashMap<>();
        if (chunks.isEmpty()) {
            return out;
        }
        return db.single("findUnsubscribesByContacts", c -> {
            for (List<String> chunk : chunks) {
                try (PreparedStatement ps = c.prepareStatement("SELECT contact_id, survey_id, created_at FROM " + unsubscribes
                        + " WHERE " + InList.in("contact_id", chunk.size()) + " ORDER BY contact_id, survey_id")) {
                    InList.bind(ps, 1, chunk);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            String contact = rs.getString(1);
                            String survey = rs.getString(2);
                            out.computeIfAbsent(contact, k -> new ArrayList<>()).add(new Unsubscribe(contact,
                                    ALL_SURVEYS.equals(survey) ? Optional.empty() : Optional.of(survey), SqlTimes.instant(rs, 3)));
                        }
                    }
                }
            }
            return out;
        });
    }
}
