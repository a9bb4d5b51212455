package dev.nps.store.jdbc;

import dev.nps.api.ErrorCode;
import dev.nps.api.NpsException;
import dev.nps.spi.NpsStore;
import dev.nps.spi.PluginConfig;
import dev.nps.spi.StoreProvider;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the JDBC store through {@link java.util.ServiceLoader} under the name {@value #NAME}. Keys under the
 * configuration's prefix (e.g. {@code nps.store.jdbc}): {@code url}, {@code user}, {@code password},
 * {@code folder} (embedded H2, used when no url is set; default {@value JdbcStore#DEFAULT_FOLDER}),
 * {@code migrate} (default true), {@code tablePrefix} (default {@value JdbcStore#DEFAULT_TABLE_PREFIX}),
 * {@code poolSize}, {@code fetchSize}, {@code batchSize}. With nothing configured it opens the embedded database.
 *
 * @since 0.1
 */
public final class JdbcStoreProvider implements StoreProvider {
    /** The name users configure. {@value} */
    public static final String NAME = "jdbc";

    /** Creates the provider; cheap, opens nothing (ServiceLoader calls it). */
    public JdbcStoreProvider() {
        // Connections open in create(), never here.
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public NpsStore create(PluginConfig config) {
        List<String> problems = new ArrayList<>();
        JdbcStore.Builder b = JdbcStore.builder();
        Optional<String> url = config.string("url");
        Optional<String> folder = config.string("folder");
        if (url.isPresent() && folder.isPresent()) {
            problems.add(config.key("url") + " and " + config.key("folder") + " are both set; set url for a server or folder for the embedded database");
        }
        collect(problems, config, "url", () -> url.ifPresent(b::url));
        collect(problems, config, "folder", () -> folder.filter(f -> url.isEmpty()).ifPresent(f -> b.embedded(Path.of(f))));
        config.string("user").ifPresent(b::user);
        config.string("password").ifPresent(b::password);
        collect(problems, config, "migrate", () -> b.migrate(config.bool("migrate", true)));
        collect(problems, config, "tablePrefix", () -> b.tablePrefix(config.string("tablePrefix").orElse(JdbcStore.DEFAULT_TABLE_PREFIX)));
        collect(problems, config, "poolSize", () -> b.poolSize(config.integer("poolSize", JdbcStore.DEFAULT_POOL_SIZE)));
        collect(problems, config, "fetchSize", () -> b.fetchSize(config.integer("fetchSize", JdbcStore.DEFAULT_FETCH_SIZE)));
        collect(problems, config, "batchSize", () -> b.batchSize(config.integer("batchSize", JdbcStore.DEFAULT_BATCH_SIZE)));
        if (url.isPresent() && Dialect.forUrl(url.get()).isEmpty()) {
            problems.add(config.key("url") + ": " + Redaction.maskUrl(url.get())
                    + " is not supported; use jdbc:h2:, jdbc:postgresql:, jdbc:mariadb: or jdbc:mysql:");
        }
        if (!problems.isEmpty()) {
            throw new NpsException(ErrorCode.CONFIGURATION, "store 'jdbc' is misconfigured: " + String.join("; ", problems));
        }
        return b.build();
    }

    /** Runs one setting and records its problem under the full key, so every problem is reported at once. */
    private static void collect(List<String> problems, PluginConfig config, String name, Runnable setting) {
        try {
            setting.run();
        } catch (NpsException e) {
            String m = e.getMessage();
            String fullKey = config.key(name);
            problems.add(m.startsWith(fullKey) ? m : m.startsWith(name + ":") ? fullKey + m.substring(name.length()) : fullKey + ": " + m);
        }
    }
}
