package dev.nps.benchmarks.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

/** Where a store benchmark writes: a fresh H2 file in a temp folder, or a fresh PostgreSQL schema. */
final class BenchDatabase implements AutoCloseable {
    static final String POSTGRES_ENV = "NPS_TEST_POSTGRES_URL";

    private final String url;
    private final Runnable drop;

    private BenchDatabase(String url, Runnable drop) {
        this.url = url;
        this.drop = drop;
    }

    /**
     * @param kind  {@code h2} or {@code postgresql}
     * @param name  a name for the database or schema
     * @param fresh whether to start empty (otherwise an existing one of that name is reused and kept)
     */
    static BenchDatabase open(String kind, String name, boolean fresh) {
        switch (kind) {
            case "h2" -> {
                Path dir = Path.of(System.getProperty("java.io.tmpdir"), "nps-bench", name);
                if (fresh) {
                    delete(dir);
                }
                return new BenchDatabase("jdbc:h2:file:" + dir.resolve("db").toAbsolutePath(), fresh ? () -> delete(dir) : () -> { });
            }
            case "postgresql" -> {
                String base = System.getenv(POSTGRES_ENV);
                if (base == null || base.isBlank()) {
                    throw new IllegalStateException(POSTGRES_ENV + " not set: skipping the PostgreSQL case"
                            + " (set it to e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres)");
                }
                String schema = "nps_bench_" + name;
                if (fresh) {
                    admin(base, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                }
                admin(base, "CREATE SCHEMA IF NOT EXISTS " + schema);
                String url = base.replaceAll("([?&])currentSchema=[^&]*&?", "$1");
                url = url + (url.contains("?") ? (url.endsWith("?") || url.endsWith("&") ? "" : "&") : "?") + "currentSchema=" + schema;
                return new BenchDatabase(url, fresh ? () -> admin(base, "DROP SCHEMA IF EXISTS " + schema + " CASCADE") : () -> { });
            }
            default -> throw new IllegalArgumentException("unknown database kind " + kind + "; use h2 or postgresql");
        }
    }

    String url() {
        return url;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url);
    }

    @Override
    public void close() {
        drop.run();
    }

    private static void admin(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
