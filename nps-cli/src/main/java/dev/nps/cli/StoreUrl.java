package dev.nps.cli;

import dev.nps.engine.NpsEngine;
import dev.nps.engine.store.InMemoryStore;
import dev.nps.spi.NpsStore;
import dev.nps.store.jdbc.JdbcStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * Opens an engine over the store a {@code --store} URL names: {@code mem:} (in memory, gone when the command ends), {@code mem:NAME} (in memory, shared by the commands of one process),
 * {@code file:FOLDER} (the embedded H2 database in a folder) or {@code jdbc:...} (H2, PostgreSQL, MariaDB/MySQL). The last two
 * open nps-store-jdbc's {@code JdbcStore} explicitly.
 */
final class StoreUrl {
    /** Default store: the embedded database in ./nps-data. {@value} */
    static final String DEFAULT = "file:nps-data";

    private static final Map<String, InMemoryStore> NAMED = new java.util.concurrent.ConcurrentHashMap<>();

    private StoreUrl() {}

    static NpsEngine open(String url, String user, String password, Clock clock) {
        if (url == null || url.isBlank()) {
            throw new NpsCommand.InputProblem("--store is empty; use mem:, file:FOLDER or a jdbc: URL");
        }
        NpsEngine.Builder b = NpsEngine.builder().clock(clock);
        if (url.equals("mem:")) {
            return b.inMemoryStore().discoverProviders(false).build();
        }
        if (url.startsWith("mem:")) {
            // A named in-memory store lives as long as the process, so commands run one after another in one JVM
            // (nps demo, tests) share it; closing an engine leaves an in-memory store's data in place.
            String name = url.substring(4);
            return b.store(NAMED.computeIfAbsent(name, n -> new InMemoryStore())).discoverProviders(false).build();
        }
        NpsStore store;
        if (url.startsWith("file:")) {
            String folder = url.substring("file:".length());
            if (folder.isBlank()) {
                throw new NpsCommand.InputProblem("--store file: needs a folder, e.g. file:nps-data");
            }
            store = JdbcStore.embedded(Path.of(folder));
        } else if (url.startsWith("jdbc:")) {
            store = JdbcStore.connect(url, user, password);
        } else {
            throw new NpsCommand.InputProblem("--store '" + mask(url) + "' is not a store URL; use mem:, file:FOLDER "
                    + "(embedded database) or jdbc:postgresql://host/db (and --db-user, NPS_DB_PASSWORD)");
        }
        try {
            // Explicit, no discovery: the commands need a store only, never a channel's configuration.
            return b.store(store).discoverProviders(false).build();
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** Hides a password in a URL's query, for messages. */
    static String mask(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }
}
