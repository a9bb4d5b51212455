package dev.nps.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * {@code IN (?, ?, ...)} lists for the batch lookups, cut into chunks of at most {@value #CHUNK} values so a
 * statement stays well under every driver's parameter limit (and the claimed batch, at most 10,000 rows, takes a few
 * statements at most).
 */
final class InList {
    static final int CHUNK = 500;

    private InList() {}

    /** @return the distinct values in chunks, in first-seen order; rejects a null value naming {@code field} */
    static List<List<String>> chunks(Collection<String> values, String field) {
        Objects.requireNonNull(values, field);
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(values));
        if (distinct.contains(null)) {
            throw dev.nps.api.NpsException.invalid(field, "contains null; pass ids only");
        }
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < distinct.size(); i += CHUNK) {
            out.add(distinct.subList(i, Math.min(distinct.size(), i + CHUNK)));
        }
        return out;
    }

    /** @return {@code column IN (?, ..., ?)} with one placeholder per value */
    static String in(String column, int count) {
        StringBuilder sb = new StringBuilder(column.length() + 6 + 3 * count).append(column).append(" IN (");
        for (int i = 0; i < count; i++) {
            sb.append(i == 0 ? "?" : ", ?");
        }
        return sb.append(')').toString();
    }

    /** Binds the values from parameter {@code first} on; @return the next parameter index */
    static int bind(PreparedStatement ps, int first, List<String> values) throws SQLException {
        int i = first;
        for (String v : values) {
            ps.setString(i++, v);
        }
        return i;
    }
}
