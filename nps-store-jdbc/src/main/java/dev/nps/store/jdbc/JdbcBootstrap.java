package dev.nps.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.nps.api.ErrorCode;
import dev.nps.api.NpsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opening a {@link JdbcStore} from its {@link JdbcStore.Builder}: picks the dialect from the URL or the data
 * source, checks the driver, opens the store's own HikariCP pool, and applies the Flyway migrations (or, with
 * migrations off, checks that the tables are there). Every message masks the password.
 */
final class JdbcBootstrap {
    // Logs under the façade's name, which is what applications configure.
    private static final Logger LOG = LoggerFactory.getLogger(JdbcStore.class);

    private JdbcBootstrap() {}

    static JdbcStore open(JdbcStore.Builder b) {
        if (b.dataSource != null) {
            Dialect dialect;
            String url;
            try (Connection c = b.dataSource.getConnection()) {
                String product = c.getMetaData().getDatabaseProductName();
                url = Redaction.maskUrl(c.getMetaData().getURL());
                dialect = Dialect.forProductName(product).orElseThrow(() -> new NpsException(ErrorCode.CONFIGURATION,
                        "dataSource: " + product + " is not supported; use H2, PostgreSQL, MariaDB or MySQL"));
            } catch (SQLException e) {
                throw new NpsException(ErrorCode.STORE_FAILURE, "cannot get a connection from the application's dataSource: "
                        + Redaction.maskMessage(e.getMessage(), b.password) + " (SQLState " + Dialect.sqlState(e) + ")");
            }
            return finish(b.dataSource, null, dialect, b, dialect.folder() + " " + url + " (application DataSource)");
        }
        String url = b.url != null ? b.url : embeddedUrl(b.folder != null ? b.folder : Path.of(JdbcStore.DEFAULT_FOLDER));
        String masked = Redaction.maskUrl(url);
        Dialect dialect = Dialect.forUrl(url).orElseThrow(() -> new NpsException(ErrorCode.CONFIGURATION, "url: " + masked
                + " is not supported; use jdbc:h2:, jdbc:postgresql:, jdbc:mariadb: or jdbc:mysql:"));
        requireDriver(url, masked, dialect);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(b.user);
        config.setPassword(b.password);
        config.setMaximumPoolSize(b.poolSize);
        config.setMinimumIdle(Math.min(2, b.poolSize));
        config.setPoolName("nps-store-" + dialect.folder());
        config.setConnectionTimeout(10_000);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            throw new NpsException(ErrorCode.STORE_FAILURE, "cannot connect to " + masked + ": "
                    + Redaction.maskMessage(root.getMessage(), b.password)
                    + "; check that the database is running and reachable and that the url, user and password are right");
        }
        try {
            return finish(pool, pool, dialect, b, masked);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    private static JdbcStore finish(DataSource ds, HikariDataSource owned, Dialect dialect, JdbcStore.Builder b, String description) {
        JdbcStore store = new JdbcStore(ds, owned, dialect, b, description);
        if (b.migrate) {
            migrate(ds, dialect, new Tables(b.tablePrefix), description, b.password);
        } else {
            checkSchema(ds, dialect, new Tables(b.tablePrefix), description);
        }
        LOG.info("NPS store ready: {} (table prefix '{}', migrations {})", description, b.tablePrefix, b.migrate ? "applied" : "off");
        return store;
    }

    private static String embeddedUrl(Path folder) {
        Path dir = folder.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new NpsException(ErrorCode.STORE_FAILURE, "cannot create the embedded database folder " + dir + " ("
                    + e.getClass().getSimpleName() + "); choose a writable folder with JdbcStore.embedded(Path)");
        }
        return "jdbc:h2:file:" + dir.resolve("nps").toString().replace('\\', '/');
    }

    private static void requireDriver(String url, String masked, Dialect dialect) {
        try {
            DriverManager.getDriver(url);
        } catch (SQLException e) {
            String artifact = switch (dialect) {
                case H2 -> "com.h2database:h2";
                case POSTGRESQL -> "org.postgresql:postgresql";
                case MYSQL -> url.startsWith("jdbc:mysql:") ? "com.mysql:mysql-connector-j" : "org.mariadb.jdbc:mariadb-java-client";
            };
            throw new NpsException(ErrorCode.CONFIGURATION, "url: no JDBC driver for " + masked + " on the class path; add " + artifact);
        }
    }

    private static void migrate(DataSource dataSource, Dialect dialect, Tables tables, String description, String password) {
        try {
            Flyway.configure(JdbcStore.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations(dialect.migrationLocation())
                    .table(tables.history())
                    .placeholders(Map.of("prefix", tables.prefix()))
                    .failOnMissingLocations(true)
                    // The schema usually holds the application's own tables: start our history at version 0 there
                    // so that every one of our migrations still runs.
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .baselineDescription("nps store history starts here")
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new NpsException(ErrorCode.STORE_FAILURE, "schema migration failed on " + description + ": "
                    + Redaction.maskMessage(e.getMessage(), password)
                    + "; the migrations are in nps-store-jdbc under " + dialect.migrationLocation().substring("classpath:".length()));
        }
    }

    private static void checkSchema(DataSource dataSource, Dialect dialect, Tables tables, String description) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + tables.responses() + " WHERE 1 = 0");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
        } catch (SQLException e) {
            throw new NpsException(ErrorCode.STORE_FAILURE, "table " + tables.responses() + " is not readable on " + description
                    + " (SQLState " + Dialect.sqlState(e) + "); migrations are off: apply the SQL in nps-store-jdbc under "
                    + dialect.migrationLocation().substring("classpath:".length()) + " or enable migrate");
        }
    }
}
