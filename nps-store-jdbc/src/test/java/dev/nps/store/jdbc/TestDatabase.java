package dev.nps.store.jdbc;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A database of its own for one test class: a fresh H2 file, a fresh PostgreSQL schema or a fresh MariaDB
 * database (random name, dropped on close), so runs never see each other's rows.
 */
final class TestDatabase implements AutoCloseable {
    static final String POSTGRES_ENV = "NPS_TEST_POSTGRES_URL";
    static final String MARIADB_ENV = "NPS_TEST_MARIADB_URL";

    enum Kind { H2, POSTGRES, MARIADB }

    private final Kind kind;
    private final String baseUrl;
    private final String name;
    private final String url;

    private TestDatabase(Kind kind, String baseUrl, String name, String url) {
        this.kind = kind;
        this.baseUrl = baseUrl;
        this.name = name;
        this.url = url;
    }

    /** @return a fresh database of this kind; skips the test with a visible reason when the server is not configured */
    static TestDatabase create(Kind kind, Path tempDir) {
        String name = "nps_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        switch (kind) {
            case H2 -> {
                return new TestDatabase(kind, null, name, "jdbc:h2:file:" + tempDir.resolve(name).toAbsolutePath().toString().replace('\\', '/'));
            }
            case POSTGRES -> {
                String base = System.getenv(POSTGRES_ENV);
                assumeTrue(base != null && !base.isBlank(), POSTGRES_ENV + " not set: PostgreSQL tests skipped"
                        + " (set it to e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres)");
                admin(base, "CREATE SCHEMA " + name);
                return new TestDatabase(kind, base, name, withParameter(stripParameter(base, "currentSchema"), "currentSchema", name));
            }
            case MARIADB -> {
                String base = System.getenv(MARIADB_ENV);
                assumeTrue(base != null && !base.isBlank(), MARIADB_ENV + " not set: MariaDB tests skipped"
                        + " (set it to e.g. jdbc:mariadb://127.0.0.1:3306/test?user=root)");
                admin(base, "CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
                return new TestDatabase(kind, base, name, replaceDatabase(base, name));
            }
            default -> throw new IllegalArgumentException(kind.toString());
        }
    }

    Kind kind() {
        return kind;
    }

    /** @return a JDBC URL of this database (no password in it for the local servers) */
    String url() {
        return url;
    }

    /** @return a new connection straight from the driver, outside any store's pool */
    Connection connect() throws SQLException {
        return DriverManager.getConnection(url);
    }

    JdbcStore.Builder store() {
        return JdbcStore.builder().url(url);
    }

    @Override
    public void close() {
        try {
            switch (kind) {
                case POSTGRES -> admin(baseUrl, "DROP SCHEMA IF EXISTS " + name + " CASCADE");
                case MARIADB -> admin(baseUrl, "DROP DATABASE IF EXISTS " + name);
                case H2 -> { /* the temp dir goes with the test */ }
            }
        } catch (RuntimeException e) {
            throw new IllegalStateException("could not drop test database " + name, e);
        }
    }

    private static void admin(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("admin statement failed: " + sql, e);
        }
    }

    static String stripParameter(String url, String param) {
        int q = url.indexOf('?');
        if (q < 0) {
            return url;
        }
        StringBuilder kept = new StringBuilder();
        for (String p : url.substring(q + 1).split("&")) {
            if (!p.toLowerCase(Locale.ROOT).startsWith(param.toLowerCase(Locale.ROOT) + "=") && !p.isEmpty()) {
                kept.append(kept.length() == 0 ? "" : "&").append(p);
            }
        }
        return url.substring(0, q) + (kept.length() == 0 ? "" : "?" + kept);
    }

    static String withParameter(String url, String param, String value) {
        return url + (url.contains("?") ? "&" : "?") + param + "=" + value;
    }

    /** jdbc:mariadb://host:port/db?x -> jdbc:mariadb://host:port/name?x */
    static String replaceDatabase(String url, String name) {
        int hostStart = url.indexOf("//") + 2;
        int q = url.indexOf('?');
        String head = q < 0 ? url : url.substring(0, q);
        String tail = q < 0 ? "" : url.substring(q);
        int slash = head.indexOf('/', hostStart);
        String hostPart = slash < 0 ? head : head.substring(0, slash);
        return hostPart + "/" + name + tail;
    }
}
