package dev.nps.store.jdbc;

import dev.nps.api.ChannelName;
import dev.nps.api.Page;
import dev.nps.api.PageRequest;
import dev.nps.api.Response;
import dev.nps.api.Score;
import dev.nps.api.analytics.ResponseFilter;
import dev.nps.spi.ScoreRowVisitor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Reading responses from {@link JdbcStore}: by id or invitation, filtered pages and counts (see
 * {@link ResponseQuery}), and the analytics scan, which streams compact columns through a forward-only cursor and
 * never builds a {@link Response} per row.
 */
final class JdbcResponseQueries {
    private static final String RESPONSE_COLUMNS =
            "r.id, r.survey_id, r.contact_id, r.invitation_id, r.score, r.comment, r.channel, r.answered_at_s, r.answered_at_ns";

    private final JdbcTransactions tx;
    private final Tables tables;
    private final int fetchSize;

    JdbcResponseQueries(JdbcTransactions tx, Tables tables, int fetchSize) {
        this.tx = tx;
        this.tables = tables;
        this.fetchSize = fetchSize;
    }

    Optional<Response> findResponse(String responseId) {
        Objects.requireNonNull(responseId, "responseId");
        return tx.lookup("findResponse", c -> loadResponse(c, "r.id = ?", responseId));
    }

    Optional<Response> findResponseByInvitation(String invitationId) {
        Objects.requireNonNull(invitationId, "invitationId");
        return tx.lookup("findResponseByInvitation", c -> loadResponse(c, "r.invitation_id = ?", invitationId));
    }

    Set<String> findAnsweredInvitations(Collection<String> invitationIds) {
        List<List<String>> chunks = InList.chunks(invitationIds, "invitationIds");
        if (chunks.isEmpty()) {
            return Set.of();
        }
        return tx.lookup("findAnsweredInvitations", c -> {
            Set<String> out = new HashSet<>();
            for (List<String> chunk : chunks) {
                try (PreparedStatement ps = c.prepareStatement("SELECT invitation_id FROM " + tables.responses()
                        + " WHERE " + InList.in("invitation_id", chunk.size()))) {
                    InList.bind(ps, 1, chunk);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(rs.getString(1));
                        }
                    }
                }
            }
            return out;
        });
    }

    /** Reads one response and its attributes in the caller's transaction; {@code condition} binds one string. */
    Optional<Response> loadResponse(Connection c, String condition, String param) throws SQLException {
        List<Response> rows = loadResponses(c, "SELECT " + RESPONSE_COLUMNS + " FROM " + tables.responses() + " r WHERE " + condition,
                ps -> ps.setString(1, param));
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    /** Runs a query selecting {@link #RESPONSE_COLUMNS} and attaches the attributes of the rows found. */
    private List<Response> loadResponses(Connection c, String sql, Binder binder) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Object[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                        rs.getString(6), rs.getString(7), rs.getLong(8), rs.getInt(9)});
                }
            }
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, Map<String, String>> attributes = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT response_id, attr_key, attr_value FROM " + tables.responseAttributes()
                + " WHERE response_id IN (" + ResponseQuery.placeholders(rows.size()) + ") ORDER BY response_id, attr_key")) {
            for (int i = 0; i < rows.size(); i++) {
                ps.setString(i + 1, (String) rows.get(i)[0]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    attributes.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getString(3));
                }
            }
        }
        List<Response> out = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            out.add(new Response((String) row[0], (String) row[1], Optional.ofNullable((String) row[2]),
                    Optional.ofNullable((String) row[3]), Score.of((Integer) row[4]), Optional.ofNullable((String) row[5]),
                    new ChannelName((String) row[6]), Instant.ofEpochSecond((Long) row[7], (Integer) row[8]),
                    attributes.getOrDefault((String) row[0], Map.of())));
        }
        return out;
    }

    Page<Response> findResponses(ResponseFilter filter, PageRequest page) {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(page, "page");
        ResponseQuery q = ResponseQuery.of(tables, filter, List.of());
        return tx.read("findResponses", c -> {
            long total = count(c, q);
            if (total == 0 || page.offset() >= total) {
                return new Page<>(List.of(), page, total);
            }
            List<Response> items = loadResponses(c, "SELECT " + RESPONSE_COLUMNS + q.fromWhere()
                    + " ORDER BY r.answered_at_s DESC, r.answered_at_ns DESC, r.id ASC LIMIT ? OFFSET ?", ps -> {
                        int i = q.bind(ps);
                        ps.setInt(i++, page.limit());
                        ps.setInt(i, page.offset());
                    });
            return new Page<>(items, page, total);
        });
    }

    long countResponses(ResponseFilter filter) {
        Objects.requireNonNull(filter, "filter");
        ResponseQuery q = ResponseQuery.of(tables, filter, List.of());
        return tx.read("countResponses", c -> count(c, q));
    }

    private static long count(Connection c, ResponseQuery q) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*)" + q.fromWhere())) {
            q.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Streams score, answered-at second and group values through a forward-only cursor ({@link JdbcStore.Builder#fetchSize(int)}
     * rows per round trip). Group values come from joins on the attribute tables: the response's attribute, else
     * the contact's.
     */
    void scan(ResponseFilter filter, List<String> groupKeys, ScoreRowVisitor visitor) {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(groupKeys, "groupKeys");
        Objects.requireNonNull(visitor, "visitor");
        for (int i = 0; i < groupKeys.size(); i++) {
            String key = groupKeys.get(i);
            if (!ResponseQuery.CHANNEL_KEY.equals(key) && !ResponseQuery.SURVEY_KEY.equals(key)) {
                dev.nps.api.internal.Checks.attributeKey(key, "groupKeys[" + i + "]");
            }
        }
        ResponseQuery q = ResponseQuery.of(tables, filter, groupKeys);
        StringBuilder sql = new StringBuilder("SELECT r.score, r.answered_at_s");
        for (String column : q.groupColumns()) {
            sql.append(", ").append(column);
        }
        sql.append(q.fromWhere());
        int groups = groupKeys.size();
        // A cursor needs an open transaction on PostgreSQL; read() keeps one for the whole scan.
        tx.read("scan", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.toString(), ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                ps.setFetchSize(fetchSize);
                q.bind(ps);
                String[] values = new String[groups];
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        for (int g = 0; g < groups; g++) {
                            String v = rs.getString(3 + g);
                            values[g] = v == null ? "" : v;
                        }
                        visitor.accept(rs.getInt(1), rs.getLong(2), values);
                    }
                }
            }
            return null;
        });
    }
}
