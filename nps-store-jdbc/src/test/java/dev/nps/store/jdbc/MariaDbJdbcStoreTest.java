package dev.nps.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nps.api.ErrorCode;
import dev.nps.api.NpsException;
import dev.nps.api.Response;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JDBC store's own behaviour on MariaDB. */
class MariaDbJdbcStoreTest extends JdbcStoreBehaviour {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.MARIADB;
    }

    @Test
    void emojiIntoAThreeByteColumnIsAClearErrorAndNothingIsHalfWritten() throws SQLException {
        // A DBA converted the column to the old 3-byte utf8: the store must say so rather than store '?'.
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE " + prefix + "response_attributes MODIFY attr_value VARCHAR(1000) CHARACTER SET utf8mb3 NOT NULL");
        }
        Response r = response("r-1", 10).comment("fine").attribute("mood", "🎉 party").build(T0);

        assertThatThrownBy(() -> store.insertResponse(r))
                .isInstanceOf(NpsException.class)
                .hasMessageContaining("utf8mb4").hasMessageContaining("nothing was written").hasMessageNotContaining("party")
                .extracting(e -> ((NpsException) e).code()).isEqualTo(ErrorCode.STORE_FAILURE);
        assertThat(rows("SELECT COUNT(*) FROM " + prefix + "responses")).containsExactly(List.of(0L));
    }
}
