package dev.nps.store.jdbc;

import dev.nps.api.internal.Checks;
import dev.nps.spi.ResponseTags;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The {@link ResponseTags} of {@link JdbcStore} (migration V6): one row per response and tag. Each tag is its own
 * autocommitted insert, and a taken primary key means the tag is there already, so adding is idempotent and two
 * instances adding the same tag at once both succeed (one counts it). {@link JdbcStore#eraseContact} deletes the
 * tags of the contact's responses.
 */
final class JdbcResponseTags implements ResponseTags {
    private final JdbcTransactions db;
    private final Dialect dialect;
    private final Clock clock;
    private final String table;

    JdbcResponseTags(JdbcTransactions db, Dialect dialect, Clock clock, String prefix) {
        this.db = db;
        this.dialect = dialect;
        this.clock = clock;
        this.table = prefix + "response_tags";
    }

    @Override
    public int add(String responseId, Set<String> tags) {
        Set<String> checked = ResponseTags.requireTags(responseId, tags);
        if (checked.isEmpty()) {
            return 0;
        }
        return db.single("addResponseTags", c -> {
            int added = 0;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (response_id, tag, tagged_at) VALUES (?, ?, ?)")) {
                for (String tag : checked) {
                    ps.setString(1, responseId);
                    ps.setString(2, tag);
                    ps.setObject(3, SqlTimes.time(clock.instant()));
                    try {
                        added += ps.executeUpdate();
                    } catch (SQLException e) {
                        if (!dialect.isUniqueViolation(e)) {
                            throw e;
                        }
                        // the response has the tag already (added before, or by another instance just now)
                    }
                }
            }
            return added;
        });
    }

    @Override
    public int remove(String responseId, Set<String> tags) {
        Set<String> checked = ResponseTags.requireTags(responseId, tags);
        if (checked.isEmpty()) {
            return 0;
        }
        String params = checked.stream().map(t -> "?").collect(Collectors.joining(", "));
        return db.single("removeResponseTags", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE response_id = ? AND tag IN (" + params + ")")) {
                ps.setString(1, responseId);
                int i = 2;
                for (String tag : checked) {
                    ps.setString(i++, tag);
                }
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public Set<String> tagsOf(String responseId) {
        Checks.id(responseId, "responseId");
        return db.single("responseTags", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT tag FROM " + table + " WHERE response_id = ?")) {
                ps.setString(1, responseId);
                TreeSet<String> tags = new TreeSet<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        tags.add(rs.getString(1));
                    }
                }
                return Collections.unmodifiableSet(tags);
            }
        });
    }

    @Override
    public String toString() {
        return "JdbcResponseTags[" + table + "]";
    }
}
