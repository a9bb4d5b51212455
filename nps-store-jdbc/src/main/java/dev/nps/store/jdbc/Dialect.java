package dev.nps.store.jdbc;

import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The few places where SQL differs between the databases the store supports. */
enum Dialect {
    H2("h2"),
    POSTGRESQL("postgresql"),
    /** MariaDB 10.6+ and MySQL 8: the same SQL, tables in utf8mb4 with a binary collation. */
    MYSQL("mysql");

    private final String folder;

    Dialect(String folder) {
        this.folder = folder;
    }

    /** @return the Flyway location of this dialect's migrations */
    String migrationLocation() {
        return "classpath:dev/nps/store/jdbc/migration/" + folder;
    }

    String folder() {
        return folder;
    }

    /** @return the dialect for a JDBC URL, if it is one the store knows */
    static Optional<Dialect> forUrl(String url) {
        String u = url.toLowerCase(Locale.ROOT);
        if (u.startsWith("jdbc:h2:")) {
            return Optional.of(H2);
        }
        if (u.startsWith("jdbc:postgresql:")) {
            return Optional.of(POSTGRESQL);
        }
        if (u.startsWith("jdbc:mariadb:") || u.startsWith("jdbc:mysql:")) {
            return Optional.of(MYSQL);
        }
        return Optional.empty();
    }

    /** @return the dialect for {@link java.sql.DatabaseMetaData#getDatabaseProductName()}, if known */
    static Optional<Dialect> forProductName(String productName) {
        String p = productName.toLowerCase(Locale.ROOT);
        if (p.contains("h2")) {
            return Optional.of(H2);
        }
        if (p.contains("postgres")) {
            return Optional.of(POSTGRESQL);
        }
        if (p.contains("mariadb") || p.contains("mysql")) {
            return Optional.of(MYSQL);
        }
        return Optional.empty();
    }

    /**
     * Insert-or-replace of one row by its key.
     *
     * @param table   the table
     * @param keys    key columns
     * @param columns the other columns
     * @return SQL taking the key columns' then the other columns' values as parameters
     */
    String upsert(String table, List<String> keys, List<String> columns) {
        List<String> all = new java.util.ArrayList<>(keys);
        all.addAll(columns);
        String cols = String.join(", ", all);
        String params = all.stream().map(c -> "?").collect(Collectors.joining(", "));
        return switch (this) {
            case H2 -> "MERGE INTO " + table + " (" + cols + ") KEY (" + String.join(", ", keys) + ") VALUES (" + params + ")";
            case POSTGRESQL -> "INSERT INTO " + table + " (" + cols + ") VALUES (" + params + ") ON CONFLICT ("
                    + String.join(", ", keys) + ") DO UPDATE SET "
                    + columns.stream().map(c -> c + " = EXCLUDED." + c).collect(Collectors.joining(", "));
            case MYSQL -> "INSERT INTO " + table + " (" + cols + ") VALUES (" + params + ") ON DUPLICATE KEY UPDATE "
                    + columns.stream().map(c -> c + " = VALUES(" + c + ")").collect(Collectors.joining(", "));
        };
    }

    /** @return whether the failure is a violated primary key or unique constraint */
    boolean isUniqueViolation(SQLException e) {
        for (SQLException x = e; x != null; x = next(x)) {
            String state = x.getSQLState();
            if ("23505".equals(state)) {
                return true;
            }
            // MariaDB/MySQL report every integrity problem as 23000; 1062 is "duplicate entry".
            if ("23000".equals(state) && x.getErrorCode() == 1062) {
                return true;
            }
        }
        return false;
    }

    /** @return whether the connection itself failed (the server went away, the session was killed) */
    static boolean isConnectionFailure(SQLException e) {
        for (SQLException x = e; x != null; x = next(x)) {
            String state = x.getSQLState();
            if (state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03"))) {
                return true;
            }
            // MariaDB/MySQL: server has gone away, lost connection, connection killed.
            int code = x.getErrorCode();
            if (code == 2006 || code == 2013 || code == 1927 || code == 1053) {
                return true;
            }
        }
        return false;
    }

    /** @return whether the database aborted the transaction as a deadlock or serialization victim (safe to run again) */
    static boolean isTransientConflict(SQLException e) {
        for (SQLException x = e; x != null; x = next(x)) {
            String state = x.getSQLState();
            if ("40001".equals(state) || "40P01".equals(state) || x.getErrorCode() == 1213) {
                return true;
            }
        }
        return false;
    }

    /** @return the first SQLState found in the chain, or "unknown" */
    static String sqlState(SQLException e) {
        for (SQLException x = e; x != null; x = next(x)) {
            if (x.getSQLState() != null) {
                return x.getSQLState();
            }
        }
        return "unknown";
    }

    private static SQLException next(SQLException x) {
        if (x.getNextException() != null && x.getNextException() != x) {
            return x.getNextException();
        }
        return x.getCause() instanceof SQLException s && s != x ? s : null;
    }
}
