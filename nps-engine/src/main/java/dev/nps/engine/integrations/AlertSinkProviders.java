package dev.nps.engine.integrations;

import dev.nps.api.NpsException;
import dev.nps.spi.PluginConfig;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Reading the shared HTTP keys ({@code connect-timeout}, {@code timeout}, {@code attempts}, {@code backoff}). */
final class AlertSinkProviders {
    private AlertSinkProviders() {}

    /** Applies each key that parses; a key that does not becomes a problem, so all are reported together. */
    static void http(PluginConfig c, HttpSinkSettings http, List<String> problems) {
        read(() -> c.duration("connect-timeout", HttpSinkSettings.DEFAULT_CONNECT_TIMEOUT), d -> http.connectTimeout = d, problems);
        read(() -> c.duration("timeout", HttpSinkSettings.DEFAULT_REQUEST_TIMEOUT), d -> http.requestTimeout = d, problems);
        read(() -> c.integer("attempts", HttpSinkSettings.DEFAULT_ATTEMPTS), n -> http.attempts = n, problems);
        read(() -> c.duration("backoff", HttpSinkSettings.DEFAULT_BACKOFF), d -> http.backoff = d, problems);
    }

    private static <T> void read(Supplier<T> value, Consumer<T> apply, List<String> problems) {
        try {
            apply.accept(value.get());
        } catch (NpsException e) {
            problems.add(e.getMessage());
        }
    }
}
