package dev.nps.cli;

import dev.nps.engine.NpsEngine;
import java.time.Clock;
import picocli.CommandLine.Option;

/** The {@code --store} option and its credentials, shared by import, report and serve. */
final class StoreOptions {
    @Option(names = "--store", paramLabel = "URL", defaultValue = StoreUrl.DEFAULT,
            description = "Where responses are stored: mem:, file:FOLDER (embedded database) or a jdbc: URL "
                    + "(default: ${DEFAULT-VALUE}).")
    String url;

    @Option(names = "--db-user", paramLabel = "USER", description = "Database user for a jdbc: URL.")
    String user;

    @Option(names = "--db-password-env", paramLabel = "VAR", defaultValue = "NPS_DB_PASSWORD",
            description = "Environment variable holding the database password (default: ${DEFAULT-VALUE}).")
    String passwordEnv;

    NpsEngine open(Clock clock) {
        return StoreUrl.open(url, user, System.getenv(passwordEnv), clock);
    }

    String describe() {
        return StoreUrl.mask(url);
    }
}
