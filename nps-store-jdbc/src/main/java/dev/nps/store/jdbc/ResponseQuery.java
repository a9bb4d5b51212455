package dev.nps.store.jdbc;

import dev.nps.api.Category;
import dev.nps.api.ChannelName;
import dev.nps.api.analytics.ResponseFilter;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * SQL for a {@link ResponseFilter} over the responses table (alias {@code r}), with optional group-value
 * columns. Every value is a bound parameter; only table names (validated prefix) and aliases are spliced in.
 */
final class ResponseQuery {
    /** Built-in group keys answered from the responses table itself. */
    static final String CHANNEL_KEY = "channel";
    static final String SURVEY_KEY = "survey";

    private final StringBuilder joins = new StringBuilder();
    private final StringBuilder where = new StringBuilder();
    private final List<Object> joinParams = new ArrayList<>();
    private final List<Object> whereParams = new ArrayList<>();
    private final List<String> groupColumns = new ArrayList<>();
    private final Tables t;
    private int aliases;

    private ResponseQuery(Tables t) {
        this.t = t;
    }

    /**
     * @param filter    which responses
     * @param groupKeys attribute keys (or the built-in {@code channel}, {@code survey}) to select as columns
     */
    static ResponseQuery of(Tables t, ResponseFilter filter, List<String> groupKeys) {
        ResponseQuery q = new ResponseQuery(t);
        for (String key : groupKeys) {
            q.groupColumns.add(q.valueExpression(key));
        }
        q.addFilter(filter);
        return q;
    }

    /** @return {@code COALESCE(response attribute, contact attribute)} for a key, joining both tables once */
    private String valueExpression(String key) {
        if (CHANNEL_KEY.equals(key)) {
            return "r.channel";
        }
        if (SURVEY_KEY.equals(key)) {
            return "r.survey_id";
        }
        int n = aliases++;
        // Each attribute table's primary key is (owner, attr_key): at most one row per join, never a fan-out.
        joins.append(" LEFT JOIN ").append(t.responseAttributes()).append(" ra").append(n)
                .append(" ON ra").append(n).append(".response_id = r.id AND ra").append(n).append(".attr_key = ?")
                .append(" LEFT JOIN ").append(t.contactAttributes()).append(" ca").append(n)
                .append(" ON ca").append(n).append(".contact_id = r.contact_id AND ca").append(n).append(".attr_key = ?");
        joinParams.add(key);
        joinParams.add(key);
        return "COALESCE(ra" + n + ".attr_value, ca" + n + ".attr_value)";
    }

    private void addFilter(ResponseFilter f) {
        f.surveyId().ifPresent(s -> and("r.survey_id = ?", s));
        f.contactId().ifPresent(c -> and("r.contact_id = ?", c));
        f.from().ifPresent(from -> {
            // (s, ns) >= (from.s, from.ns), written so that an index on answered_at_s is usable.
            and("r.answered_at_s >= ?", from.getEpochSecond());
            and("(r.answered_at_s > ? OR r.answered_at_ns >= ?)", from.getEpochSecond(), from.getNano());
        });
        f.to().ifPresent(to -> {
            and("r.answered_at_s <= ?", to.getEpochSecond());
            and("(r.answered_at_s < ? OR r.answered_at_ns < ?)", to.getEpochSecond(), to.getNano());
        });
        if (!f.channels().isEmpty()) {
            List<Object> names = new ArrayList<>(new TreeSet<>(f.channels().stream().map(ChannelName::value).toList()));
            and("r.channel IN (" + placeholders(names.size()) + ")", names.toArray());
        }
        if (!f.categories().isEmpty() && f.categories().size() < Category.values().length) {
            List<String> parts = new ArrayList<>();
            for (Category c : f.categories()) {
                parts.add(switch (c) {
                    case DETRACTOR -> "r.score <= 6";
                    case PASSIVE -> "(r.score >= 7 AND r.score <= 8)";
                    case PROMOTER -> "r.score >= 9";
                });
            }
            and("(" + String.join(" OR ", parts) + ")");
        }
        for (Map.Entry<String, Set<String>> e : f.attributes().entrySet()) {
            String expr = valueExpression(e.getKey());
            List<String> values = new ArrayList<>(new TreeSet<>(e.getValue()));
            and(expr + " IN (" + placeholders(values.size()) + ")", values.toArray());
        }
    }

    private void and(String condition, Object... params) {
        where.append(where.length() == 0 ? " WHERE " : " AND ").append(condition);
        whereParams.addAll(List.of(params));
    }

    static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    /** @return the FROM clause with joins and the WHERE clause, starting with a space */
    String fromWhere() {
        return " FROM " + t.responses() + " r" + joins + where;
    }

    /** @return the group-value column expressions, in the order of the group keys */
    List<String> groupColumns() {
        return groupColumns;
    }

    /**
     * Binds the parameters, starting at index 1.
     *
     * @return the next free parameter index
     */
    int bind(PreparedStatement ps) throws SQLException {
        int i = 1;
        for (Object o : joinParams) {
            ps.setObject(i++, o);
        }
        for (Object o : whereParams) {
            if (o instanceof Long l) {
                ps.setLong(i++, l);
            } else if (o instanceof Integer n) {
                ps.setInt(i++, n);
            } else {
                ps.setString(i++, (String) o);
            }
        }
        return i;
    }
}
