package dev.nps.store.jdbc;

import dev.nps.api.internal.Checks;
import dev.nps.spi.ResponseToken;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Response-link tokens (migration V3), stored by their hash only, so a database dump holds no working link. */
final class JdbcResponseTokens {
    private final JdbcTransactions db;
    private final String tokens;
    private final String upsertTokenSql;

    JdbcResponseTokens(JdbcTransactions db, Dialect dialect, String prefix) {
        this.db = db;
        this.tokens = prefix + "response_tokens";
        this.upsertTokenSql = dialect.upsert(tokens, List.of("token_hash"), List.of("invitation_id", "survey_id", "contact_id", "expires_at"));
    }

    void saveToken(ResponseToken token) {
        Checks.notNull(token, "token");
        db.single("saveToken", c -> {
            try (PreparedStatement ps = c.prepareStatement(upsertTokenSql)) {
                ps.setString(1, token.hash());
                ps.setString(2, token.invitationId());
                ps.setString(3, token.surveyId());
                ps.setString(4, token.contactId());
                ps.setObject(5, SqlTimes.time(token.expiresAt()));
                return ps.executeUpdate();
            }
        });
    }

    Optional<ResponseToken> findToken(String hash) {
        Objects.requireNonNull(hash, "hash");
        return db.single("findToken", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT token_hash, invitation_id, survey_id, contact_id, expires_at FROM "
                    + tokens + " WHERE token_hash = ?")) {
                ps.setString(1, hash);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new ResponseToken(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            SqlTimes.instant(rs, 5))) : Optional.empty();
                }
            }
        });
    }
}
