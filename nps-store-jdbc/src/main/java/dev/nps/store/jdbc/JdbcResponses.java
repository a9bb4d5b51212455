package dev.nps.store.jdbc;

import dev.nps.api.ErrorCode;
import dev.nps.api.NpsException;
import dev.nps.api.Response;
import dev.nps.api.Score;
import dev.nps.spi.InsertResult;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Recording and editing responses in {@link JdbcStore}. One response per id and per invitation is enforced by
 * unique constraints; when one is hit, the row that won is read back so that every caller gets an idempotent
 * {@link InsertResult}. Batches are written {@link JdbcStore.Builder#batchSize(int)} rows per transaction.
 */
final class JdbcResponses {
    /** How often an insert that hit a constraint whose winner then rolled back is tried again. */
    private static final int INSERT_ATTEMPTS = 5;

    private final JdbcTransactions tx;
    private final Dialect dialect;
    private final Tables tables;
    private final JdbcResponseQueries queries;
    private final int batchSize;
    private final String insertResponseSql;
    private final String insertResponseAttributeSql;

    JdbcResponses(JdbcTransactions tx, Dialect dialect, Tables tables, JdbcResponseQueries queries, int batchSize) {
        this.tx = tx;
        this.dialect = dialect;
        this.tables = tables;
        this.queries = queries;
        this.batchSize = batchSize;
        this.insertResponseSql = "INSERT INTO " + tables.responses() + " (id, survey_id, contact_id, invitation_id, score, comment,"
                + " channel, answered_at_s, answered_at_ns, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        this.insertResponseAttributeSql = "INSERT INTO " + tables.responseAttributes() + " (response_id, attr_key, attr_value) VALUES (?, ?, ?)";
    }

    InsertResult insertResponse(Response response) {
        Objects.requireNonNull(response, "response");
        return insertEach(List.of(response)).get(0);
    }

    /**
     * Writes the responses in transactions of {@link JdbcStore.Builder#batchSize(int)} rows with JDBC batches. A batch that
     * hits a duplicate id or an answered invitation is rolled back and its rows are inserted one by one, so every
     * response gets the same result as from {@link #insertResponse(Response)}.
     */
    List<InsertResult> insertResponses(List<Response> responses) {
        Objects.requireNonNull(responses, "responses");
        for (int i = 0; i < responses.size(); i++) {
            if (responses.get(i) == null) {
                throw NpsException.invalid("responses[" + i + "]", "must not be null");
            }
        }
        List<InsertResult> results = new ArrayList<>(responses.size());
        for (int from = 0; from < responses.size(); from += batchSize) {
            List<Response> chunk = responses.subList(from, Math.min(responses.size(), from + batchSize));
            boolean inserted = tx.write("insertResponses", c -> {
                try {
                    insertRows(c, chunk);
                    return true;
                } catch (SQLException e) {
                    if (dialect.isUniqueViolation(e)) {
                        c.rollback();
                        return false;
                    }
                    throw e;
                }
            });
            if (inserted) {
                chunk.forEach(r -> results.add(new InsertResult(InsertResult.Status.INSERTED, r)));
            } else {
                results.addAll(insertEach(chunk));
            }
        }
        return results;
    }

    private List<InsertResult> insertEach(List<Response> rows) {
        List<InsertResult> results = new ArrayList<>(rows.size());
        for (Response r : rows) {
            results.add(insertOne(r));
        }
        return results;
    }

    private InsertResult insertOne(Response response) {
        for (int attempt = 1; attempt <= INSERT_ATTEMPTS; attempt++) {
            InsertResult result = tx.write("insertResponse", c -> {
                try {
                    insertRows(c, List.of(response));
                    return new InsertResult(InsertResult.Status.INSERTED, response);
                } catch (SQLException e) {
                    if (!dialect.isUniqueViolation(e)) {
                        throw e;
                    }
                    // The constraint decided; now look at what won. The failed transaction must end first.
                    c.rollback();
                }
                Optional<Response> sameId = queries.loadResponse(c, "r.id = ?", response.id());
                if (sameId.isPresent()) {
                    return new InsertResult(InsertResult.Status.SAME_ID_EXISTS, sameId.get());
                }
                if (response.invitationId().isPresent()) {
                    Optional<Response> answered = queries.loadResponse(c, "r.invitation_id = ?", response.invitationId().get());
                    if (answered.isPresent()) {
                        return new InsertResult(InsertResult.Status.INVITATION_ANSWERED, answered.get());
                    }
                }
                return null; // the conflicting writer rolled back: try again
            });
            if (result != null) {
                return result;
            }
        }
        throw new NpsException(ErrorCode.STORE_FAILURE, "insertResponse failed on " + tx.description() + ": response " + response.id()
                + " kept conflicting with writes that then rolled back (" + INSERT_ATTEMPTS + " attempts); retry");
    }

    private void insertRows(Connection c, List<Response> rows) throws SQLException {
        LocalDateTime created = tx.now();
        boolean anyAttributes = false;
        try (PreparedStatement ps = c.prepareStatement(insertResponseSql)) {
            for (Response r : rows) {
                ps.setString(1, r.id());
                ps.setString(2, r.surveyId());
                ps.setString(3, r.contactId().orElse(null));
                ps.setString(4, r.invitationId().orElse(null));
                ps.setInt(5, r.score().value());
                ps.setString(6, r.comment().orElse(null));
                ps.setString(7, r.channel().value());
                ps.setLong(8, r.answeredAt().getEpochSecond());
                ps.setInt(9, r.answeredAt().getNano());
                ps.setObject(10, created);
                anyAttributes |= !r.attributes().isEmpty();
                if (rows.size() == 1) {
                    ps.executeUpdate();
                } else {
                    ps.addBatch();
                }
            }
            if (rows.size() > 1) {
                ps.executeBatch();
            }
        }
        if (anyAttributes) {
            try (PreparedStatement ps = c.prepareStatement(insertResponseAttributeSql)) {
                for (Response r : rows) {
                    for (Map.Entry<String, String> e : r.attributes().entrySet()) {
                        ps.setString(1, r.id());
                        ps.setString(2, e.getKey());
                        ps.setString(3, e.getValue());
                        ps.addBatch();
                    }
                }
                ps.executeBatch();
            }
        }
    }

    Response updateResponse(String responseId, Score score, Optional<String> comment) {
        Objects.requireNonNull(responseId, "responseId");
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(comment, "comment");
        return tx.write("updateResponse", c -> {
            Response current = queries.loadResponse(c, "r.id = ? FOR UPDATE", responseId).orElseThrow(() -> new NpsException(
                    ErrorCode.NOT_FOUND, "response " + responseId + " does not exist; record it before editing it"));
            Response edited = current.withAnswer(score, comment);
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + tables.responses()
                    + " SET score = ?, comment = ?, edited_at = ? WHERE id = ?")) {
                ps.setInt(1, edited.score().value());
                ps.setString(2, edited.comment().orElse(null));
                ps.setObject(3, tx.now());
                ps.setString(4, responseId);
                ps.executeUpdate();
            }
            return edited;
        });
    }
}
